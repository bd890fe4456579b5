import { NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import type { Tenant } from '../tenants/tenant.js';

export interface SettingsHistoryEntry {
  at: Date;
  actor: { id: string; name: string };
  summary: string;
}

/** The latest changes of a bot's settings, newest first: who, when, what. Another tenant's bot is one that does not exist. */
export async function settingsHistory(ctx: HandoverContext, botId: string, tenant: Tenant, limit: number): Promise<SettingsHistoryEntry[]> {
  const bot = await ctx.bots.find(botId, { fresh: true });
  if (!bot || bot.tenant !== tenant) throw new NotFoundError(`bot "${botId}"`);
  return (await ctx.settingsAudit.latest(botId, limit)).map(({ at, actor, summary }) => ({ at, actor, summary }));
}
