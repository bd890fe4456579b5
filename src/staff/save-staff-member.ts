import type { HandoverContext } from '../handover-context.js';
import { newId } from '../storage/new-id.js';
import { toStaffMember } from '../storage/to-domain.js';
import type { HandoverStore } from '../storage/handover-store.js';
import type { StaffMember } from '../types.js';
import type { Tenant } from '../tenants/tenant.js';

type PlatformIdentity = { slackUserId: string } | { teamsUserId: string };

/**
 * Staff ids by platform identity, per store, as this process has found them:
 * the embedded FerretDB finds a document by its _id through the index, and
 * by any other field by reading the whole collection (every Slack click
 * looks its staff member up).
 */
const staffIdsByIdentity = new WeakMap<HandoverStore, Map<string, string>>();

function knownStaffIds(store: HandoverStore): Map<string, string> {
  let ids = staffIdsByIdentity.get(store);
  if (!ids) staffIdsByIdentity.set(store, (ids = new Map()));
  return ids;
}

function identityKey(identity: PlatformIdentity): string {
  return 'slackUserId' in identity ? `slack:${identity.slackUserId}` : `teams:${identity.teamsUserId}`;
}

/**
 * The staff member behind a Slack or Teams user, created the first time they
 * act; the name is refreshed from what the platform says now, and the tenant
 * from the installation the verified request came through.
 */
export async function saveStaffMember(
  ctx: Pick<HandoverContext, 'store'>,
  identity: PlatformIdentity,
  profile: { name: string; email?: string | null },
  tenant: Tenant,
): Promise<StaffMember> {
  const refresh = { $set: { name: profile.name, tenant, ...(profile.email ? { email: profile.email.toLowerCase() } : {}) } };
  const ids = knownStaffIds(ctx.store);
  const key = identityKey(identity);
  const knownId = ids.get(key);
  // the identity stays in the filter: a staff member removed since is looked up (or created) afresh
  const known = knownId ? await ctx.store.staff.findOneAndUpdate({ _id: knownId, ...identity }, refresh, { returnDocument: 'after' }).lean() : null;
  const doc =
    known ??
    (await ctx.store.staff
      .findOneAndUpdate(identity, { ...refresh, $setOnInsert: { _id: newId('st') } }, { upsert: true, returnDocument: 'after' })
      .lean());
  ids.set(key, doc!._id);
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
