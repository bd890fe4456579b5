import { z } from 'zod';
import { turnResponseSchema } from './customer-api-responses.js';
import { customerMessageBodySchema } from './customer-api-schemas.js';

/** The Handoff API's inputs and answers (README "Handoff API"); the OpenAPI document is built from these. */

export const handoffBodySchema = z
  .object({
    customer: z
      .object({
        id: z.string().max(200).optional().describe('Your bot’s id for the customer: sent back with every event'),
        name: z.string().max(200).optional(),
        email: z.email().max(320).optional(),
      })
      .describe('Who the customer is, as your bot knows them: shown to the team'),
    transcript: z
      .array(
        z.object({
          from: z.enum(['customer', 'bot']),
          text: z.string({ error: 'text must be a string' }).min(1, 'text must not be empty').max(4000, 'text is longer than 4000 characters'),
          at: z.iso.datetime({ offset: true }).optional().describe('When it was said (ISO 8601); default: now'),
        }),
      )
      .max(200, 'send at most the last 200 lines of the transcript')
      .describe('What was said before the handoff, oldest first'),
    reason: z.string({ error: 'reason must be a string' }).min(1, 'reason must not be empty').max(500).describe('Why your bot hands over, shown to the team'),
    summary: z.string().min(1).max(1000).optional().describe('1-3 sentences for the team: what the customer wants and what your bot tried'),
  })
  // strict: a webhook URL (or anything else) in the body is refused, not silently dropped; the operator sets the webhook
  .strict();

export const forwardedMessageBodySchema = customerMessageBodySchema.pick({ text: true, messageId: true });

export const idempotencyKeySchema = z.string().regex(/^[\w.:-]{1,200}$/, 'Idempotency-Key is 1-200 letters, digits, "_", "-", "." or ":"');

const person = z.object({ id: z.string(), name: z.string() });

export const handoffResponseSchema = z.object({
  conversationId: z.string(),
  token: z.string().describe('The conversation’s customer token: `Authorization: Bearer <token>` on the customer API (e.g. to let the customer’s own client read the conversation)'),
  status: z.enum(['waiting', 'assigned', 'resolved', 'bot']).describe('waiting: nobody from the team has claimed it yet; assigned: a person has it'),
  assignee: person.nullable(),
  replayed: z.boolean().describe('true when this answers a retry with an Idempotency-Key already used: no new conversation was created'),
});

export const forwardedMessageResponseSchema = turnResponseSchema.omit({ token: true });
