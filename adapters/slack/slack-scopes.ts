import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const manifestPath = fileURLToPath(new URL('../../manifest.yml', import.meta.url));

/** The bot scopes the app needs, as manifest.yml lists them (one source for the install flow and doctor). */
export function requiredSlackScopes(): string[] {
  const manifest = parseYaml(readFileSync(manifestPath, 'utf8')) as { oauth_config?: { scopes?: { bot?: string[] } } };
  return manifest.oauth_config?.scopes?.bot ?? [];
}
