import { generateKeyPairSync } from 'node:crypto';
import type { Request } from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { isMicrosoftServiceUrl } from '../../adapters/teams/microsoft-service-url.js';
import { teamsAdapter } from '../../adapters/teams/teams-adapter.js';
import { teamsDeliveryFailure } from '../../adapters/teams/teams-notifier.js';
import { TeamsCloudAdapter, localModeRefusal, teamsAuthentication } from '../../adapters/teams/teams-request-auth.js';
import { DeliveryFailure } from '../../src/notify/delivery-failure.js';
import { startTestService, testDatabaseUri } from '../support/test-service.js';
import { CHANNEL, startConnectorStandIn, teamsMessage } from './connector-stand-in.js';
import { botFrameworkToken, startKeysStandIn } from './bot-framework-keys-stand-in.js';
import { teamsChannelOf } from '../support/stored-state.js';

const LEAD = { id: 'aad-lead', name: 'Lead' };
const silent = pino({ level: 'silent' });

async function post(service: RunningService, activity: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${service.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
  const text = await response.text();
  // botbuilder's own answers are plain text
  const body = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null;
  return { status: response.status, text, body };
}

describe('which serviceUrls are Microsoft’s', () => {
  it.each([
    'https://smba.trafficmanager.net/amer/',
    'https://smba.trafficmanager.net/emea/',
    'https://smba.onyx.prod.teams.trafficmanager.net/',
    'https://smba.infra.gcc.teams.microsoft.com/',
    'https://smba.infra.gov.teams.microsoft.us/',
    'https://smba.infra.dod.teams.microsoft.us/',
    'https://frontend.botapi.msg.infra.teams.microsoftonline.cn/',
    'https://webchat.botframework.com/',
    'https://SMBA.trafficmanager.net/amer/',
  ])('accepts %s', (url) => {
    expect(isMicrosoftServiceUrl(url)).toBe(true);
  });

  it.each([
    'http://smba.trafficmanager.net/amer/',
    'https://smba.trafficmanager.net:8443/amer/',
    'https://user:pass@smba.trafficmanager.net/',
    'https://smba.trafficmanager.net.evil.example/',
    'https://evil-smba.trafficmanager.net/',
    'https://botframework.com.evil.example/',
    'https://evilbotframework.com/',
    'http://127.0.0.1:3978/',
    'http://localhost:3978/',
    'https://169.254.169.254/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isMicrosoftServiceUrl(url)).toBe(false);
  });
});

describe('Teams local mode', () => {
  const request = (remoteAddress: string, headers: Record<string, string> = {}) => ({ headers, socket: { remoteAddress } }) as unknown as Request;

  it('takes direct requests from this machine only', () => {
    expect(localModeRefusal(request('127.0.0.1'))).toBeNull();
    expect(localModeRefusal(request('::1'))).toBeNull();
    expect(localModeRefusal(request('::ffff:127.0.0.1'))).toBeNull();
    expect(localModeRefusal(request('10.0.0.5'))).toMatch(/this machine only/);
    expect(localModeRefusal(request('::ffff:192.168.1.20'))).toMatch(/this machine only/);
    expect(localModeRefusal(request('203.0.113.9'))).toMatch(/this machine only/);
  });

  describe('over HTTP', () => {
    let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
    let service: RunningService;

    beforeAll(async () => {
      connector = await startConnectorStandIn();
      service = await startTestService({
        mongodbUri: testDatabaseUri(),
        adapters: [teamsAdapter({ appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '', localMode: true, admins: [LEAD.id], log: silent })],
      });
    });
    afterAll(async () => {
      await service?.stop();
      await connector?.close();
    });

    it.each<Record<string, string>>([
      { 'x-forwarded-for': '203.0.113.9' },
      { forwarded: 'for=203.0.113.9;proto=https' },
      { 'x-forwarded-host': 'handover.example.com' },
      { 'x-real-ip': '203.0.113.9' },
    ])('refuses a request a proxy forwarded (%o), even one naming an admin', async (headers) => {
      const refused = await post(service, teamsMessage(connector.url, { text: 'subscribe demo', from: LEAD }), headers);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
      expect(connector.calls).toEqual([]);
      expect(await teamsChannelOf(service, 'demo')).toBeNull();
    });

    it('still serves the emulator on this machine, with a serviceUrl of its own', async () => {
      const direct = await post(service, teamsMessage(connector.url, { text: 'help', from: LEAD }));
      expect(direct.status).toBe(200);
      expect(connector.calls.some((call) => call.conversationId === CHANNEL)).toBe(true);
    });
  });

  it('is off unless asked for: without an app id the endpoint answers 401', async () => {
    const connector = await startConnectorStandIn();
    const service = await startTestService({
      mongodbUri: testDatabaseUri(),
      adapters: [teamsAdapter({ appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '', localMode: false, admins: [LEAD.id], log: silent })],
    });
    try {
      const refused = await post(service, teamsMessage(connector.url, { text: 'subscribe demo', from: LEAD }));
      expect(refused.status).toBe(401);
      expect(refused.body.error.message).toContain('HANDOVER_TEAMS_LOCAL_MODE');
      expect(connector.calls).toEqual([]);
      expect(await teamsChannelOf(service, 'demo')).toBeNull();
    } finally {
      await service.stop();
      await connector.close();
    }
  });
});

/** A token shaped like the Bot Framework's, for our app id, signed by a key Microsoft never published (or not at all). */
function forgedToken(appId: string, serviceUrl: string, alg: 'RS256' | 'none') {
  return botFrameworkToken(appId, serviceUrl, alg === 'none' ? null : generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
}

describe('Teams with an app id: a token that does not check out', () => {
  const APP_ID = '00000000-0000-4000-8000-000000000001';
  const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
  const logLines: string[] = [];
  let keys: Awaited<ReturnType<typeof startKeysStandIn>>;
  let service: RunningService;

  beforeAll(async () => {
    keys = await startKeysStandIn({ reachable: false });
    service = await startTestService({
      mongodbUri: testDatabaseUri(),
      adapters: [
        teamsAdapter({
          appId: APP_ID,
          appPassword: 'not-a-real-secret',
          appType: 'MultiTenant',
          tenantId: '',
          localMode: false,
          openIdMetadataUrl: keys.metadataUrl,
          admins: [LEAD.id],
          log: pino({ level: 'warn' }, { write: (line: string) => void logLines.push(line) }),
        }),
      ],
    });
  });
  afterAll(async () => {
    await service?.stop();
    await keys?.close();
  });

  const expectGenericRefusal = (answer: Awaited<ReturnType<typeof post>>) => {
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: { code: 'unauthorized', message: 'the request is not authorized' } });
  };

  it('answers a missing or unreadable token with 401', async () => {
    const activity = teamsMessage(SERVICE_URL, { text: 'status', from: LEAD });
    expectGenericRefusal(await post(service, activity));
    expectGenericRefusal(await post(service, activity, { authorization: 'Bearer garbage' }));
    expectGenericRefusal(await post(service, activity, { authorization: 'Basic Zm9vOmJhcg==' }));
  });

  it('answers 401, naming nothing internal, when Microsoft’s keys cannot be fetched', async () => {
    const token = forgedToken(APP_ID, SERVICE_URL, 'RS256');
    const before = keys.state.hits;
    const answer = await post(service, teamsMessage(SERVICE_URL, { text: 'status', from: LEAD }), { authorization: `Bearer ${token}` });
    expect(keys.state.hits).toBeGreaterThan(before); // botbuilder went for the keys (to the stand-in)
    expectGenericRefusal(answer);
    expect(answer.text).not.toContain(keys.base);
  });

  it('answers 401 to a token signed with the wrong key, or not signed at all', async () => {
    keys.state.reachable = true;
    for (const token of [forgedToken(APP_ID, SERVICE_URL, 'RS256'), forgedToken(APP_ID, SERVICE_URL, 'none')]) {
      const answer = await post(service, teamsMessage(SERVICE_URL, { text: 'status', from: LEAD }), { authorization: `Bearer ${token}` });
      expectGenericRefusal(answer);
    }
  });

  it('logs each refusal at warn, without the token', async () => {
    const token = forgedToken(APP_ID, SERVICE_URL, 'RS256');
    await post(service, teamsMessage(SERVICE_URL, { text: 'status', from: LEAD }), { authorization: `Bearer ${token}` });
    const refusals = logLines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'teams request refused: authentication failed');
    expect(refusals.length).toBeGreaterThanOrEqual(4);
    expect(refusals.every((entry) => entry.level === 40)).toBe(true);
    const signature = token.split('.')[2]!;
    expect(logLines.join('\n')).not.toContain(signature);
    expect(logLines.join('\n')).not.toContain(token.split('.')[1]!);
  });

  it('refuses an activity whose serviceUrl is not Microsoft’s before looking at its token', async () => {
    const before = keys.state.hits;
    const answer = await post(service, teamsMessage('https://attacker.example/', { text: 'status', from: LEAD }), { authorization: `Bearer ${forgedToken(APP_ID, 'https://attacker.example/', 'RS256')}` });
    expectGenericRefusal(answer);
    expect(keys.state.hits).toBe(before);
  });
});

