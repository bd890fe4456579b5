import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's folder, found from a module's URL by walking up to
 * package.json: the same from the TypeScript sources and from their build in
 * dist/ (which has no package.json of its own), so files that are not code
 * (the chat page, manifest.yml, the database's Go module) are found from both.
 */
export function repoRoot(moduleUrl: string = import.meta.url): string {
  for (let dir = dirname(fileURLToPath(moduleUrl)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${fileURLToPath(moduleUrl)}`);
  }
}

/** A path inside the repository. */
export function repoPath(...segments: string[]): string {
  return resolve(repoRoot(), ...segments);
}
