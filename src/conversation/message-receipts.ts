import { createHash } from 'node:crypto';
import { ConflictError, InvalidInputError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { plainConversation } from './plain-conversation.js';
import type { TurnResult } from '../types.js';
import { turnResult } from './turn-result.js';

const RETRY_WAIT_MS = 10_000;
/** How long a client's message id is remembered: a retry after this is a new message. */
export const RECEIPT_TTL_MS = 24 * 60 * 60_000;
/**
 * A conversation's first message has no token yet: its id is all that tells
 * a retry from another customer's message, so it must be a random id, not a
 * counter another client could also use (128 bits, e.g. crypto.randomUUID()).
 */
export const MIN_OPENING_MESSAGE_ID_LENGTH = 22;
/** A receipt this old without an answer belongs to a turn that died (its process, or the database, went away). */
const ABANDONED_AFTER_MS = 10_000;

/**
 * The receipt of a client message id. An opening message's id is stored as a
 * hash: it is the client's proof that a retry is its own, like a token.
 */
export function receiptIdFor(botId: string, conversationId: string | undefined, messageId: string): string {
  if (conversationId) return `${conversationId}:${messageId}`;
  if (messageId.length < MIN_OPENING_MESSAGE_ID_LENGTH) {
    throw new InvalidInputError(
      `messageId: a conversation's first message needs a random id of at least ${MIN_OPENING_MESSAGE_ID_LENGTH} characters (e.g. crypto.randomUUID()); it is what proves a retry is yours`,
    );
  }
  return `new:${botId}:${sha256(messageId)}`;
}

/** What a retry must repeat to be answered as one: the same text (and, for an opening message, the same customer). */
export function requestFingerprint(text: string, customer: unknown): string {
  return sha256(`${text}\u0000${JSON.stringify(customer ?? null)}`);
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export async function recordReceiptAnswer(ctx: HandoverContext, receiptId: string, result: TurnResult): Promise<void> {
  // A turn the bot answered records none: its answer is stored with the message, marked as the answer to it, and replayed from there.
  await ctx.receipts.saveAnswer(receiptId, result.conversationId, result, ctx.now());
}

export type ReceiptOutcome =
  /** Run the turn, storing the customer's message under this id in this conversation (`retake`: a dead turn's). */
  | { run: true; conversationId: string; messageId: string; retake: boolean }
  /** Answered before: give the same answer. */
  | { run: false; replay: TurnResult; relayAgain: string | null };

/**
 * Takes the receipt for a client message id. The first caller gets to run
 * the turn; a retry (even a concurrent one) gets the answer the first one
 * gave, provided it repeats the same message (`fingerprint`): the same id
 * with other content is refused, never answered with another's turn. When
 * the first turn died unanswered, a retry finishes its work: it answers from
 * the transcript if the message was stored, or runs the turn again under the
 * same message id if it was not, so the message is stored exactly once
 * either way. A receipt older than RECEIPT_TTL_MS no longer counts.
 */
export async function takeReceipt(
  ctx: HandoverContext,
  receiptId: string,
  fingerprint: string,
  conversationId: string,
  messageId: string,
): Promise<ReceiptOutcome> {
  const receipt = { id: receiptId, conversationId, messageId, fingerprint, at: ctx.now() };
  let taken = await ctx.receipts.take(receipt);
  if (!taken && (await dropExpiredReceipt(ctx, receiptId))) taken = await ctx.receipts.take(receipt);
  if (taken) return { run: true, conversationId, messageId, retake: false };
  const deadline = Date.now() + RETRY_WAIT_MS;
  for (let delay = 20; ; delay = Math.min(delay * 2, 500)) {
    const receipt = await ctx.receipts.find(receiptId);
    if (receipt?.fingerprint && receipt.fingerprint !== fingerprint) {
      throw new ConflictError('this messageId was already used for another message; send a new id with each new message');
    }
    const answered = await ctx.receipts.answerOf(receiptId);
    if (answered) return { run: false, replay: answered, relayAgain: null };
    const stored = receipt?.messageId ? await answerStoredWithMessage(ctx, receipt.conversationId, receipt.messageId) : null;
    if (stored) return { run: false, replay: stored, relayAgain: null };
    if (receipt?.messageId && ctx.now().getTime() - receipt.at.getTime() > ABANDONED_AFTER_MS) {
      const finished = await finishAbandonedTurn(ctx, receiptId, receipt.conversationId, receipt.messageId);
      if (finished) return finished;
    }
    if (Date.now() >= deadline) throw new ConflictError('this message is still being processed; retry in a moment');
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** Removes a receipt (and its answer) that has expired, so its id can be taken afresh; false when it is still current. */
async function dropExpiredReceipt(ctx: HandoverContext, receiptId: string): Promise<boolean> {
  const receipt = await ctx.receipts.find(receiptId);
  const cutoff = new Date(ctx.now().getTime() - RECEIPT_TTL_MS);
  if (!receipt || receipt.at >= cutoff) return false;
  // only if still taken before the cutoff: a receipt another request took afresh meanwhile stays
  await ctx.receipts.dropIfTakenBefore(receiptId, cutoff);
  return true;
}

/** Forgets client message ids older than RECEIPT_TTL_MS (run now and then by a job); returns how many receipts went. */
export async function expireReceipts(ctx: HandoverContext): Promise<number> {
  const before = new Date(ctx.now().getTime() - RECEIPT_TTL_MS);
  return ctx.receipts.expireBefore(before);
}

/** The turn's result, when the bot's answer was stored with the message (as the conversation stands now). */
async function answerStoredWithMessage(ctx: HandoverContext, conversationId: string, messageId: string): Promise<TurnResult | null> {
  const stored = await ctx.conversations.find(conversationId);
  const answer = stored ? await ctx.conversations.readStoredAnswer(stored, messageId) : null;
  return answer ? turnResult(plainConversation(stored!), answer) : null;
}

async function finishAbandonedTurn(ctx: HandoverContext, receiptId: string, conversationId: string, messageId: string): Promise<ReceiptOutcome | null> {
  const found = await ctx.conversations.find(conversationId);
  const transcript = found ? await ctx.conversations.readTranscript(found) : [];
  const stored = transcript.findIndex((message) => message.id === messageId);
  if (stored >= 0) {
    const conversation = plainConversation(found!);
    const replies = transcript.slice(stored + 1).filter((message) => message.from === 'bot');
    const replay = turnResult(conversation, replies);
    await recordReceiptAnswer(ctx, receiptId, replay);
    // the relay to the team may not have been queued before the turn died; the outbox sends it once either way
    const withTeam = conversation.status === 'waiting' || conversation.status === 'assigned';
    return { run: false, replay, relayAgain: withTeam ? messageId : null };
  }
  if (!(await ctx.decisions.decideOnce(`receipt-retake:${receiptId}`)).won) return null;
  ctx.log.warn({ conversationId, messageId }, 'a turn died before storing its message; running it again');
  return { run: true, conversationId, messageId, retake: true };
}
