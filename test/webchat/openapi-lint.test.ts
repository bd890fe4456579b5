import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerApiOpenApi } from '../../adapters/webchat/openapi.js';

const repoPath = (...segments: string[]) => fileURLToPath(new URL(`../../${segments.join('/')}`, import.meta.url));

const run = promisify(execFile);
const redocly = repoPath('node_modules', '.bin', 'redocly');

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: Array<{ pointer: string }>;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'handover-openapi-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the customer API’s OpenAPI document, checked by Redocly’s linter', () => {
  it('has no errors under the recommended rules', async () => {
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(customerApiOpenApi(), null, 2));
    // the linter exits 1 on errors; its JSON report is on stdout either way
    const output = await run(redocly, ['lint', '--extends', 'recommended', '--format', 'json', file], {
      cwd: dir,
      // no telemetry or update check: the test runs offline
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' },
      timeout: 60_000,
    }).catch((failure: { stdout?: string }) => ({ stdout: failure.stdout ?? '' }));
    const report = JSON.parse(output.stdout) as { problems: LintProblem[] };
    const errors = report.problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`);
    expect(errors).toEqual([]);
    // the recommended rules warn about these; the document has none of them
    const warned = new Set(report.problems.map((problem) => problem.ruleId));
    for (const rule of ['operation-operationId', 'operation-4xx-response', 'no-unused-components', 'operation-summary']) expect(warned).not.toContain(rule);
  });
});
