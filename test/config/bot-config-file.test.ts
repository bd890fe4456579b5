import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { addRule, updateBotSwitches } from '../../src/bots/bot-settings.js';
import { applyBotConfig } from '../../src/config/apply-bot-config.js';
import { loadHandoverConfigFile } from '../../src/config/bot-config-file.js';
import { handoverRuleSchema } from '../../src/rules/handover-rule-schema.js';
import { api, startTestService, testDatabaseUri } from '../support/test-service.js';
import { storedBot } from '../support/stored-state.js';

const dir = mkdtempSync(join(tmpdir(), 'handover-config-'));
function configFile(yaml: string): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(path, yaml);
  return path;
}

const ACME = `
bots:
  - id: acme
    name: Acme Support
    labs: true
    handover: true
    slackChannel: C0123456789
    knowledgeBase:
      - id: hours
        questions: ["What are your opening hours?", "When are you open?"]
        answer: "We are open 9am to 5pm, Monday to Friday."
    rules:
      - name: default
        triggers: [contact_request, sensitive_topic]
        sensitiveTopics: [refund, legal]
        assign: { mode: claim }
        task: { enabled: true, note: "Call the customer back", dueInMinutes: 60 }
        tags: [vip, human_handover]
`;

describe('HANDOVER_CONFIG file', () => {
  it('reads the spec example with defaults filled in', () => {
    const [bot] = loadHandoverConfigFile(configFile(ACME));
    expect(bot).toMatchObject({ id: 'acme', labs: true, failedTurnsBeforeHandover: 2, slackChannel: 'C0123456789' });
    expect(bot!.rules[0]).toMatchObject({
      closingMessage: 'Thank you! Someone from the team will get back to you.',
      pauseBot: true,
      task: { enabled: true, note: 'Call the customer back', dueInMinutes: 60 },
      notify: { slack: true, teams: true, email: [], webhook: null },
    });
  });

  it.each([
    [
      'an unknown trigger',
      ACME.replace('contact_request, sensitive_topic', 'contact_request, bad_mood'),
      /bot "acme", rule "default", field triggers\[1\]/,
    ],
    ['a bad channel id', ACME.replace('C0123456789', 'support-room'), /bot "acme", field slackChannel: .*C0123456789/],
    ['a bad bot id', ACME.replace('id: acme', 'id: Acme Corp'), /bot "Acme Corp", field id/],
    ['a 7th rule', ruleList(7), /bot "many", field rules: at most 6 rules per bot/],
    ['not YAML at all', 'bots: [unclosed', /cannot read it/],
  ])('stops on %s with a message naming bot, rule and field', (_name, yaml, message) => {
    expect(() => loadHandoverConfigFile(configFile(yaml))).toThrow(message);
  });
});

function ruleList(count: number): string {
  const rules = Array.from({ length: count }, (_, i) => `      - { name: r${i}, triggers: [contact_request] }`).join('\n');
  return `bots:\n  - id: many\n    name: Many\n    rules:\n${rules}\n`;
}

describe('applying the file to the database', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startTestService({ mongodbUri: testDatabaseUri(), botConfigs: loadHandoverConfigFile(configFile(ACME)) });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('creates the bots, which chat and hand over per their rules', async () => {
    const answered = await api(service, 'POST', '/api/v1/bots/acme/messages', { body: { text: 'When are you open?' } });
    expect(answered.body.replies[0].text).toBe('We are open 9am to 5pm, Monday to Friday.');
    const refund = await api(service, 'POST', '/api/v1/bots/acme/messages', { body: { text: 'I want a refund now' } });
    expect(refund.body.handover).toMatchObject({ trigger: 'sensitive_topic', rule: 'default' });
    expect(refund.body.tags).toEqual(['vip', 'human_handover']);
    // lack_of_information is not among this rule's triggers
    const unknown = await api(service, 'POST', '/api/v1/bots/acme/messages', { body: { text: 'Tell me about quantum tunnelling' } });
    expect(unknown.body.handover).toBeNull();
  });

  it('keeps what staff changed unless the file changes that same field', async () => {
    await updateBotSwitches(service.ctx, 'acme', { labs: false, handover: false });
    await applyBotConfig(service.ctx, loadHandoverConfigFile(configFile(ACME)));
    let bot = await storedBot(service, 'acme');
    expect(bot).toMatchObject({ labs: false, handover: false });

    await applyBotConfig(service.ctx, loadHandoverConfigFile(configFile(ACME.replace('handover: true', 'handover: false').replace('labs: true', 'labs: true\n    failedTurnsBeforeHandover: 3'))));
    bot = await storedBot(service, 'acme');
    expect(bot).toMatchObject({ labs: false, handover: false, failedTurnsBeforeHandover: 3 });
  });

  it('refuses a 7th rule with a clear message', async () => {
    const rule = (name: string) => handoverRuleSchema.parse({ name, triggers: ['contact_request'] });
    for (let i = 1; i <= 5; i += 1) await addRule(service.ctx, 'acme', rule(`extra-${i}`));
    await expect(addRule(service.ctx, 'acme', rule('seventh'))).rejects.toThrow(/already has 6 handover rules/);
    const bot = await storedBot(service, 'acme');
    expect(bot?.rules).toHaveLength(6);
  });
});
