import { loadBot } from '../bots/load-bot.js';
import { afterOpenMinutes, openMillisBetween } from '../business-hours/business-hours.js';
import { plainConversation } from '../conversation/plain-conversation.js';
import type { HandoverContext } from '../handover-context.js';
import type { SlaCheck } from '../ports/task-scheduler.js';
import { claimConversation } from './claim-conversation.js';
import { latestHandoverRule } from './latest-handover-rule.js';
import { pickAssignee } from './pick-assignee.js';
import { freeSeatsOf } from '../capacity/seats.js';

export type SlaOutcome = 'not-waiting' | 'done-before' | 'reminded' | 'assigned' | 'backup-posted' | 'nobody-available';

/**
 * An escalation's SLA came due. Still unclaimed: first the channel is
 * reminded, then (after as long again) the rule's fallback runs: the next
 * available staff member gets it, or it is posted to a backup channel. Each
 * stage happens once per handover, on whichever replica runs the check.
 * Only the bot's business hours count towards the SLA.
 */
export async function checkUnclaimedEscalation(ctx: HandoverContext, check: SlaCheck): Promise<SlaOutcome> {
  const doc = await ctx.conversations.find(check.conversationId);
  if (!doc || doc.lastHandoverId !== check.handoverId || doc.status !== 'waiting') return 'not-waiting';
  const record = doc.handovers.at(-1);
  const sla = (await latestHandoverRule(ctx, doc))?.sla;
  if (!record || !sla) return 'not-waiting';
  if (!(await ctx.decisions.decideOnce(`sla:${check.handoverId}:${check.stage}`)).won) return 'done-before';

  const conversation = plainConversation(doc);
  const handover = { ...record, conversationId: conversation.id, botId: conversation.botId };
  const bot = await loadBot(ctx, conversation.botId);
  // open time only: a weekend spent closed is no wait the team caused
  const minutesWaiting = Math.round(openMillisBetween(bot, new Date(record.at), ctx.now()) / 60_000);
  ctx.log.warn({ conversationId: conversation.id, stage: check.stage, minutesWaiting }, 'escalation unclaimed past its SLA');

  if (check.stage === 'reminder') {
    await ctx.notifier.unclaimed({ conversation, handover, minutesWaiting, stage: 'reminder', backupSlackChannel: null });
    const fallbackAt = sla.fallback === 'none' ? null : afterOpenMinutes(bot, ctx.now(), sla.minutes);
    if (fallbackAt) await ctx.scheduler.scheduleSlaCheck({ ...check, stage: 'fallback' }, fallbackAt);
    return 'reminded';
  }
  if (sla.fallback === 'backup') {
    await ctx.notifier.unclaimed({ conversation, handover, minutesWaiting, stage: 'backup', backupSlackChannel: sla.backupSlackChannel });
    return 'backup-posted';
  }
  const holder = { conversationId: conversation.id, handoverId: record.id };
  const staff = sla.fallback === 'auto' ? await pickAssignee(ctx, conversation.botId, { mode: 'auto' }, holder) : null;
  if (!staff) return 'nobody-available';
  const claim = await claimConversation(ctx, conversation.id, staff);
  // the seat picked for them goes back when someone else got the conversation first
  if (!claim.won && claim.heldBy?.id !== staff.id) await freeSeatsOf(ctx, conversation.id, staff.id);
  if (claim.won) await ctx.notifier.assigned({ staff, conversation: claim.conversation, task: null, kind: 'conversation' });
  return claim.won ? 'assigned' : 'not-waiting';
}
