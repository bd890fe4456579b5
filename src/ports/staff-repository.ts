import type { StaffMember } from '../types.js';

export type PlatformIdentity = { slackUserId: string } | { teamsUserId: string };

export type StaffPreferences = Partial<Pick<StaffMember, 'available' | 'capacity' | 'notifyOnConversationAssigned' | 'notifyOnTaskAssigned'>>;

/** How to reach someone 1:1 on a platform (a Teams personal chat's conversation reference). */
export type PersonalChatReference = Record<string, unknown>;

export interface StaffRepository {
  find(staffId: string): Promise<StaffMember | null>;
  /**
   * The staff member behind a platform identity, created the first time
   * (with `newId`); their name, email and tenant refreshed from `profile`.
   */
  saveByIdentity(identity: PlatformIdentity, profile: { name: string; email: string | null; tenant: string }, newId: () => string): Promise<StaffMember>;
  /** Someone of a tenant named by staff id, Slack or Teams user id, or email. */
  findInTenant(reference: string, tenant: string): Promise<StaffMember | null>;
  /** A tenant's available staff, in a stable order. */
  availableStaff(tenant: string): Promise<StaffMember[]>;
  updatePreferences(staffId: string, changes: StaffPreferences): Promise<StaffMember | null>;
  rememberLastConversation(staffId: string, conversationId: string): Promise<void>;
  lastConversationOf(staffId: string): Promise<string | null>;
  /** Staff of a platform stored before tenants existed get `tenant`; returns how many. */
  adoptUntenanted(platform: 'slack' | 'teams', tenant: string): Promise<number>;
  teamsPersonalChatOf(staffId: string): Promise<PersonalChatReference | null>;
  setTeamsPersonalChat(staffId: string, reference: PersonalChatReference): Promise<void>;
}
