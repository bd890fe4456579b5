import { loadBot } from '../bots/load-bot.js';
import { NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { chooseRule } from '../handover/choose-rule.js';
import { startHandover } from '../handover/start-handover.js';
import { newId } from '../storage/new-id.js';
import { toConversation } from '../storage/to-domain.js';
import { createConversation, readTranscript } from '../storage/transcript.js';
import type { Bot, Conversation, Customer, Message, TurnResult } from '../types.js';
import { appendMessages, newMessage } from './append-message.js';
import { loadCustomerConversation } from './load-customer-conversation.js';
import { readCustomerTurn } from './read-customer-turn.js';
import { recordReceiptAnswer, takeReceipt } from './message-receipts.js';
import { turnResult } from './turn-result.js';

export interface CustomerMessageInput {
  botId: string;
  text: string;
  conversationId?: string;
  token?: string;
  /** The client's id for this message: a retry with the same id is stored once and answered the same. */
  messageId?: string;
  customer?: Customer;
}

export interface CustomerTurn {
  result: TurnResult;
  /** Only on the turn that started the conversation. */
  token: string | null;
}

export const BOT_FALLBACK_REPLY = "Sorry, I don't have an answer to that yet. Could you put it another way?";
export const BOT_FEEDBACK_REPLY = "Sorry that didn't help. Could you tell me a bit more about what you need?";

/**
 * One customer turn: the message is stored before the answer goes out (so
 * nothing acknowledged is lost), then either relayed to the team (handed
 * over) or answered by the bot, whose rules judge whether to hand over.
 */
export async function handleCustomerMessage(ctx: HandoverContext, input: CustomerMessageInput): Promise<CustomerTurn> {
  const bot = await loadBot(ctx, input.botId);
  const existing = input.conversationId ? await loadCustomerConversation(ctx, input.conversationId, input.token) : null;
  if (existing && existing.botId !== bot.id) throw new NotFoundError(`conversation "${existing.id}"`);
  const conversationId = existing?.id ?? newId('cv');

  const receiptId = input.messageId
    ? existing
      ? `${existing.id}:${input.messageId}`
      : `${bot.id}:new:${input.messageId}`
    : null;
  let message = newMessage(ctx, conversationId, 'customer', input.text);
  let turnConversationId = conversationId;
  let retake = false;
  if (receiptId) {
    const receipt = await takeReceipt(ctx, receiptId, conversationId, message.id);
    if (!receipt.run) {
      if (receipt.relayAgain) await relayStoredMessage(ctx, receipt.replay.conversationId, receipt.relayAgain);
      return { result: receipt.replay, token: existing ? null : ctx.tokens.issue(receipt.replay.conversationId) };
    }
    // a retake of a turn that died: same conversation, same message id
    turnConversationId = receipt.conversationId;
    retake = receipt.retake;
    message = { ...message, id: receipt.messageId, conversationId: turnConversationId };
  }

  const conversation = existing ?? newConversation(ctx, bot, turnConversationId, input.customer ?? {});
  const result = await runTurn(ctx, bot, { conversation, isNew: !existing && !(retake && (await conversationExists(ctx, turnConversationId))) }, message);
  if (receiptId) await recordReceiptAnswer(ctx, receiptId, result);
  return { result, token: existing ? null : ctx.tokens.issue(turnConversationId) };
}

async function conversationExists(ctx: HandoverContext, conversationId: string): Promise<boolean> {
  return (await ctx.store.conversations.exists({ _id: conversationId })) !== null;
}

/** Queues again the relay of a message whose turn died after storing it (the outbox delivers it once). */
async function relayStoredMessage(ctx: HandoverContext, conversationId: string, messageId: string): Promise<void> {
  const doc = await ctx.store.conversations.findById(conversationId).lean();
  const message = doc ? (await readTranscript(ctx.store, doc)).find((m) => m.id === messageId) : undefined;
  if (message) await ctx.notifier.customerMessage({ conversation: toConversation(doc!), message });
}

interface TurnState {
  conversation: Conversation;
  /** Not stored yet: the turn's write creates it. */
  isNew: boolean;
}

function newConversation(ctx: HandoverContext, bot: Bot, id: string, customer: Customer): Conversation {
  const now = ctx.now();
  return {
    id,
    botId: bot.id,
    status: 'bot',
    paused: false,
    tags: [],
    assignee: null,
    customer,
    failedTurns: 0,
    lastCustomerText: null,
    lastHandoverId: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Writes the turn: a new conversation is inserted with its first messages, an existing one gets them appended. */
async function saveTurn(
  ctx: HandoverContext,
  state: TurnState,
  messages: Message[],
  changes: { lastCustomerText: string; status?: 'bot'; failed: boolean },
): Promise<Conversation> {
  const { conversation } = state;
  const set = { lastCustomerText: changes.lastCustomerText, ...(changes.status ? { status: changes.status } : {}) };
  if (!state.isNew) return appendMessages(ctx, conversation.id, messages, { $set: set, $inc: { failedTurns: changes.failed ? 1 : 0 } });
  const { id, ...fields } = conversation;
  const doc = await createConversation(
    ctx.store,
    { _id: id, ...fields, ...set, failedTurns: changes.failed ? 1 : 0, channelRefs: {}, taskIds: [], handovers: [] },
    messages,
  );
  for (const message of messages) ctx.events.publish(id, { type: 'message', message });
  return toConversation(doc);
}

async function runTurn(ctx: HandoverContext, bot: Bot, state: TurnState, message: Message): Promise<TurnResult> {
  const { conversation } = state;
  const withTeam = conversation.status === 'waiting' || conversation.status === 'assigned';
  if (conversation.paused) {
    const stored = await appendMessages(ctx, conversation.id, [message]);
    if (withTeam) await ctx.notifier.customerMessage({ conversation: stored, message });
    return turnResult(stored, []);
  }

  const reading = readCustomerTurn(ctx.responders.forBot(bot), message.text, conversation.lastCustomerText);
  const changes = { lastCustomerText: message.text, failed: reading.failed, ...(withTeam ? {} : { status: 'bot' as const }) };
  if (!withTeam) {
    const decision = chooseRule(bot, {
      text: message.text,
      contactRequest: reading.contactRequest,
      unanswered: !reading.negativeFeedback && !reading.answer.answered,
      confidence: reading.answer.confidence,
      failedTurns: conversation.failedTurns + (reading.failed ? 1 : 0),
    });
    if (decision) {
      const stored = await saveTurn(ctx, state, [message], changes);
      // null: a concurrent turn handed over first, and this message is already in its transcript
      return (await startHandover(ctx, bot, stored, decision)) ?? turnResult(stored, []);
    }
  }

  const replyText = reading.negativeFeedback
    ? BOT_FEEDBACK_REPLY
    : (reading.answer.answered && reading.answer.answer) || BOT_FALLBACK_REPLY;
  const reply = newMessage(ctx, conversation.id, 'bot', replyText);
  const stored = await saveTurn(ctx, state, [message, reply], changes);
  if (withTeam) await ctx.notifier.customerMessage({ conversation: stored, message });
  return turnResult(stored, [reply]);
}