describe('Teams notifications to a stored serviceUrl', () => {
  // no app id: nothing here could fetch a Microsoft token, whatever the adapter lets through
  const auth = teamsAuthentication({ appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '' });
  const reference = (serviceUrl: string) => ({ serviceUrl, channelId: 'msteams', conversation: { id: CHANNEL, isGroup: true, conversationType: 'channel', name: '' } });
  let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;

  beforeAll(async () => {
    connector = await startConnectorStandIn();
  });
  afterAll(() => connector?.close());

  it('go only to Microsoft outside local mode, and a refusal is not retried', async () => {
    const adapter = new TeamsCloudAdapter(auth, false);
    let ran = 0;
    const refused = await adapter.continueConversationAsync('', reference(connector.url), async () => void (ran += 1)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DeliveryFailure);
    expect((refused as DeliveryFailure).retryable).toBe(false);
    expect(teamsDeliveryFailure(refused, 'escalation card')).toBe(refused);
    const parameters = { isGroup: true, channelData: { channel: { id: CHANNEL } }, activity: { type: 'message', text: 'card' } };
    await expect(adapter.createConversationAsync('', 'msteams', connector.url, '', parameters as never, async () => void (ran += 1))).rejects.toBeInstanceOf(DeliveryFailure);
    expect(ran).toBe(0);
    expect(connector.calls).toEqual([]);

    await adapter.continueConversationAsync('', reference('https://smba.trafficmanager.net/amer/'), async () => void (ran += 1));
    expect(ran).toBe(1);
  });

  it('go anywhere in local mode (the emulator’s own serviceUrl)', async () => {
    let ran = 0;
    await new TeamsCloudAdapter(auth, true).continueConversationAsync('', reference(connector.url), async () => void (ran += 1));
    expect(ran).toBe(1);
  });
});
