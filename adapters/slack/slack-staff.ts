import type { WebClient } from '@slack/web-api';
import type { HandoverContext } from '../../src/handover-context.js';
import { saveStaffMember } from '../../src/staff/save-staff-member.js';
import type { StaffMember } from '../../src/types.js';
import type { Tenant } from '../../src/tenants/tenant.js';

export interface SlackProfile {
  name: string;
  email: string | null;
  isAdmin: boolean;
}

/** A Slack user's profile (users.info, with the asking workspace's client); the user id stands in for a name Slack will not give. */
async function lookupProfile(client: WebClient, userId: string): Promise<SlackProfile> {
  try {
    const { user } = await client.users.info({ user: userId });
    return {
      name: user?.profile?.display_name || user?.real_name || user?.name || userId,
      email: user?.profile?.email ?? null,
      isAdmin: Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner),
    };
  } catch {
    return { name: userId, email: null, isAdmin: false };
  }
}

export interface SlackDirectory {
  profile(userId: string): Promise<SlackProfile>;
}

/**
 * Slack profiles, each kept for ten minutes. The directory is taken with the
 * request's client (its workspace's token), which looks up the profiles it
 * has not cached: passed along rather than kept in an AsyncLocalStorage,
 * whose promise hooks would tax every promise of the process from the first
 * Slack request on.
 */
export function createSlackDirectory(): (client: WebClient, tenant: Tenant) => SlackDirectory {
  const cache = new Map<string, Promise<SlackProfile>>();
  return (client, tenant) => ({
    profile(userId) {
      // per tenant: being an admin of one workspace says nothing of another of the same org
      const key = `${tenant}/${userId}`;
      let profile = cache.get(key);
      if (!profile) {
        profile = lookupProfile(client, userId);
        cache.set(key, profile);
        setTimeout(() => cache.delete(key), 10 * 60_000).unref();
      }
      return profile;
    },
  });
}

/** The staff member behind a Slack user of the tenant the request came through. */
export async function slackStaffMember(
  ctx: HandoverContext,
  directory: SlackDirectory,
  tenant: Tenant,
  userId: string,
  knownName?: string,
): Promise<StaffMember> {
  const profile = knownName ? { name: knownName, email: null } : await directory.profile(userId);
  return saveStaffMember(ctx, { slackUserId: userId }, { name: profile.name, email: profile.email }, tenant);
}

/** Workspace admins and owners, and the people listed in HANDOVER_ADMINS, may change configuration. */
export async function mayConfigure(directory: SlackDirectory, admins: string[], userId: string): Promise<boolean> {
  if (admins.includes(userId)) return true;
  const profile = await directory.profile(userId);
  return profile.isAdmin || (profile.email !== null && admins.map((admin) => admin.toLowerCase()).includes(profile.email.toLowerCase()));
}
