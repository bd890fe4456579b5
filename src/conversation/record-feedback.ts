import { loadBot } from '../bots/load-bot.js';
import type { HandoverContext } from '../handover-context.js';
import { chooseRule } from '../handover/choose-rule.js';
import { startHandover } from '../handover/start-handover.js';
import { plainConversation } from './plain-conversation.js';
import type { TurnResult } from '../types.js';
import { appendMessage } from './append-message.js';
import { BOT_FEEDBACK_REPLY } from './handle-customer-message.js';
import { loadCustomerConversation } from './load-customer-conversation.js';
import { turnResult } from './turn-result.js';

/**
 * The customer rates the bot's last answer. "Not helpful" is a failed turn,
 * so the feedback that completes a failed resolution starts the handover.
 */
export async function recordFeedback(
  ctx: HandoverContext,
  input: { conversationId: string; token: string | undefined; helpful: boolean },
): Promise<TurnResult> {
  const conversation = await loadCustomerConversation(ctx, input.conversationId, input.token);
  const withTeam = conversation.status === 'waiting' || conversation.status === 'assigned';
  if (input.helpful || withTeam) return turnResult(conversation, []);

  const stored = await ctx.conversations.update(conversation.id, { incrementFailedTurns: true });
  const updated = stored ? plainConversation(stored) : conversation;
  const bot = await loadBot(ctx, conversation.botId);
  const decision = chooseRule(bot, {
    text: '',
    contactRequest: false,
    unanswered: false,
    confidence: 1,
    failedTurns: updated.failedTurns,
  });
  if (decision) {
    const handedOver = await startHandover(ctx, bot, updated, decision);
    if (handedOver) return handedOver;
  }
  const reply = await appendMessage(ctx, conversation.id, 'bot', BOT_FEEDBACK_REPLY);
  return turnResult(updated, [reply]);
}
