import { fileURLToPath } from 'node:url';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoPath = (...segments: string[]) => fileURLToPath(new URL(`../../${segments.join('/')}`, import.meta.url));

const root = repoPath();
const markdownIn = (folder: string): string[] =>
  existsSync(folder) ? readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md')).map((file) => join(folder, file)) : [];

/** What a user's clone shows: the README, the security page, the docs and the notes next to copied files. */
const pages = [repoPath('README.md'), repoPath('SECURITY.md'), ...markdownIn(repoPath('docs')), ...markdownIn(repoPath('test', 'schemas'))];

describe('the documentation stands alone in a clone', () => {
  it('links only to files inside the repository that exist', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const text = readFileSync(page, 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target!)) continue;
        const file = resolve(dirname(page), decodeURIComponent(target!.split('#')[0]!));
        if (relative(root, file).startsWith('..') || !existsSync(file)) broken.push(`${relative(root, page)} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('has the product contract in docs/', () => {
    const spec = readFileSync(repoPath('docs', 'SPEC.md'), 'utf8');
    expect(spec).toContain('## 3. Customer HTTP API (v1)');
    expect(readFileSync(repoPath('README.md'), 'utf8')).toContain('](docs/SPEC.md)');
  });
});
