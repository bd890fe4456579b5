import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { updateBotSwitches } from '../../src/bots/bot-settings.js';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import { api, waitFor } from '../support/test-service.js';
import { startSlackService, type SlackStandIn } from '../support/slack-service.js';
import { blockActionBody, postToSlackEndpoint, slashCommandBody, viewSubmissionBody } from './slack-stand-in.js';
import { storedBot } from '../support/stored-state.js';

// The operator's workspace (T2) and a stranger's (T3) have both installed the app.
const OPERATOR_CHANNEL = 'C0OPERATOR1';
const STRANGER_CHANNEL = 'C0STRANGER1';
const form = 'application/x-www-form-urlencoded';
let slack: SlackStandIn;
let service: RunningService;
let stop: () => Promise<void>;

const autoAssigned = botConfigSchema.parse({
  id: 'acme',
  name: 'Acme Support',
  labs: true,
  rules: [{ name: 'auto', triggers: ['contact_request'], assign: { mode: 'auto' } }],
});
const strangersOwn = botConfigSchema.parse({ id: 'stranger-bot', name: 'Stranger Bot', tenant: 'slack:T3', labs: true, rules: [{ name: 'r', triggers: ['contact_request'] }] });

beforeAll(async () => {
  ({ slack, service, stop } = await startSlackService({
    service: { botConfigs: [autoAssigned, strangersOwn] },
    slackAdapter: {
      botToken: undefined,
      operatorTenants: ['slack:T2'],
      oauth: { clientId: '1234.5678', clientSecret: 'client-secret', stateSecret: 'state-secret-for-tests', encryptionKey: 'an-encryption-key-of-32-characters!!' },
    },
  }));
  for (const team of ['T2', 'T3']) {
    const start = await fetch(`${service.url}/slack/install`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
    const back = await fetch(`${service.url}/slack/oauth_redirect?code=code-${team}&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' });
    expect(back.status).toBe(200);
  }
});
afterAll(() => stop?.());

async function command(text: string, team: 'T2' | 'T3', user = `U_ADMIN_${team}`) {
  const channel = team === 'T2' ? OPERATOR_CHANNEL : STRANGER_CHANNEL;
  const response = await postToSlackEndpoint(service.url, slashCommandBody(text, { id: user, name: user.toLowerCase() }, channel, team), form);
  expect(response.status).toBe(200);
  return String(JSON.parse(response.text || '{}').text ?? '');
}

describe('a workspace that installed the app sees and changes only its own bots', () => {
  it('refuses every command on the operator\'s bots from another workspace\'s admin, as if the bot did not exist', async () => {
    expect(await command('subscribe acme', 'T2')).toContain('This channel now receives');
    for (const text of ['subscribe acme', 'status acme', 'rules acme', 'off acme', 'labs off acme', 'settings acme', 'subscribe demo']) {
      const answer = await command(text, 'T3');
      expect(answer, text).toContain('There is no bot');
    }
    expect(slack.callsTo('views.open')).toHaveLength(0);
    const bot = await storedBot(service, 'acme');
    expect(bot).toMatchObject({ slackChannel: OPERATOR_CHANNEL, slackTeamId: 'T2', handover: true, labs: true });
    // the bare command lists only the caller's bots
    expect(await command('status', 'T3')).toContain('Stranger Bot');
    expect(await command('status stranger-bot', 'T2')).toContain('There is no bot');
  });

  it('refuses a settings submission for another workspace\'s bot', async () => {
    const rules = '- { name: hijack, triggers: [contact_request] }';
    const response = await postToSlackEndpoint(service.url, viewSubmissionBody('acme', rules, { id: 'U_ADMIN_T3', name: 'mallory' }, 'T3'), form);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toMatchObject({ response_action: 'errors', errors: { rules: expect.stringMatching(/not one of your workspace/) } });
    const bot = await storedBot(service, 'acme');
    expect(bot?.rules.map((rule) => rule.name)).toEqual(['auto']);
  });

  it('posts escalations only in the bot\'s own workspace, assigns only its own people, and lets no stranger claim', async () => {
    // a stranger makes themselves available for auto-assignment in their workspace
    expect(await command('available on', 'T3', 'U_MALLORY')).toContain('You are available');
    const turn = await api(service, 'POST', '/api/v1/bots/acme/messages', { body: { text: 'I want to talk to a person' } });
    expect(turn.body.status).toBe('waiting');
    expect(turn.body.assignee).toBeNull();
    const post = await waitFor(async () =>
      slack.callsTo('chat.postMessage').find((call) => JSON.stringify(call.args.blocks ?? '').includes(turn.body.conversationId)),
    );
    expect(post.args.channel).toBe(OPERATOR_CHANNEL);
    expect(post.token).toBe('xoxb-t2-token');

    const claim = await postToSlackEndpoint(service.url, blockActionBody('handover_claim', turn.body.conversationId, { id: 'U_MALLORY', name: 'mallory' }, STRANGER_CHANNEL, 'T3'), form);
    expect(claim.status).toBe(200);
    await waitFor(async () => slack.callsTo('chat.postEphemeral').find((call) => call.args.user === 'U_MALLORY' && /not found/.test(String(call.args.text))));
    const view = await api(service, 'GET', `/api/v1/conversations/${turn.body.conversationId}`, { token: turn.body.token });
    expect(view.body.status).toBe('waiting');

    // the operator's own available person is the one auto-assigned
    expect(await command('available on', 'T2', 'U_OPERATOR_AGENT')).toContain('You are available');
    const next = await api(service, 'POST', '/api/v1/bots/acme/messages', { body: { text: 'Can I speak with someone?' } });
    expect(next.body.assignee?.name).toBe('u_operator_agent');
  });

  it('never posts a bot\'s escalation to another workspace\'s channel, even one stored before tenants existed', async () => {
    // what an attacker's `/handover subscribe` left behind on a version without tenants
    await updateBotSwitches(service.ctx, 'acme', { slackChannel: STRANGER_CHANNEL, slackTeamId: 'T3' });
    const turn = await api(service, 'POST', '/api/v1/bots/acme/messages', { body: { text: 'Let me talk to a human' } });
    const failed = await waitFor(async () => service.mongo.store.outbox.findOne({ orderKey: `slack:${turn.body.conversationId}`, state: 'failed' }).lean());
    expect(failed?.lastError).toMatch(/not in the bot's own workspace/);
    expect(slack.callsTo('chat.postMessage').filter((call) => call.args.channel === STRANGER_CHANNEL)).toHaveLength(0);
  });
});
