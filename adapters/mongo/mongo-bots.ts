import type { BotRepository } from '../../src/ports/bot-repository.js';
import type { Bot } from '../../src/types.js';
import { isDuplicateKeyError, type BotDocument, type HandoverStore } from './handover-store.js';
import { toBot } from './to-domain.js';

/**
 * Bots are read on every customer turn and change rarely: each process keeps
 * them for a second. Changes made through this process show at once;
 * another replica's changes show within the second. Reads that find one
 * stale at the same moment share one read (a bot document carries its
 * knowledge base: concurrent reads of it cost more than the turns).
 */
const FRESH_FOR_MS = 1_000;

export function mongoBots(store: HandoverStore): BotRepository {
  const cached = new Map<string, { bot: Promise<Bot | null>; until: number }>();
  const forget = (botId: string) => cached.delete(botId);
  const changed = (botId: string, doc: BotDocument | null) => {
    forget(botId);
    return doc ? toBot(doc) : null;
  };

  return {
    find(botId, options) {
      if (options?.fresh) return store.bots.findById(botId).lean().then((doc) => (doc ? toBot(doc) : null));
      const hit = cached.get(botId);
      if (hit && hit.until > Date.now()) return hit.bot;
      const entry = { bot: store.bots.findById(botId).lean().then((doc) => (doc ? toBot(doc) : null)), until: Infinity };
      cached.set(botId, entry);
      entry.bot.then(
        (bot) => {
          if (bot) entry.until = Date.now() + FRESH_FOR_MS;
          else if (cached.get(botId) === entry) cached.delete(botId);
        },
        () => cached.get(botId) === entry && cached.delete(botId),
      );
      return entry.bot;
    },
    async botsOfTenant(tenant, limit) {
      return (await store.bots.find({ tenant }).limit(limit).lean()).map(toBot);
    },
    async create({ id, ...fields }, fromConfigFile) {
      try {
        await store.bots.create({ _id: id, ...fields, ...(fromConfigFile ? { fromConfigFile } : {}) });
        forget(id);
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },
    async update(botId, changes) {
      return changed(botId, await store.bots.findOneAndUpdate({ _id: botId }, { $set: changes }, { returnDocument: 'after' }).lean());
    },
    async setSlackChannelIfUnset(botId, channel) {
      await store.bots.updateOne({ _id: botId, slackChannel: null }, { $set: { slackChannel: channel } });
      forget(botId);
    },
    async addRule(botId, rule, expectedCount) {
      // the size in the filter makes it safe against a concurrent add
      const doc = await store.bots.findOneAndUpdate({ _id: botId, rules: { $size: expectedCount } }, { $push: { rules: rule } }, { returnDocument: 'after' }).lean();
      return changed(botId, doc);
    },
    async replaceRules(botId, rules) {
      return changed(botId, await store.bots.findOneAndUpdate({ _id: botId }, { $set: { rules } }, { returnDocument: 'after' }).lean());
    },
    async configFileValues(botId) {
      const doc = await store.bots.findById(botId).lean();
      return doc ? (doc.fromConfigFile ?? {}) : null;
    },
    async applyConfigFile(botId, values) {
      const set: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(values)) {
        set[field] = value;
        set[`fromConfigFile.${field}`] = value;
      }
      await store.bots.updateOne({ _id: botId }, { $set: set });
      forget(botId);
    },
    async adoptUntenanted(tenant) {
      const { modifiedCount } = await store.bots.updateMany({ tenant: null }, { $set: { tenant } });
      if (modifiedCount > 0) cached.clear();
      return modifiedCount;
    },
    async nextRoundRobinTurn(botId) {
      // one atomic increment, so concurrent escalations on several replicas still take turns
      const bot = await store.bots.findOneAndUpdate({ _id: botId }, { $inc: { roundRobin: 1 } }, { returnDocument: 'after' }).lean();
      return bot?.roundRobin ?? 1;
    },
    async teamsChannelOf(botId) {
      const doc = await store.bots.findById(botId, { teamsChannel: 1 }).lean();
      return doc?.teamsChannel ?? null;
    },
    async setTeamsChannel(botId, reference) {
      await store.bots.updateOne({ _id: botId }, { $set: { teamsChannel: JSON.parse(JSON.stringify(reference)) } });
      forget(botId);
    },
  };
}
