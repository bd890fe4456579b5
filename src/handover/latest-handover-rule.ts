import { loadBot } from '../bots/load-bot.js';
import type { HandoverContext } from '../handover-context.js';
import type { ConversationDocument } from '../storage/handover-store.js';
import type { HandoverRule } from '../types.js';

/** The rule behind a conversation's latest handover, as the bot has it now (null if it was renamed or removed since). */
export async function latestHandoverRule(ctx: HandoverContext, doc: ConversationDocument): Promise<HandoverRule | null> {
  const ruleName = doc.handovers?.at(-1)?.rule;
  if (!ruleName) return null;
  return (await loadBot(ctx, doc.botId)).rules.find((rule) => rule.name === ruleName) ?? null;
}
