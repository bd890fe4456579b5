import { loadBot } from '../bots/load-bot.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { chooseRule } from '../handover/choose-rule.js';
import { startHandover } from '../handover/start-handover.js';
import { isDuplicateKeyError } from '../storage/handover-store.js';
import { newId, newOrderedId } from '../storage/new-id.js';
import { toConversation } from '../storage/to-domain.js';
import type { Bot, Conversation, Customer, Message, TurnResult } from '../types.js';
import { appendMessage } from './append-message.js';
import { loadCustomerConversation } from './load-customer-conversation.js';
import { readCustomerTurn } from './read-customer-turn.js';
import { turnResult } from './turn-result.js';
import { replayTurn } from './replay-turn.js';

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
 * One customer turn: the message is stored before anything else (so nothing
 * acknowledged is lost), then either relayed to the team (handed over) or
 * answered by the bot, with the bot's rules judging whether to hand over.
 */
export async function handleCustomerMessage(ctx: HandoverContext, input: CustomerMessageInput): Promise<CustomerTurn> {
  const bot = await loadBot(ctx, input.botId);
  let conversation = input.conversationId
    ? await loadCustomerConversation(ctx, input.conversationId, input.token)
    : null;
  if (conversation && conversation.botId !== bot.id) throw new NotFoundError(`conversation "${conversation.id}"`);

  const clientKey = input.messageId
    ? conversation
      ? `${conversation.id}:${input.messageId}`
      : `${bot.id}:new:${input.messageId}`
    : null;
  if (clientKey) {
    const replay = await replayTurn(ctx, clientKey);
    if (replay) return replay;
  }

  const startsConversation = conversation === null;
  conversation ??= await createConversation(ctx, bot, input.customer ?? {});
  const message: Message = {
    id: newOrderedId('msg'),
    conversationId: conversation.id,
    from: 'customer',
    text: input.text,
    at: ctx.now(),
    author: null,
  };
  try {
    await ctx.store.messages.create({ _id: message.id, ...message, clientKey: clientKey ?? message.id, turnResult: null });
  } catch (error) {
    if (!clientKey || !isDuplicateKeyError(error)) throw error;
    // A concurrent retry of the same message got there first: answer as it did.
    if (startsConversation) await ctx.store.conversations.deleteOne({ _id: conversation.id });
    const replay = await replayTurn(ctx, clientKey, { waitMs: 10_000 });
    if (!replay) throw new ConflictError('this message is still being processed; retry in a moment');
    return replay;
  }

  const result = await runTurn(ctx, bot, conversation, message);
  await ctx.store.messages.updateOne({ _id: message.id }, { $set: { turnResult: result } });
  return { result, token: startsConversation ? ctx.tokens.issue(conversation.id) : null };
}

async function createConversation(ctx: HandoverContext, bot: Bot, customer: Customer): Promise<Conversation> {
  const doc = await ctx.store.conversations.create({
    _id: newId('cv'),
    botId: bot.id,
    status: 'bot',
    paused: false,
    tags: [],
    assignee: null,
    customer,
    failedTurns: 0,
    lastCustomerText: null,
    channelRefs: {},
    lastHandoverId: null,
  });
  return toConversation(doc.toObject());
}

async function runTurn(ctx: HandoverContext, bot: Bot, conversation: Conversation, message: Message): Promise<TurnResult> {
  const withTeam = conversation.status === 'waiting' || conversation.status === 'assigned';
  if (withTeam) await ctx.notifier.customerMessage({ conversation, message });
  if (conversation.paused) return turnResult(conversation, []);

  const reading = readCustomerTurn(ctx.responders.forBot(bot), message.text, conversation.lastCustomerText);
  const updatedDoc = await ctx.store.conversations
    .findOneAndUpdate(
      { _id: conversation.id },
      {
        $inc: { failedTurns: reading.failed ? 1 : 0 },
        $set: { lastCustomerText: message.text, ...(withTeam ? {} : { status: 'bot' }) },
      },
      { returnDocument: 'after' },
    )
    .lean();
  const updated = updatedDoc ? toConversation(updatedDoc) : conversation;

  if (!withTeam) {
    const decision = chooseRule(bot, {
      text: message.text,
      contactRequest: reading.contactRequest,
      unanswered: !reading.negativeFeedback && !reading.answer.answered,
      confidence: reading.answer.confidence,
      failedTurns: updated.failedTurns,
    });
    if (decision) {
      const handedOver = await startHandover(ctx, bot, updated, decision);
      if (handedOver) return handedOver;
    }
  }

  const replyText = reading.negativeFeedback
    ? BOT_FEEDBACK_REPLY
    : (reading.answer.answered && reading.answer.answer) || BOT_FALLBACK_REPLY;
  const reply = await appendMessage(ctx, conversation.id, 'bot', replyText);
  return turnResult(updated, [reply]);
}
