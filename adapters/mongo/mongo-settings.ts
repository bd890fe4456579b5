import type { SettingsRepository } from '../../src/ports/settings-repository.js';
import { isDuplicateKeyError, type HandoverStore } from './handover-store.js';

export function mongoSettings(store: HandoverStore): SettingsRepository {
  return {
    async tokenSecret(create) {
      const id = 'conversation-token-secret';
      try {
        await store.settings.updateOne({ _id: id }, { $setOnInsert: { value: create() } }, { upsert: true });
      } catch (error) {
        // two replicas starting at once: the other one's secret stands
        if (!isDuplicateKeyError(error)) throw error;
      }
      const setting = await store.settings.findById(id).lean();
      return String(setting!.value);
    },
  };
}
