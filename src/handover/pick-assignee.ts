import { loadBot } from '../bots/load-bot.js';
import type { HandoverContext } from '../handover-context.js';
import { toStaffMember } from '../storage/to-domain.js';
import type { Assignment, StaffMember } from '../types.js';

/**
 * Who gets a new escalation: nobody yet (claim), a named staff member, or
 * the next available one in turn. When nobody fits, it falls back to claim.
 */
export async function pickAssignee(ctx: HandoverContext, botId: string, assignment: Assignment): Promise<StaffMember | null> {
  if (assignment.mode === 'claim') return null;
  // only the bot's own tenant's people: never someone of another installation
  const { tenant } = await loadBot(ctx, botId);
  if (assignment.mode === 'user') {
    const ref = assignment.staff;
    const doc = await ctx.store.staff
      .findOne({ $or: [{ _id: ref }, { slackUserId: ref }, { teamsUserId: ref }, { email: ref.toLowerCase() }], tenant })
      .lean();
    if (!doc) ctx.log.warn({ botId, staff: ref }, 'rule names a staff member who is unknown; falling back to claim');
    return doc ? toStaffMember(doc) : null;
  }
  const available = await ctx.store.staff.find({ available: true, tenant }).sort({ _id: 1 }).lean();
  if (available.length === 0) return null;
  // The counter is one atomic increment, so concurrent escalations on several replicas still take turns.
  const bot = await ctx.store.bots.findOneAndUpdate({ _id: botId }, { $inc: { roundRobin: 1 } }, { returnDocument: 'after' }).lean();
  const turn = ((bot?.roundRobin ?? 1) - 1) % available.length;
  return toStaffMember(available[turn]!);
}
