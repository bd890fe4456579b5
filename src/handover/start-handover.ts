import { newMessage } from '../conversation/append-message.js';
import { plainConversation } from '../conversation/plain-conversation.js';
import { turnResult } from '../conversation/turn-result.js';
import type { HandoverContext } from '../handover-context.js';
import { newId } from '../ids/new-id.js';
import type { HandoverEntry } from '../ports/conversation-repository.js';
import type { Bot, Conversation, HandoverRecord, Message, StaffMember, Task, TurnResult } from '../types.js';
import type { RuleDecision } from './choose-rule.js';
import { pickAssignee } from './pick-assignee.js';
import { afterOpenMinutes } from '../business-hours/business-hours.js';
import { backSentence, outOfHoursAt } from '../business-hours/out-of-hours.js';
import { enterQueue } from '../queue/queue-standing.js';
import { writeEscalationSummary } from './escalation-summary.js';
import { newFollowUpTask, saveFollowUpTask } from '../tasks/create-follow-up-task.js';
import { queueForCapacity } from '../capacity/capacity-queue.js';
import { recordHandoverStarted } from '../stats/record-handover-facts.js';

const TRANSCRIPT_LINES = 10;

/** What a rule's actions make of a conversation, before any of it is written. */
interface PlannedHandover {
  rule: RuleDecision['rule'];
  handover: HandoverRecord;
  assignee: StaffMember | null;
  task: Task | null;
  closing: Message;
}

/**
 * Runs a rule's actions on a conversation that exists: assign, pause, tag,
 * follow-up task, closing message, notify. One decision per previous
 * handover (a unique key) lets only one of two racing turns hand over; it
 * returns null for the other.
 */
export async function startHandover(
  ctx: HandoverContext,
  bot: Bot,
  conversation: Conversation,
  decision: RuleDecision,
): Promise<TurnResult | null> {
  const handoverId = newId('ho');
  const race = await ctx.decisions.decideOnce(`handover:${conversation.id}:${conversation.lastHandoverId ?? 'first'}`, { handoverId });
  if (!race.won) return null;

  // the transcript as it stands (this turn's message in): the summary is written from it, before the write that stores it
  const [before, summary] = await transcriptAndSummary(ctx, bot, conversation.id, decision);
  const planned = await planHandover(ctx, bot, conversation, decision, handoverId, summary);
  const { handover, rule, task, closing } = planned;
  const after = handedOver(conversation, planned);
  const [updated] = await Promise.all([
    ctx.conversations.append(conversation.id, [closing], {
      status: after.status,
      paused: after.paused,
      assignee: after.assignee,
      failedTurns: after.failedTurns,
      lastHandoverId: after.lastHandoverId,
      addTags: rule.tags,
      addHandover: storedHandover(handover),
      ...(task ? { addTaskId: task.id } : {}),
    }),
    task ? saveFollowUpTask(ctx, task) : null,
  ]);
  const transcript = before ? [...before, closing].slice(-TRANSCRIPT_LINES) : await ctx.conversations.readTranscriptTail(updated!, TRANSCRIPT_LINES, [closing]);
  return announceHandover(ctx, bot, plainConversation(updated!), planned, transcript, false);
}

/** The last lines before the handover and the team's summary of them (none read when the decision brought its summary). */
async function transcriptAndSummary(ctx: HandoverContext, bot: Bot, conversationId: string, decision: RuleDecision): Promise<[Message[] | null, string]> {
  if (decision.summary) return [null, decision.summary];
  const stored = await ctx.conversations.find(conversationId);
  const before = stored ? await ctx.conversations.readTranscriptTail(stored, TRANSCRIPT_LINES) : [];
  return [before, await writeEscalationSummary(ctx, bot, before, decision.reason)];
}

/**
 * A conversation whose first messages hand it over (a customer's first
 * message, a transcript handed off by another bot) is created handed over,
 * with those messages and the closing message as its first chunk. There is
 * no race to decide: nobody else knows the conversation yet.
 */
export async function startHandoverOfNewConversation(
  ctx: HandoverContext,
  bot: Bot,
  conversation: Conversation,
  firstMessages: Message[],
  decision: RuleDecision,
): Promise<TurnResult> {
  const summary = decision.summary ?? (await writeEscalationSummary(ctx, bot, firstMessages.slice(-TRANSCRIPT_LINES), decision.reason));
  const planned = await planHandover(ctx, bot, conversation, decision, newId('ho'), summary);
  const { handover, task, closing } = planned;
  const after = handedOver(conversation, planned);
  const transcript = [...firstMessages, closing];
  await Promise.all([
    ctx.conversations.create({ conversation: after, taskIds: task ? [task.id] : [], handovers: [storedHandover(handover)], messages: transcript }),
    task ? saveFollowUpTask(ctx, task) : null,
  ]);
  for (const message of firstMessages) ctx.events.publish(after.id, { type: 'message', message });
  return announceHandover(ctx, bot, after, planned, transcript.slice(-TRANSCRIPT_LINES), true);
}

