import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { slackAdapter } from '../../adapters/slack/slack-adapter.js';
import { teamsAdapter } from '../../adapters/teams/teams-adapter.js';
import { api, startTestService, testDatabaseUri, waitFor } from '../support/test-service.js';
import { SIGNING_SECRET, blockActionBody, postToSlackEndpoint, startSlackStandIn } from '../slack/slack-stand-in.js';
import { cardAction, startConnectorStandIn, teamsMessage } from './connector-stand-in.js';
import { escalationPosts, teamsChannelOf } from '../support/stored-state.js';

let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
let service: RunningService;
const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

beforeAll(async () => {
  slack = await startSlackStandIn();
  connector = await startConnectorStandIn();
  service = await startTestService({
    mongodbUri: testDatabaseUri(),
    demoSlackChannel: 'C0123456789',
    adapters: [
      slackAdapter({ botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: slack.url, admins: [], log: silent }),
      teamsAdapter({ appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '', localMode: true, admins: ['aad-lead'], log: silent }),
    ],
  });
  await fetch(`${service.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(teamsMessage(connector.url, { text: 'subscribe demo', from: { id: 'aad-lead', name: 'Lead' } })),
  });
  await waitFor(async () => await teamsChannelOf(service, 'demo'));
});
afterAll(async () => {
  await service?.stop();
  await slack?.close();
  await connector?.close();
});

describe('a team working from Slack and Teams at once', () => {
  it('posts to both, and a claim in Slack shows on the Teams card', async () => {
    const turn = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'Can I speak with someone?' } });
    const conversationId: string = turn.body.conversationId;
    await waitFor(async () => slack.callsTo('chat.postMessage').find((call) => JSON.stringify(call.args.blocks).includes(conversationId)));
    await waitFor(async () => (await escalationPosts(service, conversationId)).teams);
    const card = (await escalationPosts(service, conversationId)).teams as { activityId: string };

    await postToSlackEndpoint(service.url, blockActionBody('handover_claim', conversationId, { id: 'U_SAM', name: 'sam' }), 'application/x-www-form-urlencoded');
    const update = await waitFor(async () =>
      connector.calls.find((call) => call.method === 'PUT' && call.activityId === card.activityId && JSON.stringify(call.body).includes('Claimed by sam')),
    );
    expect(update.body.attachments[0].content.actions.map((action: { verb: string }) => action.verb)).toEqual(['resolve', 'return_to_bot']);
  });

  it('and a claim and a resolve in Teams show on the Slack post', async () => {
    const turn = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'I need a human please' } });
    const conversationId: string = turn.body.conversationId;
    const ref = await waitFor(async () => (await escalationPosts(service, conversationId)).slack as { ts: string } | undefined);
    await waitFor(async () => (await escalationPosts(service, conversationId)).teams);

    const invoke = (verb: string) =>
      fetch(`${service.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(cardAction(connector.url, verb, conversationId, { id: 'aad-ren', name: 'Ren' })),
      });
    expect((await invoke('claim')).status).toBe(200);
    await waitFor(async () => slack.callsTo('chat.update').find((call) => call.args.ts === ref.ts && JSON.stringify(call.args.blocks).includes('Claimed by Ren')));
    expect((await invoke('resolve')).status).toBe(200);
    const resolved = await waitFor(async () => slack.callsTo('chat.update').find((call) => call.args.ts === ref.ts && JSON.stringify(call.args.blocks).includes('Resolved')));
    expect(JSON.stringify(resolved.args.blocks)).not.toContain('handover_claim');
  });
});
