import type { AsyncResponder, BotAnswer } from '../bot/responder.js';
import { TRANSCRIPT_MESSAGES } from '../assistant/assistant-prompt.js';
import { loadBot } from '../bots/load-bot.js';
import { NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { chooseRule, sensitiveTopicsOnce, type RuleDecision, type TurnSignals } from '../handover/choose-rule.js';
import { startHandover, startHandoverOfNewConversation } from '../handover/start-handover.js';
import { newId } from '../ids/new-id.js';
import type { ConversationChange, StoredConversation } from '../ports/conversation-repository.js';
import { plainConversation } from './plain-conversation.js';
import type { Bot, Conversation, Customer, HandoverRule, Message, TurnResult } from '../types.js';
import { newMessage } from './append-message.js';
import { newConversation } from './new-conversation.js';
import { checkCustomerToken } from './load-customer-conversation.js';
import { detectInMessage, readCustomerTurn, type CustomerTurnReading, type MessageDetection } from './read-customer-turn.js';
import { receiptIdFor, recordReceiptAnswer, requestFingerprint, takeReceipt } from './message-receipts.js';
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
  if (input.conversationId) checkCustomerToken(ctx, input.conversationId, input.token);
  const [bot, botOfConversation] = await Promise.all([
    loadBot(ctx, input.botId),
    input.conversationId ? ctx.conversations.botOf(input.conversationId) : null,
  ]);
  if (input.conversationId && botOfConversation !== bot.id) throw new NotFoundError(`conversation "${input.conversationId}"`);
  const started = !input.conversationId;
  let conversationId = input.conversationId ?? newId('cv');
  const receiptId = input.messageId ? receiptIdFor(bot.id, input.conversationId, input.messageId) : null;
  let message = newMessage(ctx, conversationId, 'customer', input.text);
  let isNew = started;
  if (receiptId) {
    const fingerprint = requestFingerprint(input.text, started ? (input.customer ?? null) : null);
    const receipt = await takeReceipt(ctx, receiptId, fingerprint, conversationId, message.id);
    if (!receipt.run) {
      if (receipt.relayAgain) await relayStoredMessage(ctx, receipt.replay.conversationId, receipt.relayAgain);
      return { result: receipt.replay, token: started ? ctx.tokens.issue(receipt.replay.conversationId) : null };
    }
    // a retake of a turn that died: same conversation, same message id
    conversationId = receipt.conversationId;
    message = { ...message, id: receipt.messageId, conversationId };
    if (receipt.retake && started) isNew = !(await conversationExists(ctx, conversationId));
  }

  const { result, answerStored } = isNew
    ? await startConversation(ctx, bot, newConversation(ctx, bot, conversationId, input.customer ?? {}), message)
    : await continueConversation(ctx, bot, message);
  if (receiptId && !answerStored) await recordReceiptAnswer(ctx, receiptId, result);
  return { result, token: started ? ctx.tokens.issue(conversationId) : null };
}

async function conversationExists(ctx: HandoverContext, conversationId: string): Promise<boolean> {
  return ctx.conversations.exists(conversationId);
}

/** Queues again the relay of a message whose turn died after storing it (the outbox delivers it once). */
async function relayStoredMessage(ctx: HandoverContext, conversationId: string, messageId: string): Promise<void> {
  const stored = await ctx.conversations.find(conversationId);
  const message = stored ? (await ctx.conversations.readTranscript(stored)).find((m) => m.id === messageId) : undefined;
  if (message) await ctx.notifier.customerMessage({ conversation: plainConversation(stored!), message });
}

/** What the bot does with a customer message, judged from the conversation as it was before it. */
interface TurnPlan {
  /** The conversation once the message is in. */
  after: Conversation;
  failed: boolean;
  withTeam: boolean;
  /** The bot's answer; null when the team has the conversation or a rule hands it over. */
  reply: Message | null;
  decision: RuleDecision | null;
}

/**
 * `asked`: the AI assistant's answer, asked before the turn's write (the
 * plan runs inside it, synchronously); null: the knowledge base answers here.
 */
