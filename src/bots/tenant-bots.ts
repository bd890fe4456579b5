import type { HandoverContext } from '../handover-context.js';
import type { Bot } from '../types.js';

/** A bot as stored now, or null (callers check the tenant). */
export function findBot(ctx: HandoverContext, botId: string): Promise<Bot | null> {
  return ctx.bots.find(botId, { fresh: true });
}

/** Up to `limit` of a tenant's bots. */
export function botsOfTenant(ctx: HandoverContext, tenant: string, limit: number): Promise<Bot[]> {
  return ctx.bots.botsOfTenant(tenant, limit);
}
