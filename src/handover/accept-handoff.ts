import { createHash } from 'node:crypto';
import { loadBot } from '../bots/load-bot.js';
import { newMessage } from '../conversation/append-message.js';
import { newConversation } from '../conversation/new-conversation.js';
import { plainConversation } from '../conversation/plain-conversation.js';
import { turnResult } from '../conversation/turn-result.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { newId } from '../ids/new-id.js';
import type { Customer, TurnResult } from '../types.js';
import type { Tenant } from '../tenants/tenant.js';
import { startHandoverOfNewConversation } from './start-handover.js';

export interface HandoffRequest {
  botId: string;
  customer: Customer;
  /** What was said before, oldest first (`at`: when, if the handing bot knows). */
  transcript: Array<{ from: 'customer' | 'bot'; text: string; at?: Date }>;
  reason: string;
  /** 1-3 sentences for the team, when the handing bot wrote them. */
  summary?: string;
  /** The tenant the handing bot's verified request came from: it may hand over only to that tenant's bots. */
  tenant: Tenant;
  /** The caller's Idempotency-Key: a retry with the same key and request gets the same conversation, never a second one. */
  idempotencyKey?: string;
}

export interface AcceptedHandoff {
  conversationId: string;
  token: string;
  result: TurnResult;
  /** A retry of a handoff already accepted: nothing new was created. */
  replayed: boolean;
}

const RETRY_WAIT_MS = 10_000;
/** How long an Idempotency-Key is remembered: as long as a customer message's messageId. */
export const HANDOFF_KEY_MEMORY_MS = 24 * 60 * 60_000;
const KEY_PREFIX = 'handoff:';
/** A key taken this long ago whose conversation never appeared belongs to a handoff that died midway. */
const ABANDONED_AFTER_MS = 30_000;

/**
 * Another bot hands a conversation over to us (the Handoff API, or the Bot
 * Framework `handoff.initiate` convention): the conversation is created with
 * its transcript and handed over by the bot's first enabled rule, as if the
 * customer had asked for a person.
 */
export async function acceptHandoff(ctx: HandoverContext, request: HandoffRequest): Promise<AcceptedHandoff> {
  const bot = await loadBot(ctx, request.botId);
  if (bot.tenant !== request.tenant) throw new NotFoundError(`bot "${request.botId}"`);
  const rule = bot.rules.find((candidate) => candidate.enabled);
  if (!bot.labs || !bot.handover || !rule) {
    throw new ConflictError(`bot "${bot.id}" does not take handovers now (Labs, handover or an enabled rule is missing)`);
  }
  let id = newId('cv');
  if (request.idempotencyKey) {
    const earlier = await takeIdempotencyKey(ctx, request, id);
    if (earlier.replay) return earlier.replay;
    id = earlier.conversationId;
  }
  const now = ctx.now();
  const messages = request.transcript.slice(-200).map((line) => {
    const message = newMessage(ctx, id, line.from, line.text.slice(0, 4000));
    // a time from the handing bot is kept when it is plausible: never in the future
    return line.at && line.at.getTime() <= now.getTime() ? { ...message, at: line.at } : message;
  });
  const conversation = newConversation(ctx, bot, id, request.customer);
  const result = await startHandoverOfNewConversation(ctx, bot, conversation, messages, {
    rule,
    trigger: 'contact_request',
    reason: request.reason,
    ...(request.summary ? { summary: request.summary } : {}),
  });
  return { conversationId: id, token: ctx.tokens.issue(id), result, replayed: false };
}

/**
 * The first handoff with a key wins it (a unique insert, on any replica) and
 * creates the conversation under the id it stored; a retry with the same key
 * and the same request is answered with that conversation once it exists.
 * The same key with another request is refused.
 */
async function takeIdempotencyKey(
  ctx: HandoverContext,
  request: HandoffRequest,
  id: string,
): Promise<{ replay: AcceptedHandoff; conversationId?: never } | { replay?: never; conversationId: string }> {
  const key = `${KEY_PREFIX}${request.botId}:${sha256(request.idempotencyKey!)}`;
  const fingerprint = sha256(JSON.stringify([request.customer, request.transcript, request.reason, request.summary ?? null]));
  const race = await ctx.decisions.decideOnce(key, { conversationId: id, fingerprint, at: ctx.now().getTime() });
  if (race.won) return { conversationId: id };
  if (race.winner.fingerprint !== fingerprint) {
    throw new ConflictError('this Idempotency-Key was already used for another handoff; send a new key with each new handoff');
  }
  const earlierId = String(race.winner.conversationId);
  const deadline = Date.now() + RETRY_WAIT_MS;
  for (let delay = 20; ; delay = Math.min(delay * 2, 500)) {
    const stored = await ctx.conversations.find(earlierId);
    if (stored) {
      return { replay: { conversationId: earlierId, token: ctx.tokens.issue(earlierId), result: turnResult(plainConversation(stored), []), replayed: true } };
    }
    if (ctx.now().getTime() - Number(race.winner.at) > ABANDONED_AFTER_MS && (await ctx.decisions.decideOnce(`${key}:retake`)).won) {
      ctx.log.warn({ conversationId: earlierId, botId: request.botId }, 'a handoff died before creating its conversation; creating it now');
      return { conversationId: earlierId };
    }
    if (Date.now() >= deadline) throw new ConflictError('this handoff is still being processed; retry in a moment');
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** Forgets Idempotency-Keys older than HANDOFF_KEY_MEMORY_MS (run by the receipt expiry job); how many went. */
export function forgetOldHandoffKeys(ctx: HandoverContext): Promise<number> {
  return ctx.decisions.forgetOlderThan(KEY_PREFIX, new Date(ctx.now().getTime() - HANDOFF_KEY_MEMORY_MS));
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}
