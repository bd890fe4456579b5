import { newMessage } from '../conversation/append-message.js';
import { turnResult } from '../conversation/turn-result.js';
import type { HandoverContext } from '../handover-context.js';
import { decideOnce } from '../storage/decide-once.js';
import { newId } from '../storage/new-id.js';
import { toConversation } from '../storage/to-domain.js';
import { appendToConversation, readTranscriptTail } from '../storage/transcript.js';
import type { Bot, Conversation, HandoverRecord, Task, TurnResult } from '../types.js';
import type { RuleDecision } from './choose-rule.js';
import { pickAssignee } from './pick-assignee.js';
import { createFollowUpTask } from '../tasks/create-follow-up-task.js';

const TRANSCRIPT_LINES = 10;

/**
 * Runs a rule's actions: assign, pause, tag, follow-up task, closing message,
 * notify. One decision per previous handover (a unique key) lets only one of
 * two racing turns hand over; it returns null for the other.
 */
export async function startHandover(
  ctx: HandoverContext,
  bot: Bot,
  conversation: Conversation,
  decision: RuleDecision,
): Promise<TurnResult | null> {
  const { rule } = decision;
  const handoverId = newId('ho');
  const race = await decideOnce(ctx.store, `handover:${conversation.id}:${conversation.lastHandoverId ?? 'first'}`, { handoverId });
  if (!race.won) return null;

  const now = ctx.now();
  const assignee = await pickAssignee(ctx, bot.id, rule.assign);
  const person = assignee ? { id: assignee.id, name: assignee.name } : null;
  const task: Task | null = rule.task.enabled
    ? await createFollowUpTask(ctx, {
        conversationId: conversation.id,
        botId: bot.id,
        note: rule.task.note,
        dueAt: new Date(now.getTime() + rule.task.dueInMinutes * 60_000),
        assignee: person,
      })
    : null;
  const handover: HandoverRecord = {
    id: handoverId,
    conversationId: conversation.id,
    botId: bot.id,
    trigger: decision.trigger,
    rule: rule.name,
    reason: decision.reason,
    taskId: task?.id ?? null,
    at: now,
  };

  const closing = newMessage(ctx, conversation.id, 'bot', rule.closingMessage);
  const { id: _id, conversationId: _c, botId: _b, ...record } = handover;
  const updated = await appendToConversation(ctx.store, conversation.id, [closing], {
    $set: {
      status: person ? 'assigned' : 'waiting',
      paused: rule.pauseBot,
      assignee: person,
      failedTurns: 0,
      lastHandoverId: handoverId,
    },
    $addToSet: { tags: { $each: rule.tags } },
    $push: {
      handovers: { id: handoverId, ...record },
      ...(task ? { taskIds: task.id } : {}),
    },
  });
  const handedOver = toConversation(updated!);
  ctx.events.publish(conversation.id, { type: 'message', message: closing });
  ctx.events.publish(conversation.id, {
    type: 'status',
    status: handedOver.status,
    paused: handedOver.paused,
    assignee: handedOver.assignee,
  });
  ctx.metrics.handoverStarted({ botId: bot.id, trigger: decision.trigger });
  ctx.log.info(
    { conversationId: conversation.id, botId: bot.id, trigger: decision.trigger, rule: rule.name, assignee: person?.id ?? null, taskId: task?.id ?? null },
    'handover started',
  );

  const transcript = await readTranscriptTail(ctx.store, updated!, TRANSCRIPT_LINES, [closing]);
  await ctx.notifier.escalated({ bot, rule, conversation: handedOver, handover, task, transcript });
  if (assignee) {
    await ctx.notifier.assigned({ staff: assignee, conversation: handedOver, task: null, kind: 'conversation' });
    if (task) await ctx.notifier.assigned({ staff: assignee, conversation: handedOver, task, kind: 'task' });
  }

  if (rule.resumeBotAfterQuietMinutes) {
    const at = new Date(now.getTime() + rule.resumeBotAfterQuietMinutes * 60_000);
    await ctx.scheduler.scheduleSlaCheck({ conversationId: conversation.id, handoverId, stage: 'quiet' }, at);
  }
  if (rule.sla && handedOver.status === 'waiting') {
    const at = new Date(now.getTime() + rule.sla.minutes * 60_000);
    await ctx.scheduler.scheduleSlaCheck({ conversationId: conversation.id, handoverId, stage: 'reminder' }, at);
  }

  return turnResult(handedOver, [closing], {
    trigger: decision.trigger,
    rule: rule.name,
    taskId: task?.id ?? null,
    taskDueAt: task?.dueAt ?? null,
  });
}
