import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSubmittedRules } from '../../adapters/rules-yaml.js';
import { loadHandoverConfigFile } from '../../src/config/bot-config-file.js';
import { MAX_CONFIG_FILE_BYTES } from '../../src/config/config-text.js';

const dir = mkdtempSync(join(tmpdir(), 'handover-limits-'));
const mainScript = fileURLToPath(new URL('../../adapters/server/main.ts', import.meta.url));
const cliLauncher = fileURLToPath(new URL('../../bin/handover.js', import.meta.url));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const entry = (i: number) => `      - { id: e${i}, questions: ["When is desk ${i} open?"], answer: "From 9 to 5." }\n`;
const botWith = (body: string) => `bots:\n  - id: acme\n    name: Acme\n${body}`;
const knowledgeBase = (count: number) => `    knowledgeBase:\n${Array.from({ length: count }, (_, i) => entry(i)).join('')}`;
const rule = (fields: string) => `    rules:\n      - { name: default, ${fields} }\n`;

/**
 * `npm start`'s real entry point with only HANDOVER_CONFIG set: the service
 * must stop on a bad file before it starts anything. A child process, so a
 * read that never ends is killed by the timeout instead of hanging the run.
 */
function startWithConfig(path: string): Promise<{ code: number | null; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', mainScript], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, HANDOVER_CONFIG: path },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 20_000,
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stderr, ms: performance.now() - started }));
  });
}

describe('HANDOVER_CONFIG that is too big or not a file', () => {
  it('refuses a 30 MB file at once, naming the variable and the file', () => {
    const path = file('huge.yml', botWith(knowledgeBase(1)) + `    # ${'x'.repeat(30 * 1024 * 1024)}\n`);
    const started = performance.now();
    expect(() => loadHandoverConfigFile(path)).toThrow(`HANDOVER_CONFIG ${path}: cannot read it: larger than 1 MiB`);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('reads a file of exactly the limit, and refuses one byte more', () => {
    const head = botWith(knowledgeBase(3));
    const padded = (size: number) => `${head}# ${'x'.repeat(size - head.length - 3)}\n`;
    expect(padded(MAX_CONFIG_FILE_BYTES)).toHaveLength(MAX_CONFIG_FILE_BYTES);
    expect(loadHandoverConfigFile(file('at-limit.yml', padded(MAX_CONFIG_FILE_BYTES)))[0]!.knowledgeBase).toHaveLength(3);
    expect(() => loadHandoverConfigFile(file('over-limit.yml', padded(MAX_CONFIG_FILE_BYTES + 1)))).toThrow(/over-limit\.yml: cannot read it: larger than 1 MiB/);
  });

  it('stops the service with one line when HANDOVER_CONFIG is /dev/zero', { timeout: 30_000 }, async () => {
    const result = await startWithConfig('/dev/zero');
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('handover: HANDOVER_CONFIG /dev/zero: cannot read it: not a regular file');
  });

  it('stops the service with one line when HANDOVER_CONFIG is a FIFO nobody writes to', { timeout: 30_000 }, async () => {
    const fifo = join(dir, 'config.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const result = await startWithConfig(fifo);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`handover: HANDOVER_CONFIG ${fifo}: cannot read it: not a regular file`);
  });

  it('refuses /dev/zero as a knowledge base for `handover answer --kb`', { timeout: 30_000 }, () => {
    const result = spawnSync(process.execPath, [cliLauncher, 'answer', '--kb', '/dev/zero'], { input: '', encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('handover: knowledge base /dev/zero: cannot read it (not a regular file)');
  });
});

describe('HANDOVER_CONFIG lists over their limits', () => {
  it.each([
    ['201 bots', `bots:\n${Array.from({ length: 201 }, (_, i) => `  - { id: b${i}, name: B${i} }\n`).join('')}`, 'field bots: at most 200 bots per file'],
    ['2,001 knowledge-base entries', botWith(knowledgeBase(2001)), 'bot "acme", field knowledgeBase: at most 2000 entries'],
    [
      '51 questions in an entry',
      botWith(`    knowledgeBase:\n      - { id: e0, answer: ok, questions: [${Array.from({ length: 51 }, (_, i) => `q${i}`).join(', ')}] }\n`),
      'bot "acme", field knowledgeBase[0].questions: at most 50 questions per entry',
    ],
    [
      'a 501-character question',
      botWith(`    knowledgeBase:\n      - { id: e0, answer: ok, questions: [${'q'.repeat(501)}] }\n`),
      'bot "acme", field knowledgeBase[0].questions[0]: a question is at most 500 characters',
    ],
    [
      'a 4,001-character answer',
      botWith(`    knowledgeBase:\n      - { id: e0, questions: [q], answer: ${'a'.repeat(4001)} }\n`),
      'bot "acme", field knowledgeBase[0].answer: an answer is at most 4000 characters',
    ],
    [
      'a rule repeating a trigger 1,000 times',
      botWith(rule(`triggers: [${Array(1000).fill('contact_request').join(', ')}]`)),
      'bot "acme", rule "default", field triggers: at most 4 triggers',
    ],
    [
      '21 tags',
      botWith(rule(`triggers: [contact_request], tags: [${Array.from({ length: 21 }, (_, i) => `t${i}`).join(', ')}]`)),
      'bot "acme", rule "default", field tags: at most 20 tags per rule',
    ],
    [
      '51 sensitive topics',
      botWith(rule(`triggers: [sensitive_topic], sensitiveTopics: [${Array.from({ length: 51 }, (_, i) => `s${i}`).join(', ')}]`)),
      'bot "acme", rule "default", field sensitiveTopics: at most 50 sensitive topics per rule',
    ],
    [
      '21 email addresses',
      botWith(rule(`triggers: [contact_request], notify: { email: [${Array.from({ length: 21 }, (_, i) => `p${i}@example.com`).join(', ')}] }`)),
      'bot "acme", rule "default", field notify.email: at most 20 email addresses per rule',
    ],
  ])('stops on %s, naming the file, bot and field', (_name, yaml, where) => {
    const path = file(`${_name.replace(/\W+/g, '-')}.yml`, yaml);
    expect(() => loadHandoverConfigFile(path)).toThrow(`HANDOVER_CONFIG ${path}: ${where}`);
  });
});

describe('rules saved from the Slack modal or the Teams card', () => {
  it('apply the same list limits as the file', () => {
    expect(parseSubmittedRules(`- { name: r, triggers: [${Array(1000).fill('contact_request').join(', ')}] }`)).toEqual({ error: 'Rule 1, triggers: at most 4 triggers' });
    const tags = Array.from({ length: 21 }, (_, i) => `t${i}`).join(', ');
    expect(parseSubmittedRules(`- { name: r, triggers: [contact_request], tags: [${tags}] }`)).toEqual({ error: 'Rule 1, tags: at most 20 tags per rule' });
    expect(parseSubmittedRules('- { name: r, triggers: [contact_request] }')).toMatchObject({ rules: [{ name: 'r' }] });
  });

  it('refuse a submission far longer than any rule set before parsing it', () => {
    const huge = `- { name: r, triggers: [contact_request], closingMessage: "${'x'.repeat(200_000)}" }`;
    expect(parseSubmittedRules(huge)).toEqual({ error: 'The rules are longer than 65536 characters.' });
  });
});