async function planHandover(ctx: HandoverContext, bot: Bot, conversation: Conversation, decision: RuleDecision, handoverId: string, summary: string): Promise<PlannedHandover> {
  const { rule } = decision;
  const now = ctx.now();
  const assignee = await pickAssignee(ctx, bot.id, rule.assign, { conversationId: conversation.id, handoverId });
  const task = rule.task.enabled
    ? newFollowUpTask({
        conversationId: conversation.id,
        botId: bot.id,
        note: rule.task.note,
        dueAt: new Date(now.getTime() + rule.task.dueInMinutes * 60_000),
        assignee: assignee ? { id: assignee.id, name: assignee.name } : null,
      })
    : null;
  const handover: HandoverRecord = {
    id: handoverId,
    conversationId: conversation.id,
    botId: bot.id,
    trigger: decision.trigger,
    rule: rule.name,
    reason: decision.reason,
    ...(decision.department ? { department: decision.department } : {}),
    taskId: task?.id ?? null,
    summary,
    at: now,
  };
  // never silent: the post tells the team whom the rule meant, so someone claims it
  if (rule.assign.mode === 'user' && !assignee) handover.namedAssigneeMissing = rule.assign.staff;
  const outOfHours = outOfHoursAt(bot, now);
  if (outOfHours) handover.outOfHours = outOfHours;
  const closingText = outOfHours ? `${rule.closingMessage} ${backSentence(outOfHours)}` : rule.closingMessage;
  return { rule, handover, assignee, task, closing: newMessage(ctx, conversation.id, 'bot', closingText) };
}

/** A handover as the conversation keeps it (the conversation and bot are the document's). */
function storedHandover({ conversationId: _c, botId: _b, ...record }: HandoverRecord): HandoverEntry {
  return record;
}

/** The conversation once handed over. */
function handedOver(conversation: Conversation, { rule, assignee, handover, closing }: PlannedHandover): Conversation {
  return {
    ...conversation,
    status: assignee ? 'assigned' : 'waiting',
    paused: rule.pauseBot,
    assignee: assignee ? { id: assignee.id, name: assignee.name } : null,
    failedTurns: 0,
    lastHandoverId: handover.id,
    tags: [...new Set([...conversation.tags, ...rule.tags])],
    updatedAt: closing.at,
  };
}

/** Tells everyone: the customer's live view, metrics, the team (through the outbox), the assignee; schedules the SLA checks. */
async function announceHandover(
  ctx: HandoverContext,
  bot: Bot,
  conversation: Conversation,
  { rule, handover, assignee, task, closing }: PlannedHandover,
  transcript: Message[],
  newConversation: boolean,
): Promise<TurnResult> {
  ctx.events.publish(conversation.id, { type: 'message', message: closing });
  ctx.events.publish(conversation.id, { type: 'status', status: conversation.status, paused: conversation.paused, assignee: conversation.assignee });
  ctx.metrics.handoverStarted({ botId: bot.id, trigger: handover.trigger });
  ctx.log.info(
    { conversationId: conversation.id, botId: bot.id, trigger: handover.trigger, rule: rule.name, assignee: assignee?.id ?? null, taskId: task?.id ?? null },
    'handover started',
  );

  if (conversation.status === 'waiting') await enterQueue(ctx, conversation, handover);
  await ctx.notifier.escalated({ bot, rule, conversation, handover, task, transcript, newConversation });
  if (assignee) {
    await ctx.notifier.assigned({ staff: assignee, conversation, task: null, kind: 'conversation' });
    if (task) await ctx.notifier.assigned({ staff: assignee, conversation, task, kind: 'task' });
  }

  await recordHandoverStarted(ctx, handover, assignee !== null);
  if (rule.assign.mode === 'auto' && !assignee) await queueForCapacity(ctx, bot, conversation, handover);
  const now = handover.at;
  if (rule.resumeBotAfterQuietMinutes) {
    const at = new Date(now.getTime() + rule.resumeBotAfterQuietMinutes * 60_000);
    await ctx.scheduler.scheduleSlaCheck({ conversationId: conversation.id, handoverId: handover.id, stage: 'quiet' }, at);
  }
  if (rule.sla && conversation.status === 'waiting') {
    // the SLA counts only the hours the team works: out of hours its clock stands still
    const at = afterOpenMinutes(bot, now, rule.sla.minutes);
    if (at) await ctx.scheduler.scheduleSlaCheck({ conversationId: conversation.id, handoverId: handover.id, stage: 'reminder' }, at);
  }

  return turnResult(conversation, [closing], {
    trigger: handover.trigger,
    rule: rule.name,
    taskId: task?.id ?? null,
    taskDueAt: task?.dueAt ?? null,
  });
}
