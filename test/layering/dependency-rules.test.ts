import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = join(import.meta.dirname, '..', '..');
const depcruise = join(repo, 'node_modules', '.bin', 'depcruise');
const config = join(repo, '.dependency-cruiser.cjs');
const trees: string[] = [];

afterAll(() => {
  for (const tree of trees) rmSync(tree, { recursive: true, force: true });
});

/** A small tree laid out like the repository, checked with the repository's rules. */
async function cruise(files: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  const root = mkdtempSync(join(tmpdir(), 'handover-layers-'));
  trees.push(root);
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', allowImportingTsExtensions: false } }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const dirs = [...new Set(Object.keys(files).map((path) => path.split('/')[0]!))];
  try {
    const { stdout } = await run(depcruise, [...dirs, '--config', config, '--output-type', 'err'], { cwd: root });
    return { ok: true, output: stdout };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the layering rules the build enforces', () => {
  it('refuse a domain module that imports an adapter', async () => {
    const result = await cruise({
      'src/claim.ts': "import { post } from '../adapters/slack/post.js';\nexport const claim = () => post();\n",
      'adapters/slack/post.ts': 'export const post = () => 1;\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('domain-not-to-outside');
  });

  it('refuse one platform adapter importing another', async () => {
    const result = await cruise({
      'adapters/teams/bot.ts': "import { command } from '../slack/command.js';\nexport const bot = () => command();\n",
      'adapters/slack/command.ts': 'export const command = () => 1;\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('teams-adapter-alone');
  });

  it('refuse runtime code importing tools, and import cycles', async () => {
    const result = await cruise({
      'adapters/server/main.ts': "import { build } from '../../tools/build.js';\nexport const main = () => build();\n",
      'tools/build.ts': 'export const build = () => 1;\n',
      'src/a.ts': "import { b } from './b.js';\nexport const a = () => b();\n",
      'src/b.ts': "import { a } from './a.js';\nexport const b = () => a();\n",
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('runtime-not-to-tools');
    expect(result.output).toContain('no-circular');
  });

  it('accept a domain module that uses only its own ports', async () => {
    const result = await cruise({
      'src/ports/store.ts': 'export interface Store { get(id: string): string }\n',
      'src/claim.ts': "import type { Store } from './ports/store.js';\nexport const claim = (store: Store) => store.get('x');\n",
      'adapters/slack/post.ts': "import { claim } from '../../src/claim.js';\nexport const post = () => claim({ get: (id) => id });\n",
    });
    expect(result.output).not.toContain('error');
    expect(result.ok).toBe(true);
  });
});
