import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { api, startTestService, testDatabaseUri, waitFor } from '../support/test-service.js';
import {
  blockActionBody,
  postToSlackEndpoint,
  slashCommandBody,
  threadMessageEvent,
  viewSubmissionBody,
  appHomeOpenedEvent,
} from './slack-stand-in.js';
import { storedConversation, escalationPosts, storedBot, storedStaff } from '../support/stored-state.js';
import { startSlackService, type SlackStandIn } from '../support/slack-service.js';

const CHANNEL = 'C0123456789';
let slack: SlackStandIn;
let service: RunningService;

let stop: () => Promise<void>;

beforeAll(async () => {
  ({ slack, service, stop } = await startSlackService({ service: { demoSlackChannel: CHANNEL }, slackAdapter: { admins: ['U_LEAD'] } }));
});
afterAll(() => stop?.());

const form = 'application/x-www-form-urlencoded';

async function escalate(text: string, customer = { name: 'Ada <!channel>' }) {
  const turn = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text, customer } });
  expect(turn.body.status).toBe('waiting');
  const post = await waitFor(async () =>
    slack.callsTo('chat.postMessage').find((call) => call.args.channel === CHANNEL && !call.args.thread_ts && JSON.stringify(call.args.blocks).includes(turn.body.conversationId)),
  );
  const ref = await waitFor(async () => (await escalationPosts(service, turn.body.conversationId)).slack as { channel: string; ts: string } | undefined);
  return { conversationId: turn.body.conversationId as string, token: turn.body.token as string, post, ref };
}

describe('escalation post', () => {
  it('posts who, why, the transcript and Claim/Resolve, with customer text escaped', async () => {
    const { post } = await escalate('Can I speak with someone? <@U999> <https://evil.example|bank.com> & co');
    const json = JSON.stringify(post.args.blocks);
    expect(json).toContain('Asked for a person');
    expect(json).toContain('Ada &lt;!channel&gt;');
    expect(json).toContain('&lt;@U999&gt;');
    expect(json).toContain('&lt;https://evil.example|bank.com&gt; &amp; co');
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<@U999>');
    expect(json).toContain('handover_claim');
    expect(json).toContain('handover_resolve');
    expect(post.args.blocks.length).toBeLessThanOrEqual(50);
  });
});

describe('claiming from Slack', () => {
  it('gives the conversation to exactly one of 20 simultaneous clickers and tells the others', async () => {
    const { conversationId } = await escalate('let me talk to an agent');
    const clickers = Array.from({ length: 20 }, (_, i) => ({ id: `U10${i}`, name: `agent${i}` }));
    const started = Date.now();
    const responses = await Promise.all(
      clickers.map((user) => postToSlackEndpoint(service.url, blockActionBody('handover_claim', conversationId, user), form)),
    );
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(Date.now() - started).toBeLessThan(3_000);
    // the clicks are acknowledged before the claim is applied (Slack's 3 s budget): wait for it to land
    const stored = await waitFor(async () => {
      const doc = await storedConversation(service, conversationId);
      return doc?.status === 'assigned' ? doc : null;
    });
    expect(stored.assignee).not.toBeNull();
    const winner = clickers.find((user) => user.name === stored?.assignee?.name)!;
    expect(winner).toBeDefined();
    const told = await waitFor(async () => {
      const ephemerals = slack.callsTo('chat.postEphemeral').filter((call) => String(call.args.text).includes('Already claimed by'));
      return ephemerals.length >= 19 ? ephemerals : null;
    });
    expect(new Set(told.map((call) => call.args.user)).has(winner.id)).toBe(false);
    expect(told[0]!.args.text).toContain(`<@${winner.id}>`);
    const update = await waitFor(async () => slack.callsTo('chat.update').find((call) => JSON.stringify(call.args.blocks).includes(conversationId)));
    expect(JSON.stringify(update.args.blocks)).toContain(`Claimed by ${winner.name}`);
  });

  it('refuses forged and stale signatures with 401 and no effect', async () => {
    const { conversationId } = await escalate('human please');
    const body = blockActionBody('handover_claim', conversationId, { id: 'U_FORGER', name: 'forger' });
    expect((await postToSlackEndpoint(service.url, body, form, { secret: 'wrong' })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await postToSlackEndpoint(service.url, body, form, { timestamp: stale })).status).toBe(401);
    const stored = await storedConversation(service, conversationId);
    expect(stored?.status).toBe('waiting');
  });
});

