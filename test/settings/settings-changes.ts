import type { RunningService } from '../../adapters/server/start-service.js';
import { changeBotSettings } from '../../src/settings/change-bot-settings.js';
import type { ChangeBotSettingsInput } from '../../src/settings/settings-change.js';

type Actor = ChangeBotSettingsInput['actor'];

/** Bots of one tenant and their settings changes through the use case, each made against the bot's current revision. */
export function settingsChanges(service: () => RunningService, tenant: string) {
  /** A bot with no rules (in `owner`, the tenant unless given); as stored. */
  async function newBot(id: string, owner = tenant) {
    await service().ctx.bots.create({ id, name: id, tenant: owner, labs: true, handover: true, rules: [] });
    return (await service().ctx.bots.find(id, { fresh: true }))!;
  }

  async function change(botId: string, actor: Actor, changeOf: ChangeBotSettingsInput['change'], extra: Partial<ChangeBotSettingsInput> = {}) {
    const bot = await service().ctx.bots.find(botId, { fresh: true });
    return changeBotSettings(service().ctx, { botId, tenant, actor, expectedRevision: bot!.revision, change: changeOf, ...extra });
  }

  return { newBot, change };
}
