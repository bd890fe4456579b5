import type { Context } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { SettingsChangedError } from '../../src/errors.js';
import type { HandoverContext } from '../../src/handover-context.js';
import type { Tenant } from '../../src/tenants/tenant.js';
import type { Bot, StaffMember } from '../../src/types.js';

export interface SettingsListenerDeps {
  ctx: HandoverContext;
  log: Logger;
  /** The caller's tenant, from the installation Bolt authorized the signed request with. */
  tenantOf(context: Context): Tenant;
  /** Whether the caller may change configuration (slack-staff.ts mayConfigure). */
  mayConfigure(client: WebClient, context: Context, userId: string): Promise<boolean>;
  /** The caller as a staff member (who a change is recorded as). */
  staffOf(client: WebClient, context: Context, userId: string, name?: string): Promise<StaffMember>;
}

export const NOT_YOURS = "This bot is not one of your workspace's.";

/** The caller's bot as stored now, or null when it is not the caller's tenant's (answered as one that does not exist). */
export async function ownBot(deps: SettingsListenerDeps, context: Context, botId: string): Promise<Bot | null> {
  const bot = await deps.ctx.bots.find(botId, { fresh: true });
  return bot && bot.tenant === deps.tenantOf(context) ? bot : null;
}

/** Someone else's change as the person whose save it stopped reads it. */
export function changedMeanwhileNotice(error: SettingsChangedError): string {
  const who = error.changedBy ?? 'Someone';
  const what = error.changeSummary ? ` (${error.changeSummary})` : '';
  return `${who} changed these settings meanwhile${what}, so nothing of yours was saved. This is the current state: make your change again if it still applies.`;
}