describe('stopping the service', () => {
  it('applies a claim Slack had its acknowledgement for just before the service stopped', async () => {
    const mongodbUri = testDatabaseUri();
    const own = await startSlackService({ service: { demoSlackChannel: CHANNEL, mongodbUri } });
    const turn = await api(own.service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'let me talk to an agent' } });
    const conversationId = turn.body.conversationId as string;
    await waitFor(async () => own.slack.callsTo('chat.postMessage').some((call) => JSON.stringify(call.args.blocks).includes(conversationId)));
    const click = await postToSlackEndpoint(own.service.url, blockActionBody('handover_claim', conversationId, { id: 'U_LAST', name: 'last' }), form);
    expect(click.status).toBe(200);
    // Slack will not send an acknowledged click again: stopping must not drop its work
    await own.stop();
    const after = await startTestService({ mongodbUri });
    try {
      const stored = await storedConversation(after, conversationId);
      expect(stored?.status).toBe('assigned');
      expect(stored?.assignee?.name).toBe('last');
    } finally {
      await after.stop();
    }
  });
});

describe('the whole story through a Slack thread', () => {
  it('escalate → claim → customer and agent talk in the thread → resolve → the bot answers again', async () => {
    const { conversationId, token, ref } = await escalate('I want to talk to a human');
    await postToSlackEndpoint(service.url, blockActionBody('handover_claim', conversationId, { id: 'U_DANA', name: 'dana' }), form);
    await waitFor(async () => (await storedConversation(service, conversationId))?.status === 'assigned');

    await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'My booking vanished <!here>', conversationId }, token });
    const relayed = await waitFor(async () => slack.callsTo('chat.postMessage').find((call) => call.args.thread_ts === ref.ts));
    expect(relayed.args.text).toContain('My booking vanished &lt;!here&gt;');

    const reply = threadMessageEvent({ eventId: 'Ev1', channel: ref.channel, threadTs: ref.ts, user: 'U_DANA', text: 'Found it &amp; restored it, <@U1|sam> says hi' });
    expect((await postToSlackEndpoint(service.url, reply, 'application/json')).status).toBe(200);
    // Slack retrying the same event must not relay it twice
    expect((await postToSlackEndpoint(service.url, reply, 'application/json', { retry: 1 })).status).toBe(200);
    const ownEcho = threadMessageEvent({ eventId: 'Ev2', channel: ref.channel, threadTs: ref.ts, user: 'U_BOT', text: 'echo', botId: 'B_BOT' });
    await postToSlackEndpoint(service.url, ownEcho, 'application/json');

    const agentMessages = await waitFor(async () => {
      const view = await api(service, 'GET', `/api/v1/conversations/${conversationId}`, { token });
      const agent = view.body.messages.filter((m: { from: string }) => m.from === 'agent');
      return agent.length > 0 ? agent : null;
    });
    expect(agentMessages.map((m: { text: string }) => m.text)).toEqual(['Found it & restored it, @sam says hi']);

    await postToSlackEndpoint(service.url, blockActionBody('handover_resolve', conversationId, { id: 'U_DANA', name: 'dana' }), form);
    await waitFor(async () => (await storedConversation(service, conversationId))?.status === 'resolved');
    const resolvedPost = await waitFor(async () =>
      slack.callsTo('chat.update').find((call) => call.args.ts === ref.ts && JSON.stringify(call.args.blocks).includes('Resolved')),
    );
    expect(JSON.stringify(resolvedPost.args.blocks)).not.toContain('handover_claim');

    const after = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'How long is a session?', conversationId }, token });
    expect(after.body.replies[0].text).toContain('60 minutes');
    const view = await api(service, 'GET', `/api/v1/conversations/${conversationId}`, { token });
    expect(view.body.messages.filter((m: { from: string }) => m.from === 'agent')).toHaveLength(1);
  });
});

