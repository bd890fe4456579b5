import { assignWaiting } from '../capacity/capacity-queue.js';
import type { HandoverContext } from '../handover-context.js';
import { newId } from '../ids/new-id.js';
import type { PlatformIdentity, StaffPreferences } from '../ports/staff-repository.js';
import type { StaffMember } from '../types.js';
import type { Tenant } from '../tenants/tenant.js';

/**
 * The staff member behind a Slack or Teams user, created the first time they
 * act; the name is refreshed from what the platform says now, and the tenant
 * from the installation the verified request came through.
 */
export async function saveStaffMember(
  ctx: Pick<HandoverContext, 'staff'>,
  identity: PlatformIdentity,
  profile: { name: string; email?: string | null },
  tenant: Tenant,
): Promise<StaffMember> {
  return ctx.staff.saveByIdentity(identity, { name: profile.name, email: profile.email ? profile.email.toLowerCase() : null, tenant }, () => newId('st'));
}

export async function updateStaffPreferences(
  ctx: HandoverContext,
  staffId: string,
  changes: StaffPreferences,
): Promise<StaffMember | null> {
  const staff = await ctx.staff.updatePreferences(staffId, changes);
  // someone who became available, or took on more, can take what waits for room at once
  if (staff?.tenant && (changes.available === true || changes.capacity !== undefined)) await assignWaiting(ctx, staff.tenant);
  return staff;
}

/** Remembers the escalation a staff member last acted on (Slack's slash commands carry no thread). */
export async function rememberLastConversation(ctx: HandoverContext, staffId: string, conversationId: string): Promise<void> {
  await ctx.staff.rememberLastConversation(staffId, conversationId);
}

export async function lastConversationOf(ctx: HandoverContext, staffId: string): Promise<string | null> {
  return ctx.staff.lastConversationOf(staffId);
}
