import type { HandoverContext } from '../handover-context.js';

/**
 * Marks a platform's event (a Slack event id, a Teams activity id) handled:
 * true for the first caller only, on any replica, so a platform's retry of
 * an event it thinks we missed does nothing twice.
 */
export async function handlePlatformEventOnce(ctx: Pick<HandoverContext, 'decisions'>, platform: string, eventId: string): Promise<boolean> {
  return (await ctx.decisions.decideOnce(`${platform}:${eventId}`)).won;
}
