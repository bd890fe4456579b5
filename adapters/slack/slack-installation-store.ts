import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { Connection } from 'mongoose';
import type { TokenCipher } from './token-cipher.js';

interface InstallationDocument {
  /** `team:<id>`, or `enterprise:<id>` for an org-wide install. */
  _id: string;
  teamId: string | null;
  enterpriseId: string | null;
  installedAt: Date;
  /** The whole installation (tokens included), encrypted. */
  sealed: string;
}

const keyOf = (query: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string =>
  query.isEnterpriseInstall && query.enterpriseId ? `enterprise:${query.enterpriseId}` : `team:${query.teamId ?? ''}`;

/** Bolt's installations in MongoDB, one per workspace (or org), tokens encrypted at rest. */
export function createSlackInstallationStore(connection: Connection, cipher: TokenCipher): InstallationStore {
  const installations = () => connection.collection<InstallationDocument>('slackInstallations');
  return {
    async storeInstallation(installation) {
      const _id = keyOf({ isEnterpriseInstall: installation.isEnterpriseInstall, enterpriseId: installation.enterprise?.id, teamId: installation.team?.id });
      const doc: InstallationDocument = {
        _id,
        teamId: installation.team?.id ?? null,
        enterpriseId: installation.enterprise?.id ?? null,
        installedAt: new Date(),
        sealed: cipher.encrypt(JSON.stringify(installation)),
      };
      await installations().replaceOne({ _id }, doc, { upsert: true });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const doc = await installations().findOne({ _id: keyOf(query) });
      if (!doc) throw new Error(`Slack app not installed in ${keyOf(query)}`);
      return JSON.parse(cipher.decrypt(doc.sealed)) as Installation<'v2', boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await installations().deleteOne({ _id: keyOf(query) });
    },
  };
}
