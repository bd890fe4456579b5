import type { HandoverContext } from '../handover-context.js';
import { OPERATOR_TENANT, type Tenant } from './tenant.js';

/** Bots stored before tenants existed were the operator's: the only ones anyone could configure safely. */
export async function adoptUntenantedBots(ctx: HandoverContext): Promise<void> {
  const modifiedCount = await ctx.bots.adoptUntenanted(OPERATOR_TENANT);
  if (modifiedCount > 0) ctx.log.info({ bots: modifiedCount }, 'bots stored before tenants given to the operator');
}

/**
 * Staff stored before tenants existed, of a platform whose every user is of
 * one tenant (Slack with one bot token, a single-tenant Teams app): they get
 * that tenant at once instead of when they next act, so auto-assignment keeps
 * finding them. Elsewhere their tenant is learnt from their next verified request.
 */
export async function adoptUntenantedStaff(ctx: HandoverContext, platform: 'slack' | 'teams', tenant: Tenant): Promise<void> {
  const modifiedCount = await ctx.staff.adoptUntenanted(platform, tenant);
  if (modifiedCount > 0) ctx.log.info({ staff: modifiedCount, platform }, 'staff stored before tenants given their tenant');
}
