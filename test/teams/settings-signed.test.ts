import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { teamsAdapter } from '../../adapters/teams/teams-adapter.js';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import { adaptiveCardSchemaProblems } from '../schemas/adaptive-card-schema.js';
import { startTestService, testDatabaseUri } from '../support/test-service.js';
import { adaptiveCardProblems } from './adaptive-card-parser.js';
import { cardAction } from './connector-stand-in.js';
import { startKeysStandIn } from './bot-framework-keys-stand-in.js';

// Settings invokes as the Bot Framework delivers them to a registered app: each
// activity carries a JWT that botbuilder checks against the signing keys (here a
// local stand-in's), so the caller's tenant comes from a signed activity.
const APP_ID = '00000000-0000-4000-8000-000000000021';
const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
const ADMIN = { id: 'aad-operator-admin', name: 'Olga' };
const OTHER_ADMIN = { id: 'aad-intruder-admin', name: 'Ivan' };
const MEMBER = { id: 'aad-operator-member', name: 'Otto' };

let keys: Awaited<ReturnType<typeof startKeysStandIn>>;
let service: RunningService;

beforeAll(async () => {
  keys = await startKeysStandIn();
  service = await startTestService({
    mongodbUri: testDatabaseUri(),
    botConfigs: [botConfigSchema.parse({ id: 'acme', name: 'Acme Support', labs: true, rules: [{ name: 'First', triggers: ['contact_request'] }, { name: 'Second', triggers: ['sensitive_topic'] }] })],
    adapters: [
      teamsAdapter({
        appId: APP_ID,
        appPassword: 'not-a-real-secret',
        appType: 'MultiTenant',
        tenantId: '',
        localMode: false,
        openIdMetadataUrl: keys.metadataUrl,
        admins: [ADMIN.id, OTHER_ADMIN.id],
        operatorTenants: ['teams:op-tenant'],
        log: pino({ level: 'silent' }),
      }),
    ],
  });
});
afterAll(async () => {
  await service?.stop();
  await keys?.close();
});

async function signedClick(verb: string, data: Record<string, unknown>, from: { id: string; name: string }, tenantId: string, token = keys.channelToken(APP_ID, SERVICE_URL)) {
  const activity = cardAction(SERVICE_URL, verb, '', from);
  activity.value.action.data = data as never;
  const signed = { ...activity, conversation: { ...activity.conversation, tenantId }, channelData: { ...activity.channelData, tenant: { id: tenantId } } };
  const response = await fetch(`${service.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(signed) });
  const body = await response.json();
  return { status: response.status, body };
}

const botNow = async () => (await service.ctx.bots.find('acme', { fresh: true }))!;

describe('Teams settings invokes with a signed token', () => {
  it('lets the operator’s admin reorder the rules, and answers with the refreshed card', async () => {
    const { revision } = await botNow();
    const answer = await signedClick('settings_rule_up', { botId: 'acme', revision, index: 1 }, ADMIN, 'op-tenant');
    expect(answer.status).toBe(200);
    expect(answer.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(adaptiveCardSchemaProblems(answer.body.value)).toEqual([]);
    expect(adaptiveCardProblems(answer.body.value)).toEqual([]);
    expect(JSON.stringify(answer.body.value)).toContain('Saved: moved rule \\"Second\\" up to position 1.');
    expect((await botNow()).rules.map((rule) => rule.name)).toEqual(['Second', 'First']);
  });

  it('answers another tenant’s admin as if the bot did not exist, and changes nothing', async () => {
    const before = await botNow();
    for (const verb of ['settings_open', 'settings_rule_edit', 'settings_rule_delete', 'settings_switches']) {
      const answer = await signedClick(verb, { botId: 'acme', revision: before.revision, index: 0, labs: 'false', handover: 'false' }, OTHER_ADMIN, 'intruder-tenant');
      expect(answer.status).toBe(200);
      const card = JSON.stringify(answer.body.value);
      expect(card, verb).toContain('There is no bot \\"acme\\" here.');
      // nothing of the bot is shown
      expect(card, verb).not.toContain('Second');
    }
    const after = await botNow();
    expect(after).toMatchObject({ labs: true, handover: true, revision: before.revision });
    expect(after.rules).toHaveLength(2);
  });

  it('refuses a member of the operator’s tenant who is not an admin', async () => {
    const before = await botNow();
    const answer = await signedClick('settings_rule_delete', { botId: 'acme', revision: before.revision, index: 0 }, MEMBER, 'op-tenant');
    expect(JSON.stringify(answer.body.value)).toContain('Only workspace admins');
    expect((await botNow()).rules).toHaveLength(2);
  });

  it('takes no invoke without a valid token', async () => {
    const before = await botNow();
    const answer = await signedClick('settings_rule_delete', { botId: 'acme', revision: before.revision, index: 0 }, ADMIN, 'op-tenant', `${keys.channelToken(APP_ID, SERVICE_URL).slice(0, -4)}AAAA`);
    expect(answer.status).toBe(401);
    expect((await botNow()).rules).toHaveLength(2);
  });
});
