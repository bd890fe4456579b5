import { NotFoundError, SettingsChangedError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import type { Bot } from '../types.js';
import { applySettingsChange } from './apply-settings-change.js';
import { describeChange } from './describe-change.js';
import { resolveNamedStaff } from './resolve-named-staff.js';
import type { ChangeBotSettingsInput } from './settings-change.js';

/** A change decided but never saved (its process died in between) stops blocking the bot's settings after this long. */
const ABANDONED_AFTER_MS = 60_000;
const MAX_RECOVERIES = 3;

/**
 * Changes a bot's labs, handover or rules from a settings form or a command,
 * against the revision the person saw: when someone else changed the bot
 * since, nothing is saved and a SettingsChangedError says who did what.
 * Every change is recorded for `/handover history`. Callers have checked the
 * actor may configure the tenant.
 */
export async function changeBotSettings(ctx: HandoverContext, input: ChangeBotSettingsInput): Promise<Bot> {
  const { botId, tenant, actor, expectedRevision, change } = input;
  const bot = await ctx.bots.find(botId, { fresh: true });
  // another tenant's bot is answered as one that does not exist
  if (!bot || bot.tenant !== tenant) throw new NotFoundError(`bot "${botId}"`);
  if (bot.revision !== expectedRevision) throw await changedMeanwhile(ctx, botId, expectedRevision, bot.revision > expectedRevision);

  const next = applySettingsChange(botId, bot, change);
  const summary = describeChange(bot, change);
  if (!summary) return bot;
  const named = change.kind === 'addRule' ? [next.rules.at(-1)!] : change.kind === 'editRule' ? [next.rules[change.index]!] : change.kind === 'replaceRules' ? next.rules : [];
  for (const rule of named) await resolveNamedStaff(ctx, bot.tenant, rule, input.lookupStaff);

  // one change per revision, decided by a unique key: the storage's conditional update alone is not atomic everywhere
  const key = `settings:${botId}:${expectedRevision}`;
  const at = ctx.now();
  const winner = { actorId: actor.id, actorName: actor.name, summary, at: at.toISOString() };
  let decision = await ctx.decisions.decideOnce(key, winner);
  // A winner that never saved (its process died in between) would block the
  // bot forever: after a while the revision is decided again under a key
  // named for that winner, so callers that find it abandoned together still
  // let only one through.
  for (let retry = 0; retry < MAX_RECOVERIES && !decision.won && (await abandoned(ctx, botId, expectedRevision, decision.winner)); retry += 1) {
    decision = await ctx.decisions.decideOnce(`${key}:after:${String(decision.winner.at)}`, winner);
  }
  if (!decision.won) {
    const { actorName, summary: theirs } = decision.winner as { actorName?: string; summary?: string };
    throw new SettingsChangedError(botId, actorName ?? null, theirs ?? null);
  }

  const saved = await ctx.bots.saveSettings(botId, next, expectedRevision);
  // moved by a path that takes no decision (the configuration file at start-up)
  if (!saved) throw await changedMeanwhile(ctx, botId, expectedRevision);
  await ctx.settingsAudit.append({ botId, tenant: bot.tenant, revision: saved.revision, at, actor, summary });
  ctx.log.info({ botId, revision: saved.revision, actorId: actor.id, change: change.kind }, 'bot settings changed');
  return saved;
}

/** passedRevision: the bot is already past expectedRevision (so its decision can be read without blocking anything). */
async function changedMeanwhile(ctx: HandoverContext, botId: string, expectedRevision: number, passedRevision = false): Promise<SettingsChangedError> {
  const entry = await ctx.settingsAudit.ofRevision(botId, expectedRevision + 1);
  if (entry) return new SettingsChangedError(botId, entry.actor.name, entry.summary);
  if (!passedRevision) return new SettingsChangedError(botId, null, null);
  // The winner saves the bot before it records the change: read between the
  // two, its decision still says who and what. Deciding a revision the bot
  // has already moved past blocks nothing.
  const decision = await ctx.decisions.decideOnce(`settings:${botId}:${expectedRevision}`, { summary: null, at: ctx.now().toISOString() });
  const { actorName, summary } = decision.won ? {} : (decision.winner as { actorName?: string; summary?: string | null });
  return new SettingsChangedError(botId, actorName ?? null, summary ?? null);
}

/** A decision for this revision whose change never reached the bot, long enough ago that its maker is gone. */
async function abandoned(ctx: HandoverContext, botId: string, revision: number, winner: Record<string, unknown>): Promise<boolean> {
  const decidedAt = typeof winner.at === 'string' ? Date.parse(winner.at) : NaN;
  if (!(ctx.now().getTime() - decidedAt > ABANDONED_AFTER_MS)) return false;
  const bot = await ctx.bots.find(botId, { fresh: true });
  return bot?.revision === revision;
}
