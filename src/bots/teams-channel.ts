import type { HandoverContext } from '../handover-context.js';
import type { ChannelReference } from '../ports/bot-repository.js';

/** Remembers the Teams channel a bot's escalations go to (its conversation reference). */
export async function subscribeTeamsChannel(ctx: HandoverContext, botId: string, reference: ChannelReference): Promise<void> {
  await ctx.bots.setTeamsChannel(botId, reference);
}

/** The Teams channel a bot's escalations go to, if one was subscribed. */
export function teamsChannelOf(ctx: HandoverContext, botId: string): Promise<ChannelReference | null> {
  return ctx.bots.teamsChannelOf(botId);
}
