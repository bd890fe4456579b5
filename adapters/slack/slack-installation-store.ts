import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { InstallationRepository } from '../../src/ports/installation-repository.js';
import type { SecretCipher } from '../crypto/secret-cipher.js';

const keyOf = (query: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string =>
  query.isEnterpriseInstall && query.enterpriseId ? `enterprise:${query.enterpriseId}` : `team:${query.teamId ?? ''}`;

/** Bolt's installations, one per workspace (or org; key `team:<id>` or `enterprise:<id>`), the whole installation (tokens included) encrypted at rest. */
export function createSlackInstallationStore(installations: InstallationRepository, cipher: SecretCipher): InstallationStore {
  return {
    async storeInstallation(installation) {
      const key = keyOf({ isEnterpriseInstall: installation.isEnterpriseInstall, enterpriseId: installation.enterprise?.id, teamId: installation.team?.id });
      await installations.save({
        key,
        teamId: installation.team?.id ?? null,
        enterpriseId: installation.enterprise?.id ?? null,
        installedAt: new Date(),
        sealed: cipher.encrypt(JSON.stringify(installation)),
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const doc = await installations.find(keyOf(query));
      if (!doc) throw new Error(`Slack app not installed in ${keyOf(query)}`);
      return JSON.parse(cipher.decrypt(doc.sealed)) as Installation<'v2', boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await installations.remove(keyOf(query));
    },
  };
}
