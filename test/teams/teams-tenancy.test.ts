import { TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { createTeamsTurnHandler } from '../../adapters/teams/teams-bot.js';
import { teamsTenant } from '../../adapters/teams/teams-tenant.js';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import { api, startTestService, testDatabaseUri } from '../support/test-service.js';
import { cardAction, teamsMessage } from './connector-stand-in.js';
import { storedBot, teamsChannelOf } from '../support/stored-state.js';

// A multi-tenant Teams app whose operator works in tenant "op-tenant"; "intruder-tenant" installed it too.
// Activities reach the turn handler as botbuilder hands them over once their JWT is verified.
const OPERATOR = { id: 'aad-operator-admin', name: 'Olga' };
const INTRUDER = { id: 'aad-intruder-admin', name: 'Ivan' };
const tenancy = { localMode: false, appTenantId: '', operatorTenants: ['teams:op-tenant'] };
let service: RunningService;
let handle: (turn: TurnContext) => Promise<void>;

beforeAll(async () => {
  service = await startTestService({
    mongodbUri: testDatabaseUri(),
    botConfigs: [botConfigSchema.parse({ id: 'acme', name: 'Acme Support', labs: true, rules: [{ name: 'r', triggers: ['contact_request'] }] })],
  });
  handle = createTeamsTurnHandler(service.ctx, { admins: [OPERATOR.id, INTRUDER.id], appId: 'app-id', tenancy, log: pino({ level: 'silent' }) });
});
afterAll(async () => {
  await service?.stop();
});

function inTenant<T extends { conversation: object; channelData: object }>(activity: T, tenantId: string): T {
  return { ...activity, conversation: { ...activity.conversation, tenantId }, channelData: { ...activity.channelData, tenant: { id: tenantId } } };
}

/** Runs one activity through the handler; what the bot sent back. */
async function run(activity: object): Promise<Array<Partial<Activity>>> {
  const sent: Array<Partial<Activity>> = [];
  const adapter = new TestAdapter(async (turn) => {
    turn.onSendActivities(async (_turn, activities, next) => {
      sent.push(...activities);
      return next();
    });
    await handle(turn);
  });
  await adapter.processActivity(activity);
  return sent;
}

const said = (sent: Array<Partial<Activity>>) => JSON.stringify(sent.map((activity) => activity.text ?? activity.value));

describe('a Teams tenant sees and changes only its own bots', () => {
  it('answers another tenant\'s admin as if the operator\'s bot did not exist', async () => {
    for (const text of ['subscribe acme', 'status acme', 'off acme', 'settings acme']) {
      const sent = await run(inTenant(teamsMessage('http://127.0.0.1:9', { text, from: INTRUDER }), 'intruder-tenant'));
      expect(said(sent), text).toContain('There is no bot');
    }
    const bot = await storedBot(service, 'acme');
    expect(await teamsChannelOf(service, 'acme')).toBeNull();
    expect(bot?.handover).toBe(true);
    const own = await run(inTenant(teamsMessage('http://127.0.0.1:9', { text: 'status acme', from: OPERATOR }), 'op-tenant'));
    expect(said(own)).toContain('Acme Support');
  });

  it('lets no one of another tenant claim the operator\'s escalation', async () => {
    const turn = await api(service, 'POST', '/api/v1/bots/acme/messages', { body: { text: 'I want to talk to a person' } });
    expect(turn.body.status).toBe('waiting');
    const sent = await run(inTenant(cardAction('http://127.0.0.1:9', 'claim', turn.body.conversationId, INTRUDER), 'intruder-tenant'));
    expect(said(sent)).toMatch(/not found/);
    const view = await api(service, 'GET', `/api/v1/conversations/${turn.body.conversationId}`, { token: turn.body.token });
    expect(view.body.status).toBe('waiting');
  });

  it('refuses a handoff from another tenant\'s bot into the operator\'s bot', async () => {
    const handoff = inTenant(
      {
        type: 'event',
        name: 'handoff.initiate',
        id: 'handoff-1',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9',
        from: { id: 'other-bot', name: 'Other bot' },
        recipient: { id: '28:handover-bot', name: 'Handover' },
        conversation: { id: 'a:customer-chat', conversationType: 'personal' },
        channelData: {},
        value: { botId: 'acme', reason: 'wants a person' },
      },
      'intruder-tenant',
    );
    const sent = await run(handoff);
    expect(said(sent)).not.toContain('accepted');
    expect(JSON.stringify(sent)).toMatch(/failed/);
  });
});

describe('the tenant of a Teams activity', () => {
  it('comes from the signed activity\'s tenant, mapped to the operator only where configured', () => {
    const activity = (tenantId?: string) => ({ conversation: { tenantId } as Activity['conversation'], channelData: {} });
    expect(teamsTenant(activity('op-tenant'), tenancy)).toBe('operator');
    expect(teamsTenant(activity('someone-else'), tenancy)).toBe('teams:someone-else');
    expect(teamsTenant(activity(undefined), tenancy)).toBe('teams:unknown');
    expect(teamsTenant(activity('own'), { ...tenancy, appTenantId: 'own' })).toBe('operator');
    expect(teamsTenant(activity('anything'), { ...tenancy, localMode: true })).toBe('operator');
  });
});