function planTurn(ctx: HandoverContext, bot: Bot, before: Conversation, message: Message, asked: AskedAssistant | null = null): TurnPlan {
  const withTeam = before.status === 'waiting' || before.status === 'assigned';
  const base = { ...before, lastCustomerText: message.text, updatedAt: message.at };
  if (before.paused) return { after: base, failed: false, withTeam, reply: null, decision: null };

  const { answer, detected, sensitiveTopic } = asked ?? {};
  const reading = readCustomerTurn(answer ? { answer: () => answer } : ctx.responders.forBot(bot), message.text, before.lastCustomerText, bot.contactRequestThreshold, detected);
  const after: Conversation = {
    ...base,
    failedTurns: before.failedTurns + (reading.failed ? 1 : 0),
    status: withTeam ? before.status : 'bot',
  };
  const decision = withTeam ? null : chooseRule(bot, turnSignals(message, reading, after.failedTurns, sensitiveTopic));
  if (withTeam || decision) return { after, failed: reading.failed, withTeam, reply: null, decision };
  const replyText = reading.negativeFeedback
    ? BOT_FEEDBACK_REPLY
    : (reading.answer.answered && reading.answer.answer) || BOT_FALLBACK_REPLY;
  return { after, failed: reading.failed, withTeam, reply: newMessage(ctx, message.conversationId, 'bot', replyText), decision: null };
}

function turnSignals(message: Message, reading: CustomerTurnReading, failedTurns: number, sensitiveTopic?: TurnSignals['sensitiveTopic']): TurnSignals {
  const { answer } = reading;
  return {
    text: message.text,
    contactRequest: reading.contactRequest,
    department: reading.department,
    // an assistant that asks for a person has not failed to answer
    unanswered: !reading.negativeFeedback && !answer.answered && !answer.handover,
    confidence: answer.confidence,
    failedTurns,
    ...(answer.unansweredReason ? { unansweredReason: answer.unansweredReason } : {}),
    ...(answer.handover ? { guidance: answer.handover } : {}),
    ...(sensitiveTopic ? { sensitiveTopic } : {}),
  };
}

/**
 * Asks the bot's AI assistant about a message before the turn's write,
 * from the conversation as it was when read (the plan inside the write
 * sees it again, fresh). Null when the answer would not be used: the
 * conversation is paused or with the team, the message is feedback on the
 * last answer, or a rule hands over whatever the answer.
 */
interface AskedAssistant {
  answer: BotAnswer | null;
  /** The message's words read once for the question and the plan. */
  detected: MessageDetection;
  /** Its sensitive topics, matched once for the rules judged in the question and in the plan. */
  sensitiveTopic: (rule: HandoverRule) => string | null;
}

async function askAssistant(
  ctx: HandoverContext,
  bot: Bot,
  assistant: AsyncResponder,
  message: Message,
  before: Conversation,
  transcript: () => Promise<Message[]>,
): Promise<AskedAssistant | null> {
  if (before.paused || before.status === 'waiting' || before.status === 'assigned') return null;
  const detected = detectInMessage(message.text, bot.contactRequestThreshold);
  const sensitiveTopic = sensitiveTopicsOnce(message.text);
  const reading = readCustomerTurn({ answer: () => NO_ANSWER }, message.text, before.lastCustomerText, bot.contactRequestThreshold, detected);
  if (reading.negativeFeedback) return { answer: null, detected, sensitiveTopic };
  const failsIfAnswered = !reading.contactRequest && reading.repeatedQuestion;
  const ifAnswered = chooseRule(bot, turnSignals(message, { ...reading, answer: ANY_ANSWER }, before.failedTurns + (failsIfAnswered ? 1 : 0), sensitiveTopic));
  const ifNot = chooseRule(bot, turnSignals(message, reading, before.failedTurns + (reading.failed ? 1 : 0), sensitiveTopic));
  const guidedBefore = (rule: HandoverRule) => bot.rules.slice(0, bot.rules.indexOf(rule)).some((earlier) => earlier.enabled && earlier.guidance);
  if (ifAnswered && ifNot && ifAnswered.rule === ifNot.rule && ifAnswered.trigger === ifNot.trigger && !guidedBefore(ifAnswered.rule)) return { answer: null, detected, sensitiveTopic };
  // the transcript is read only if the assistant asks its model (not with its breaker open)
  return { answer: await assistant.answer({ text: message.text, transcript }), detected, sensitiveTopic };
}

const NO_ANSWER: BotAnswer = { answered: false, entryId: null, answer: null, confidence: 0 };
const ANY_ANSWER: BotAnswer = { answered: true, entryId: null, answer: '', confidence: 1 };

/** A turn's result; `answerStored`: the bot's answer is stored with the message, where a retry finds it (no receipt needed). */
interface FinishedTurn {
  result: TurnResult;
  answerStored: boolean;
}

