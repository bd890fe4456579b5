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

/** A change of these moves the bot's revision, so a settings form opened before it cannot overwrite it. */
function touchesSettings(changes: object): boolean {
  return 'labs' in changes || 'handover' in changes || 'rules' in changes || 'failedTurnsBeforeHandover' in changes || 'staffCapacity' in changes || 'businessHours' in changes;
}

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
      const update = touchesSettings(changes) ? { $set: changes, $inc: { revision: 1 } } : { $set: changes };
      return changed(botId, await store.bots.findOneAndUpdate({ _id: botId }, update, { returnDocument: 'after' }).lean());
    },
    async setSlackChannelIfUnset(botId, channel) {
      await store.bots.updateOne({ _id: botId, slackChannel: null }, { $set: { slackChannel: channel } });
      forget(botId);
    },
    async addRule(botId, rule, expectedCount) {
      // the size in the filter makes it safe against a concurrent add
      const doc = await store.bots.findOneAndUpdate({ _id: botId, rules: { $size: expectedCount } }, { $push: { rules: rule }, $inc: { revision: 1 } }, { returnDocument: 'after' }).lean();
      return changed(botId, doc);
    },
    async replaceRules(botId, rules) {
      return changed(botId, await store.bots.findOneAndUpdate({ _id: botId }, { $set: { rules }, $inc: { revision: 1 } }, { returnDocument: 'after' }).lean());
    },
    async saveSettings(botId, { labs, handover, rules, failedTurnsBeforeHandover, staffCapacity, businessHours }, expectedRevision) {
      // Atomic on MongoDB. On FerretDB this conditional update is not, so the
      // domain first decides the revision once (ctx.decisions, a unique key:
      // settings:<botId>:<revision>) and only the winner gets here.
      const revision = expectedRevision === 0 ? { $in: [0, null] } : expectedRevision;
      const doc = await store.bots.findOneAndUpdate({ _id: botId, revision }, { $set: { labs, handover, rules, failedTurnsBeforeHandover, staffCapacity: staffCapacity ?? null, businessHours: businessHours ?? null }, $inc: { revision: 1 } }, { returnDocument: 'after' }).lean();
      return changed(botId, doc);
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
      await store.bots.updateOne({ _id: botId }, touchesSettings(values) ? { $set: set, $inc: { revision: 1 } } : { $set: set });
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
