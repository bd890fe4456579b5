import type { InstallationRepository, SealedInstallation } from '../../src/ports/installation-repository.js';
import type { HandoverStore } from './handover-store.js';

interface InstallationDocument extends Omit<SealedInstallation, 'key'> {
  /** `team:<id>`, or `enterprise:<id>` for an org-wide install. */
  _id: string;
}

/** A platform's installations, one per workspace (or org), sealed by the platform adapter. */
export function mongoInstallations(store: HandoverStore, collection: string): InstallationRepository {
  const installations = () => store.connection.collection<InstallationDocument>(collection);
  return {
    async save({ key, ...installation }) {
      await installations().replaceOne({ _id: key }, installation, { upsert: true });
    },
    async find(key) {
      const doc = await installations().findOne({ _id: key });
      if (!doc) return null;
      const { _id, ...installation } = doc;
      return { key: _id, ...installation };
    },
    async remove(key) {
      await installations().deleteOne({ _id: key });
    },
  };
}
