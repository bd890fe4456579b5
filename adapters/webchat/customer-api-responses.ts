import { z } from 'zod';
import { TRIGGERS } from '../../src/types.js';

/**
 * What the customer API answers, as JSON (dates are ISO strings). The
 * OpenAPI document is generated from these, and the tests check real
 * answers against them, so the document cannot drift from the service.
 */
const isoDate = z.iso.datetime();
const person = z.object({ id: z.string(), name: z.string() });
const status = z
  .enum(['bot', 'waiting', 'assigned', 'resolved'])
  .describe('bot: the bot answers; waiting: handed over, nobody has claimed it yet; assigned: a person has it; resolved: the bot is back');
const queueStanding = z
  .object({
    position: z.number().int().min(1).describe('1: next in line (oldest waiting handover of this bot first)'),
    expectedWaitMinutes: z
      .number()
      .int()
      .min(1)
      .nullable()
      .describe('The median time to claim of the bot’s last 20 claims of the past 7 days (business hours only); null with fewer than 5: too little data to say'),
    back: z.string().nullable().describe('Out of business hours: when the team is back, e.g. "Monday 9:00 (Berlin time)"; null while it works'),
  })
  .describe('Where a waiting customer stands: "You are #3 — usually answered within ~6 min"');
const message = z.object({ id: z.string(), from: z.enum(['customer', 'bot', 'agent', 'system']), text: z.string(), at: isoDate });

export const turnResponseSchema = z.object({
  conversationId: z.string(),
  token: z.string().optional().describe('Only on the first turn of a conversation: send it as `Authorization: Bearer <token>` from then on'),
  status,
  paused: z.boolean().describe('The bot stays silent in this conversation while people handle it'),
  tags: z.array(z.string()),
  assignee: person.nullable().describe('Who from the team has the conversation'),
  replies: z.array(message).describe('What the customer should see for this turn (empty while the bot is paused)'),
  handover: z
    .object({ trigger: z.enum(TRIGGERS), rule: z.string(), taskId: z.string().nullable(), taskDueAt: isoDate.nullable() })
    .nullable()
    .describe('Set on the turn that handed the conversation to the team'),
  queue: queueStanding.nullable().optional().describe('While the conversation waits for the team (status waiting): where the customer stands; null otherwise'),
});

export const conversationResponseSchema = z.object({
  id: z.string(),
  botId: z.string(),
  status,
  paused: z.boolean(),
  tags: z.array(z.string()),
  assignee: person.nullable(),
  messages: z.array(message.extend({ author: person.nullable() })),
  tasks: z.array(z.object({ id: z.string(), note: z.string(), dueAt: isoDate, status: z.enum(['open', 'overdue', 'done']), assignee: person.nullable() })),
  handovers: z.array(z.object({ trigger: z.enum(TRIGGERS), rule: z.string(), reason: z.string(), at: isoDate })),
  queue: queueStanding.nullable().describe('While the conversation waits for the team (status waiting): where the customer stands; null otherwise'),
});

export const botResponseSchema = z.object({ id: z.string(), name: z.string() });

export const errorResponseSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
