import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvDraft04 from 'ajv-draft-04';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import ajvFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { escalationCard } from '../../adapters/teams/escalation-card.js';
import { teamsAppManifest } from '../../adapters/teams/package-app.js';
import { settingsCard } from '../../adapters/teams/settings-card.js';
import { requiredSlackScopes } from '../../adapters/slack/slack-scopes.js';
import { handoverRuleSchema } from '../../src/rules/handover-rule-schema.js';
import { testBot } from '../support/test-bot.js';

const repoPath = (...segments: string[]) => fileURLToPath(new URL(`../../${segments.join('/')}`, import.meta.url));

/** The platforms' own schemas, copied into test/schemas (see its README for sources and licences). */
// CommonJS modules: their default export is on .default
const AjvDraft04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

const schema = (file: string) => JSON.parse(readFileSync(repoPath('test', 'schemas', file), 'utf8')) as Record<string, unknown>;

function draft04Validator(file: string): ValidateFunction {
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema(file));
}

function adaptiveCardValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  // draft-06 names the schema by `id`; ajv 8 reads `$id`
  const { id, ...card } = schema('adaptive-card-1.5.json');
  return ajv.compile({ ...card, $id: String(id) });
}

const problems = (validate: ValidateFunction, document: unknown) => (validate(document) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`));

describe('manifest.yml, against Slack’s app manifest schema', () => {
  const manifest = parseYaml(readFileSync(repoPath('manifest.yml'), 'utf8')) as { oauth_config: { scopes: { bot: string[] } } };

  it('validates', () => {
    expect(problems(draft04Validator('slack-app-manifest.json'), manifest)).toEqual([]);
  });

  it('asks for what the service calls (conversations.info for doctor) and for no unused scope', () => {
    const scopes = manifest.oauth_config.scopes.bot;
    expect(scopes).toEqual(requiredSlackScopes());
    expect(scopes).toEqual(expect.arrayContaining(['chat:write', 'channels:read', 'groups:read', 'channels:history', 'groups:history', 'users:read']));
    expect(scopes).not.toContain('im:write');
    expect(new Set(scopes).size).toBe(scopes.length);
  });
});

describe('the Teams app manifest, against the Teams manifest schema', () => {
  const validate = draft04Validator('MicrosoftTeams.schema.json');

  it('validates as the template and as the package generates it', () => {
    const template = JSON.parse(readFileSync(repoPath('adapters', 'teams', 'app-package', 'manifest.json'), 'utf8'));
    expect(problems(validate, template)).toEqual([]);
    // the schema copied is 1.29's: the manifest declares the version it is checked against
    expect(template.manifestVersion).toBe('1.29');
    const packaged = JSON.parse(teamsAppManifest('11111111-2222-3333-4444-555555555555'));
    expect(packaged.bots[0].botId).toBe('11111111-2222-3333-4444-555555555555');
    expect(problems(validate, packaged)).toEqual([]);
  });
});

describe('the Adaptive Cards Handover sends, against the Adaptive Cards 1.5 schema', () => {
  const validate = adaptiveCardValidator();
  const rule = handoverRuleSchema.parse({ name: 'default', triggers: ['contact_request', 'sensitive_topic'], assign: { mode: 'claim' }, tags: ['vip'] });
  const bot = testBot([], { id: 'demo', name: 'Bright Path Coaching (demo)', rules: [rule], updatedAt: new Date('2026-01-05T10:00:00Z') });
  const at = new Date('2026-01-05T10:00:00Z');
  const conversation = {
    id: 'cv_AAAAAAAAAAAAAAAA',
    botId: 'demo',
    status: 'waiting' as const,
    paused: true,
    tags: ['vip', 'human_handover'],
    assignee: null,
    customer: { name: 'Ana', email: 'ana@example.com' },
    failedTurns: 0,
    lastCustomerText: 'I want to talk to a person',
    lastHandoverId: 'ho_1',
    createdAt: at,
    updatedAt: at,
  };
  const handover = { id: 'ho_1', conversationId: conversation.id, botId: 'demo', trigger: 'contact_request' as const, rule: 'default', reason: 'The customer asked for a person', taskId: 'tk_1', at };
  const task = { id: 'tk_1', conversationId: conversation.id, botId: 'demo', note: 'Call back', dueAt: at, status: 'open' as const, assignee: null };
  const transcript = [
    { id: 'msg_1', conversationId: conversation.id, from: 'customer' as const, text: 'Hello\nI want to talk to a person', at, author: null },
    { id: 'msg_2', conversationId: conversation.id, from: 'system' as const, text: 'Thank you! Someone from the team will get back to you.', at, author: null },
  ];

  it('validates the escalation card in every state, with and without a note', () => {
    for (const state of [
      { status: 'waiting' as const, assignee: null },
      { status: 'assigned' as const, assignee: { id: 'st_1', name: 'Sam' } },
      { status: 'resolved' as const, assignee: null },
    ]) {
      for (const note of [null, 'Sam claimed it first.']) {
        const card = escalationCard({ bot, conversation: { ...conversation, ...state }, handover, task, transcript }, note);
        expect(problems(validate, card), `${state.status}, note ${note}`).toEqual([]);
      }
    }
    expect(problems(validate, escalationCard({ bot, conversation, handover: null, task: null, transcript: [] }))).toEqual([]);
  });

  it('is checked for real: a card with an unknown element or a missing field fails', () => {
    expect(problems(validate, { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Blink', text: 'x' }] })).not.toEqual([]);
    expect(problems(validate, { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'FactSet' }] })).not.toEqual([]);
  });

  it('validates the settings card, with the bot’s rules and with an error note', () => {
    expect(problems(validate, settingsCard(bot))).toEqual([]);
    expect(problems(validate, settingsCard(bot, { note: { text: 'Not saved: check the fields marked below.', tone: 'attention' } }))).toEqual([]);
  });
});
