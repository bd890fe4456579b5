import type { HandoverContext } from '../handover-context.js';

const KEY_PREFIX = 'platform-event:';
/** Platforms retry an event within minutes; a day is ample, and the record of it need not outlive that. */
export const PLATFORM_EVENT_MEMORY_MS = 24 * 60 * 60_000;

/**
 * Marks a platform's event (a Slack event id, a Teams activity id) handled:
 * true for the first caller only, on any replica, so a platform's retry of
 * an event it thinks we missed does nothing twice.
 */
export async function handlePlatformEventOnce(ctx: Pick<HandoverContext, 'decisions'>, platform: string, eventId: string): Promise<boolean> {
  return (await ctx.decisions.decideOnce(`${KEY_PREFIX}${platform}:${eventId}`)).won;
}

/** Forgets the platform events handled longer ago than PLATFORM_EVENT_MEMORY_MS; how many went. */
export function forgetOldPlatformEvents(ctx: Pick<HandoverContext, 'decisions' | 'now'>): Promise<number> {
  return ctx.decisions.forgetOlderThan(KEY_PREFIX, new Date(ctx.now().getTime() - PLATFORM_EVENT_MEMORY_MS));
}
