import { ConflictError, NotFoundError, RuleLimitError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import type { BotSwitches } from '../ports/bot-repository.js';
import { MAX_RULES_PER_BOT } from '../rules/handover-rule-schema.js';
import type { Bot, HandoverRule } from '../types.js';

/**
 * Changes to a bot's handover configuration, from Slack, Teams or the config
 * file alike. Callers check the person may change configuration.
 */
export async function updateBotSwitches(ctx: HandoverContext, botId: string, changes: BotSwitches): Promise<Bot> {
  const bot = await ctx.bots.update(botId, changes);
  if (!bot) throw new NotFoundError(`bot "${botId}"`);
  return bot;
}

/** Adds a rule at the end; a 7th rule is refused. The count it was read with makes it safe against a concurrent add. */
export async function addRule(ctx: HandoverContext, botId: string, rule: HandoverRule): Promise<Bot> {
  const current = await ctx.bots.find(botId, { fresh: true });
  if (!current) throw new NotFoundError(`bot "${botId}"`);
  const count = current.rules.length;
  if (count >= MAX_RULES_PER_BOT) throw new RuleLimitError(botId, MAX_RULES_PER_BOT);
  if (current.rules.some((existing) => existing.name === rule.name)) {
    throw new ConflictError(`bot "${botId}" already has a rule named "${rule.name}"`);
  }
  const bot = await ctx.bots.addRule(botId, rule, count);
  if (!bot) throw new ConflictError(`the rules of bot "${botId}" changed meanwhile; try again`);
  return bot;
}

/** Replaces the whole rule list (settings form); the list is validated by the caller's schema. */
export async function replaceRules(ctx: HandoverContext, botId: string, rules: HandoverRule[]): Promise<Bot> {
  if (rules.length > MAX_RULES_PER_BOT) throw new RuleLimitError(botId, MAX_RULES_PER_BOT);
  const bot = await ctx.bots.replaceRules(botId, rules);
  if (!bot) throw new NotFoundError(`bot "${botId}"`);
  return bot;
}
