import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function run(args: string[], input: string) {
  const result = spawnSync(process.execPath, ['bin/handover.js', ...args], { input, encoding: 'utf8' });
  return { status: result.status, lines: result.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)), stderr: result.stderr };
}

describe('npx handover classify', () => {
  it('writes one JSON line per input line, errors included', () => {
    const { status, lines } = run(['classify'], '{"text":"can I talk to a human?"}\n{"text":"I want a refund"}\nnot json\n{"text": 3}\n');
    expect(status).toBe(0);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ contact_request: true, sensitive_topic: null, scores: { contact_request: expect.any(Number) } });
    expect(lines[1]).toMatchObject({ contact_request: false, sensitive_topic: 'refund' });
    expect(lines[2]).toEqual({ error: 'not a JSON line' });
    expect(lines[3].error).toMatch(/text/);
  });
});

describe('npx handover answer', () => {
  it('answers from a knowledge-base file, and says when it cannot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'handover-kb-'));
    const kb = join(dir, 'kb.yml');
    writeFileSync(kb, '- id: hours\n  questions: ["When are you open?", "What are your opening hours?"]\n  answer: "9 to 5"\n');
    const { status, lines } = run(['answer', '--kb', kb], '{"text":"when are you open"}\n{"text":"tell me about quantum physics"}\n');
    expect(status).toBe(0);
    expect(lines[0]).toMatchObject({ answered: true, id: 'hours' });
    expect(lines[1]).toMatchObject({ answered: false, id: null });
    expect(lines[1].confidence).toBeLessThan(lines[0].confidence);
  });

  it('exits 2 with one clear line for bad arguments', () => {
    const missing = run(['answer'], '');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--kb FILE/);
    expect(run(['dance'], '').status).toBe(2);
  });
});
