import { ConflictError, NotFoundError, RuleLimitError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { MAX_RULES_PER_BOT } from '../rules/handover-rule-schema.js';
import { toBot } from '../storage/to-domain.js';
import { forgetBot } from './load-bot.js';
import type { Bot, HandoverRule } from '../types.js';

/**
 * Changes to a bot's handover configuration, from Slack, Teams or the config
 * file alike. Callers check the person may change configuration.
 */
type BotSwitches = Partial<Pick<Bot, 'labs' | 'handover' | 'slackChannel' | 'slackTeamId' | 'failedTurnsBeforeHandover'>>;

export async function updateBotSwitches(ctx: HandoverContext, botId: string, changes: BotSwitches): Promise<Bot> {
  const doc = await ctx.store.bots.findOneAndUpdate({ _id: botId }, { $set: changes }, { returnDocument: 'after' }).lean();
  if (!doc) throw new NotFoundError(`bot "${botId}"`);
  forgetBot(ctx.store, botId);
  return toBot(doc);
}

/** Adds a rule at the end; a 7th rule is refused. The size in the filter makes it safe against a concurrent add. */
export async function addRule(ctx: HandoverContext, botId: string, rule: HandoverRule): Promise<Bot> {
  const current = await ctx.store.bots.findById(botId).lean();
  if (!current) throw new NotFoundError(`bot "${botId}"`);
  const count = current.rules.length;
  if (count >= MAX_RULES_PER_BOT) throw new RuleLimitError(botId, MAX_RULES_PER_BOT);
  if (current.rules.some((existing) => existing.name === rule.name)) {
    throw new ConflictError(`bot "${botId}" already has a rule named "${rule.name}"`);
  }
  const doc = await ctx.store.bots
    .findOneAndUpdate({ _id: botId, rules: { $size: count } }, { $push: { rules: rule } }, { returnDocument: 'after' })
    .lean();
  if (!doc) throw new ConflictError(`the rules of bot "${botId}" changed meanwhile; try again`);
  forgetBot(ctx.store, botId);
  return toBot(doc);
}

/** Replaces the whole rule list (settings form); the list is validated by the caller's schema. */
export async function replaceRules(ctx: HandoverContext, botId: string, rules: HandoverRule[]): Promise<Bot> {
  if (rules.length > MAX_RULES_PER_BOT) throw new RuleLimitError(botId, MAX_RULES_PER_BOT);
  const doc = await ctx.store.bots.findOneAndUpdate({ _id: botId }, { $set: { rules } }, { returnDocument: 'after' }).lean();
  if (!doc) throw new NotFoundError(`bot "${botId}"`);
  forgetBot(ctx.store, botId);
  return toBot(doc);
}