describe('/handover', () => {
  const command = async (text: string, user = { id: 'U_ADMIN1', name: 'lead' }) => {
    const response = await postToSlackEndpoint(service.url, slashCommandBody(text, user), form);
    expect(response.status).toBe(200);
    return JSON.parse(response.text) as { text: string; response_type: string };
  };

  it('answers help for help and for unknown words', async () => {
    expect((await command('help')).text).toContain('subscribe');
    expect((await command('dance')).text).toContain('/handover');
  });

  it('lets an admin switch Labs and subscribe a channel, and refuses others clearly', async () => {
    expect((await command('labs off demo')).text).toMatch(/Labs is now \*off\*/);
    expect((await storedBot(service, 'demo'))?.labs).toBe(false);
    expect((await command('labs on')).text).toMatch(/Labs is now \*on\*/);
    const refused = await command('off', { id: 'U_STAFF', name: 'staff' });
    expect(refused.text).toMatch(/Only workspace admins/);
    expect((await storedBot(service, 'demo'))?.handover).toBe(true);
    expect((await command('subscribe demo', { id: 'U_LEAD', name: 'listed-admin' })).text).toMatch(/This channel now receives/);
    expect((await command('status')).text).toContain('Labs: *on*');
    expect((await command('rules')).text).toContain('default');
  });

  it('sets my availability and notification preferences', async () => {
    const user = { id: 'U_PREFS', name: 'prefs' };
    expect((await command('available on', user)).text).toMatch(/You are available/);
    expect((await command('notify task off', user)).text).toMatch(/\*off\*/);
    const staff = await storedStaff(service, 'U_PREFS', 'operator');
    expect(staff).toMatchObject({ available: true, notifyOnTaskAssigned: false, notifyOnConversationAssigned: true });
  });
});

describe('rules settings modal and App Home', () => {
  const lead = { id: 'U_ADMIN2', name: 'lead2' };
  const rule = (name: string) => `- { name: ${name}, triggers: [contact_request] }`;

  it('opens the rules editor for admins only', async () => {
    const before = slack.callsTo('views.open').length;
    const refused = await postToSlackEndpoint(service.url, slashCommandBody('settings demo', { id: 'U_STAFF', name: 'staff' }), form);
    expect(refused.text).toMatch(/Only workspace admins/);
    await postToSlackEndpoint(service.url, slashCommandBody('settings demo', lead), form);
    const opened = await waitFor(async () => slack.callsTo('views.open').slice(before)[0]);
    expect(opened.args.view.callback_id).toBe('handover_settings_home');
    expect(JSON.stringify(opened.args.view)).toContain('Contact request');
  });

  it('refuses a 7th rule in the modal and saves a valid list', async () => {
    const seven = Array.from({ length: 7 }, (_, i) => rule(`r${i}`)).join('\n');
    const tooMany = await postToSlackEndpoint(service.url, viewSubmissionBody('demo', seven, lead), form);
    expect(JSON.parse(tooMany.text)).toMatchObject({ response_action: 'errors', errors: { rules: expect.stringMatching(/at most 6/) } });
    const badTrigger = await postToSlackEndpoint(service.url, viewSubmissionBody('demo', '- { name: x, triggers: [moon] }', lead), form);
    expect(JSON.parse(badTrigger.text).errors.rules).toMatch(/Rule 1, triggers/);

    const two = `${rule('people')}\n- { name: topics, triggers: [sensitive_topic], sensitiveTopics: [refund], tags: [money] }`;
    const saved = await postToSlackEndpoint(service.url, viewSubmissionBody('demo', two, lead), form);
    expect(saved.status).toBe(200);
    const bot = await storedBot(service, 'demo');
    expect(bot?.rules.map((r: { name: string }) => r.name)).toEqual(['people', 'topics']);
    expect(bot?.rules[1]).toMatchObject({ sensitiveTopics: ['refund'], tags: ['money'], pauseBot: true });
  });

  it('publishes App Home with my availability, and toggles it', async () => {
    await postToSlackEndpoint(service.url, appHomeOpenedEvent('U_HOME'), 'application/json');
    const home = await waitFor(async () => slack.callsTo('views.publish').find((call) => call.args.user_id === 'U_HOME'));
    expect(JSON.stringify(home.args.view)).toContain('not available');
    await postToSlackEndpoint(service.url, blockActionBody('handover_availability', 'on', { id: 'U_HOME', name: 'home' }), form);
    await waitFor(async () => (await storedStaff(service, 'U_HOME', 'operator'))?.available === true);
  });
});

describe('manifest.yml', () => {
  it('parses and declares the command, events, interactivity and scopes the code uses', () => {
    const manifest = parseYaml(readFileSync('manifest.yml', 'utf8'));
    expect(manifest.features.slash_commands[0].command).toBe('/handover');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['message.channels', 'message.groups', 'app_home_opened']));
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['chat:write', 'commands', 'users:read', 'channels:history', 'channels:read']));
    for (const url of [manifest.features.slash_commands[0].url, manifest.settings.interactivity.request_url, manifest.settings.event_subscriptions.request_url]) {
      expect(url).toMatch(/\/slack\/events$/);
    }
  });
});
