import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { repoPath } from '../repo-root.js';

const manifestPath = repoPath('manifest.yml');

/** The bot scopes the app needs, as manifest.yml lists them (one source for the install flow and doctor). */
export function requiredSlackScopes(): string[] {
  const manifest = parseYaml(readFileSync(manifestPath, 'utf8')) as { oauth_config?: { scopes?: { bot?: string[] } } };
  return manifest.oauth_config?.scopes?.bot ?? [];
}
