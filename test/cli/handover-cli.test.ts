import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const launcher = fileURLToPath(new URL('../../bin/handover.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'handover-cli-'));

function handover(args: string[], input = '') {
  const result = spawnSync(process.execPath, [launcher, ...args], { input, encoding: 'utf8', timeout: 30_000 });
  const lines = result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: result.status, lines, stderr: result.stderr };
}

const jsonLines = (...texts: string[]) => texts.map((text) => `${JSON.stringify({ text })}\n`).join('');

describe('handover classify', () => {
  it('writes one JSON line per input line, with an error line for each bad one', () => {
    const { status, lines } = handover(['classify'], `${jsonLines('can I talk to a human?', 'I want a refund', 'When are you open?')}not json\n{"text": 3}\n`);
    expect(status).toBe(0);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toEqual({ contact_request: true, department: null, sensitive_topic: null, scores: { contact_request: expect.any(Number) } });
    expect(lines[1]).toMatchObject({ contact_request: false, sensitive_topic: 'refund' });
    expect(lines[2]).toMatchObject({ contact_request: false, sensitive_topic: null });
    expect(lines[3]).toEqual({ error: expect.stringMatching(/JSON/) });
    expect(lines[4]).toEqual({ error: expect.stringMatching(/"text"/) });
  });
});

describe('handover answer', () => {
  const yamlKb = join(dir, 'kb.yml');
  writeFileSync(
    yamlKb,
    [
      '- id: hours',
      '  questions: ["When are you open?", "What are your opening hours?"]',
      '  answer: "9 to 5"',
      '- id: prices',
      '  questions: ["How much does it cost?", "What are your prices?"]',
      '  answer: "$90"',
    ].join('\n'),
  );

  it('answers from a YAML knowledge base, and says when it cannot', () => {
    const { status, lines } = handover(['answer', '--kb', yamlKb], jsonLines('when are you open', 'what are the prices', 'tell me about quantum physics'));
    expect(status).toBe(0);
    expect(lines[0]).toEqual({ answered: true, id: 'hours', confidence: expect.any(Number) });
    expect(lines[1]).toMatchObject({ answered: true, id: 'prices' });
    expect(lines[2]).toMatchObject({ answered: false, id: null });
    expect(lines[2]!.confidence).toBeLessThan(lines[0]!.confidence as number);
  });

  it('reads a JSON knowledge base too and keeps going after a bad line', () => {
    const jsonKb = join(dir, 'kb.json');
    writeFileSync(jsonKb, JSON.stringify([{ id: 'hours', questions: ['When are you open?'], answer: '9 to 5' }]));
    const { status, lines } = handover(['answer', '--kb', jsonKb], `{"text":\n${jsonLines('when are you open')}`);
    expect(status).toBe(0);
    expect(lines).toEqual([{ error: expect.any(String) }, { answered: true, id: 'hours', confidence: expect.any(Number) }]);
  });

  it('refuses an invalid knowledge base with exit 2, naming the entry and the field', () => {
    const badKb = join(dir, 'bad.yml');
    writeFileSync(badKb, '- id: hours\n  questions: ["When are you open?"]\n  answer: "9 to 5"\n- id: prices\n  questions: []\n  answer: "$90"\n');
    const { status, lines, stderr } = handover(['answer', '--kb', badKb], jsonLines('hi'));
    expect(status).toBe(2);
    expect(lines).toEqual([]);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/entry 1, field questions/);
  });
});

describe('bad arguments', () => {
  it.each([[['answer']], [['answer', '--kb']], [['dance']], [[]], [['classify', '--verbose']]])('%j exits 2 with one line on stderr', (args) => {
    const { status, stderr } = handover(args);
    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^handover: .*usage: handover classify/);
  });
});
