import type { PlatformIdentity } from '../ports/staff-repository.js';
import type { Tenant } from '../tenants/tenant.js';
import type { BusinessHours, HandoverRule } from '../types.js';

/** One change of a bot's settings, as a settings form (Slack modal, Teams card) or a command makes it. */
export type SettingsChange =
  | { kind: 'switches'; labs?: boolean; handover?: boolean }
  /** failedTurnsBeforeHandover: the bot's count the failed-resolution trigger waits for, set from the rule form alongside the rule. */
  | { kind: 'addRule'; rule: HandoverRule; failedTurnsBeforeHandover?: number }
  | { kind: 'editRule'; index: number; rule: HandoverRule; failedTurnsBeforeHandover?: number }
  | { kind: 'deleteRule'; index: number }
  | { kind: 'moveRuleUp'; index: number }
  /** The whole list at once (Slack's "Advanced (YAML)" view). */
  | { kind: 'replaceRules'; rules: HandoverRule[] }
  /** null: always open. Validated as the config file's businessHours. */
  | { kind: 'businessHours'; businessHours: BusinessHours | null }
  /** Open conversations auto-assignment gives each person for this bot; null: their own limit. */
  | { kind: 'staffCapacity'; staffCapacity: number | null };

/** Who makes a change: a staff member the caller has checked may configure the tenant. */
export interface SettingsActor {
  id: string;
  name: string;
}

/** A person the platform found (Slack users.info, the Teams roster), for a rule that names them. */
export interface FoundStaff {
  identity: PlatformIdentity;
  name: string;
  email: string | null;
}

/**
 * How a platform adapter finds a person a rule names, in the caller's own
 * workspace (null: nobody such, or not a member of that workspace).
 */
export type StaffLookup = (reference: string) => Promise<FoundStaff | null>;

export interface ChangeBotSettingsInput {
  botId: string;
  /** The caller's tenant, from the verified request. */
  tenant: Tenant;
  actor: SettingsActor;
  /** The revision the form showed (Bot.revision). */
  expectedRevision: number;
  change: SettingsChange;
  /** Needed when the change saves a rule that names a person ({ mode: 'user' }). */
  lookupStaff?: StaffLookup;
}
