import { appendMessage } from '../conversation/append-message.js';
import type { HandoverContext } from '../handover-context.js';
import { decideOnce } from '../storage/decide-once.js';
import { newId } from '../storage/new-id.js';
import { toConversation, toMessage } from '../storage/to-domain.js';
import type { Bot, Conversation, HandoverRecord, Task, TurnResult } from '../types.js';
import type { RuleDecision } from './choose-rule.js';
import { pickAssignee } from './pick-assignee.js';
import { turnResult } from '../conversation/turn-result.js';

const TRANSCRIPT_LINES = 10;

/**
 * Runs a rule's actions: assign, pause, tag, follow-up task, closing message,
 * notify. One decision per previous handover (a unique key) lets only one
 * of two racing turns hand over.
 * Returns null when another turn won that race.
 */
export async function startHandover(
  ctx: HandoverContext,
  bot: Bot,
  conversation: Conversation,
  decision: RuleDecision,
): Promise<TurnResult | null> {
  const { rule } = decision;
  const now = ctx.now();
  const assignee = await pickAssignee(ctx, bot.id, rule.assign);
  const person = assignee ? { id: assignee.id, name: assignee.name } : null;
  const handoverId = newId('ho');
  const taskId = rule.task.enabled ? newId('tk') : null;

  const race = await decideOnce(ctx.store, `handover:${conversation.id}:${conversation.lastHandoverId ?? 'first'}`, { handoverId });
  if (!race.won) return null;
  const updated = await ctx.store.conversations
    .findOneAndUpdate(
      { _id: conversation.id, status: { $nin: ['waiting', 'assigned'] } },
      {
        $set: {
          status: person ? 'assigned' : 'waiting',
          paused: rule.pauseBot,
          assignee: person,
          failedTurns: 0,
          lastHandoverId: handoverId,
        },
        $addToSet: { tags: { $each: rule.tags } },
      },
      { returnDocument: 'after' },
    )
    .lean();
  if (!updated) return null;
  const handedOver = toConversation(updated);

  const task: Task | null = taskId
    ? {
        id: taskId,
        conversationId: conversation.id,
        botId: bot.id,
        note: rule.task.note,
        dueAt: new Date(now.getTime() + rule.task.dueInMinutes * 60_000),
        status: 'open',
        assignee: person,
      }
    : null;
  if (task) {
    await ctx.store.tasks.create({ _id: task.id, ...withoutId(task), remindedAt: null });
    await ctx.scheduler.scheduleTaskDue(task.id, task.dueAt);
  }
  const handover: HandoverRecord = {
    id: handoverId,
    conversationId: conversation.id,
    botId: bot.id,
    trigger: decision.trigger,
    rule: rule.name,
    reason: decision.reason,
    taskId,
    at: now,
  };
  await ctx.store.handovers.create({ _id: handover.id, ...withoutId(handover) });

  const closing = await appendMessage(ctx, conversation.id, 'bot', rule.closingMessage);
  ctx.events.publish(conversation.id, {
    type: 'status',
    status: handedOver.status,
    paused: handedOver.paused,
    assignee: handedOver.assignee,
  });
  ctx.log.info(
    { conversationId: conversation.id, botId: bot.id, trigger: decision.trigger, rule: rule.name, assignee: person?.id ?? null, taskId },
    'handover started',
  );

  const transcript = await recentTranscript(ctx, conversation.id);
  await ctx.notifier.escalated({ bot, rule, conversation: handedOver, handover, task, transcript });
  if (assignee) {
    await ctx.notifier.assigned({ staff: assignee, conversation: handedOver, task: null, kind: 'conversation' });
    if (task) await ctx.notifier.assigned({ staff: assignee, conversation: handedOver, task, kind: 'task' });
  }

  return turnResult(handedOver, [closing], {
    trigger: decision.trigger,
    rule: rule.name,
    taskId,
    taskDueAt: task?.dueAt ?? null,
  });
}

async function recentTranscript(ctx: HandoverContext, conversationId: string) {
  const docs = await ctx.store.messages.find({ conversationId }).sort({ _id: -1 }).limit(TRANSCRIPT_LINES).lean();
  return docs.reverse().map(toMessage);
}

function withoutId<T extends { id: string }>(value: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = value;
  return rest;
}
