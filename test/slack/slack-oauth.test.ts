import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { api, waitFor } from '../support/test-service.js';
import { postToSlackEndpoint, slashCommandBody } from './slack-stand-in.js';
import { startSlackService, type SlackStandIn } from '../support/slack-service.js';
import { storedBot } from '../support/stored-state.js';

const CHANNEL = 'C0TEAMTWO1';
let slack: SlackStandIn;
let service: RunningService;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ slack, service, stop } = await startSlackService({
    slackAdapter: {
      botToken: undefined,
      // the operator's own workspace manages the operator's bots (the demo bot among them)
      operatorTenants: ['slack:T2'],
      oauth: { clientId: '1234.5678', clientSecret: 'client-secret', stateSecret: 'state-secret-for-tests', encryptionKey: 'an-encryption-key-of-32-characters!!' },
    },
  }));
});
afterAll(() => stop?.());

const form = 'application/x-www-form-urlencoded';

async function install(teamId: string) {
  const start = await fetch(`${service.url}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location')!);
  expect(authorize.origin + authorize.pathname).toBe('https://slack.com/oauth/v2/authorize');
  expect(authorize.searchParams.get('client_id')).toBe('1234.5678');
  expect(authorize.searchParams.get('scope')?.split(',')).toContain('chat:write');
  const state = authorize.searchParams.get('state')!;
  const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
  // Slack sends the person back with a code once they approve
  const back = await fetch(`${service.url}/slack/oauth_redirect?code=code-${teamId}&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' });
  return back;
}

describe('installing the app in several workspaces', () => {
  it('installs through /slack/install, keeps the token encrypted, and speaks to each workspace with its own token', async () => {
    const done = await install('T2');
    expect(done.status).toBe(200);
    const stored = await service.mongo.store.connection.collection('slackInstallations').findOne({ _id: 'team:T2' as never });
    expect(stored).not.toBeNull();
    expect(JSON.stringify(stored)).not.toContain('xoxb-t2-token');

    // an admin of the new workspace subscribes a channel there
    const response = await postToSlackEndpoint(service.url, slashCommandBody('subscribe demo', { id: 'U_ADMIN_T2', name: 'lead' }, CHANNEL, 'T2'), form);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text).text).toContain('This channel now receives');
    expect(slack.callsTo('users.info').find((call) => call.args.user === 'U_ADMIN_T2')?.token).toBe('xoxb-t2-token');
    const bot = await storedBot(service, 'demo');
    expect(bot).toMatchObject({ slackChannel: CHANNEL, slackTeamId: 'T2' });

    // escalations for that bot are posted with that workspace's token
    const turn = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'I want to talk to a person' } });
    const post = await waitFor(async () => slack.callsTo('chat.postMessage').find((call) => JSON.stringify(call.args.blocks ?? '').includes(turn.body.conversationId)));
    expect(post.args.channel).toBe(CHANNEL);
    expect(post.token).toBe('xoxb-t2-token');
  });

  it('refuses requests from a workspace that has not installed the app', async () => {
    const response = await postToSlackEndpoint(service.url, slashCommandBody('status', { id: 'U_X', name: 'x' }, 'C0NOWHERE1', 'T9'), form);
    expect(response.status).toBe(401);
  });

  it('refuses a redirect without the state it started with', async () => {
    const forged = await fetch(`${service.url}/slack/oauth_redirect?code=code-T3&state=forged`, { redirect: 'manual' });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(await service.mongo.store.connection.collection('slackInstallations').findOne({ _id: 'team:T3' as never })).toBeNull();
  });
});