/** The first message: the conversation is created with it (and the answer, or the handover it asks for) in one write. */
async function startConversation(ctx: HandoverContext, bot: Bot, conversation: Conversation, message: Message): Promise<FinishedTurn> {
  const assistant = ctx.responders.assistantFor(bot);
  const asked = assistant ? await askAssistant(ctx, bot, assistant, message, conversation, async () => []) : null;
  const plan = planTurn(ctx, bot, conversation, message, asked);
  if (plan.decision) {
    const result = await startHandoverOfNewConversation(ctx, bot, plan.after, [message], plan.decision);
    return { result, answerStored: false };
  }
  const { id } = plan.after;
  const messages = plan.reply ? [message, plan.reply] : [message];
  // an assistant's next turn shows its model these messages: kept from this write, not read back
  await ctx.conversations.create({ conversation: plan.after, taskIds: [], handovers: [], messages, answered: plan.reply !== null, tailReadNext: assistant !== null });
  for (const stored of messages) ctx.events.publish(id, { type: 'message', message: stored });
  return finishTurn(ctx, bot, plan, message);
}

/**
 * A message in an existing conversation: the bot judges it from the
 * conversation as it was before it, and one conversation write stores it
 * with what the judgement changed (a failure counted, a resolved
 * conversation back with the bot); see appendCustomerTurn.
 */
async function continueConversation(ctx: HandoverContext, bot: Bot, message: Message): Promise<FinishedTurn> {
  const assistant = ctx.responders.assistantFor(bot);
  const appended = assistant
    ? await appendAssistantTurn(ctx, bot, assistant, message)
    : await ctx.conversations.appendCustomerTurn(message, (before) => decideTurn(ctx, bot, message, before, null));
  if (!appended) throw new NotFoundError(`conversation "${message.conversationId}"`);
  const { plan } = appended;
  ctx.events.publish(message.conversationId, { type: 'message', message });
  if (plan.reply) ctx.events.publish(message.conversationId, { type: 'message', message: plan.reply });
  return finishTurn(ctx, bot, plan, message);
}

function decideTurn(ctx: HandoverContext, bot: Bot, message: Message, before: StoredConversation, asked: AskedAssistant | null) {
  const current = plainConversation(before);
  const plan = planTurn(ctx, bot, current, message, asked);
  return { plan, replies: plan.reply ? [plan.reply] : [], change: followUpChange(plan, current) };
}

/** A turn's model is asked at most this often: the last time from the conversation as stored, written whatever came after. */
const ASKS_PER_TURN = 2;

/**
 * An AI assistant's turn. Its model must see every earlier turn, including
 * those another replica stored since this one last wrote the conversation;
 * reading the conversation before every question would cost each turn a
 * read that is almost never needed. So the model is asked from the
 * conversation as this process last wrote it, and the turn is written only
 * if no other turn was appended since; if one was, the model is asked
 * again from the conversation as stored now.
 */
async function appendAssistantTurn(ctx: HandoverContext, bot: Bot, assistant: AsyncResponder, message: Message) {
  let stored = await ctx.conversations.findAsLastWritten(message.conversationId);
  for (let asks = 1; stored; asks++) {
    const from = stored;
    const asked = await askAssistant(ctx, bot, assistant, message, plainConversation(from), () => ctx.conversations.readTranscriptTail(from, TRANSCRIPT_MESSAGES));
    const decide = (before: StoredConversation) => decideTurn(ctx, bot, message, before, asked);
    if (asks === ASKS_PER_TURN) return ctx.conversations.appendCustomerTurn(message, decide);
    const appended = await ctx.conversations.appendCustomerTurnAt(message, from.transcript.appends, decide);
    if (appended !== 'moved') return appended;
    stored = await ctx.conversations.find(message.conversationId);
  }
  return null;
}

/** What a turn changes beyond storing its message: a failure counted, a resolved conversation back with the bot. */
function followUpChange(plan: TurnPlan, before: Conversation): ConversationChange | null {
  if (!plan.failed && plan.after.status === before.status) return null;
  return { ...(plan.failed ? { incrementFailedTurns: true } : {}), ...(plan.after.status !== before.status ? { status: plan.after.status } : {}) };
}

async function finishTurn(ctx: HandoverContext, bot: Bot, plan: TurnPlan, message: Message): Promise<FinishedTurn> {
  if (plan.decision) {
    // null: a concurrent turn handed over first, and this message is already in its transcript
    const result = (await startHandover(ctx, bot, plan.after, plan.decision)) ?? turnResult(plan.after, []);
    return { result, answerStored: false };
  }
  if (plan.withTeam) await ctx.notifier.customerMessage({ conversation: plan.after, message });
  return { result: turnResult(plan.after, plan.reply ? [plan.reply] : []), answerStored: plan.reply !== null };
}
