import type { HandoverContext } from '../handover-context.js';
import { newId } from '../storage/new-id.js';
import { toStaffMember } from '../storage/to-domain.js';
import type { StaffMember } from '../types.js';

type PlatformIdentity = { slackUserId: string } | { teamsUserId: string };

/**
 * The staff member behind a Slack or Teams user, created the first time they
 * act; the name is refreshed from what the platform says now.
 */
export async function saveStaffMember(
  ctx: HandoverContext,
  identity: PlatformIdentity,
  profile: { name: string; email?: string | null },
): Promise<StaffMember> {
  const doc = await ctx.store.staff
    .findOneAndUpdate(
      identity,
      {
        $set: { name: profile.name, ...(profile.email ? { email: profile.email.toLowerCase() } : {}) },
        $setOnInsert: { _id: newId('st') },
      },
      { upsert: true, returnDocument: 'after' },
    )
    .lean();
  return toStaffMember(doc!);
}

export async function updateStaffPreferences(
  ctx: HandoverContext,
  staffId: string,
  changes: Partial<Pick<StaffMember, 'available' | 'notifyOnConversationAssigned' | 'notifyOnTaskAssigned'>>,
): Promise<StaffMember | null> {
  const doc = await ctx.store.staff.findOneAndUpdate({ _id: staffId }, { $set: changes }, { returnDocument: 'after' }).lean();
  return doc ? toStaffMember(doc) : null;
}

/** Remembers the escalation a staff member last acted on (Slack's slash commands carry no thread). */
export async function rememberLastConversation(ctx: HandoverContext, staffId: string, conversationId: string): Promise<void> {
  await ctx.store.staff.updateOne({ _id: staffId }, { $set: { lastConversationId: conversationId } });
}

export async function lastConversationOf(ctx: HandoverContext, staffId: string): Promise<string | null> {
  return (await ctx.store.staff.findById(staffId, { lastConversationId: 1 }).lean())?.lastConversationId ?? null;
}
