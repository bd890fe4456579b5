import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { api, waitFor } from '../support/test-service.js';
import type { SlackCall } from './slack-stand-in.js';
import { startSlackService, type SlackStandIn } from '../support/slack-service.js';
import { escalationPosts } from '../support/stored-state.js';

const CHANNEL = 'C0OUTAGE01';
let slack: SlackStandIn;
let service: RunningService;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ slack, service, stop } = await startSlackService({ service: { demoSlackChannel: CHANNEL, outboxBaseDelayMs: 200 }, slackAdapter: { callTimeoutMs: 500 } }));
});
afterAll(() => stop?.());

const escalationPostsOf = (conversationId: string): SlackCall[] =>
  slack.callsTo('chat.postMessage').filter((call) => !call.args.thread_ts && JSON.stringify(call.args.blocks ?? '').includes(conversationId));

async function askForHuman(text = 'I need to talk to a person') {
  const turn = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text } });
  expect(turn.status).toBe(200);
  expect(turn.body.status).toBe('waiting');
  return { conversationId: turn.body.conversationId as string, token: turn.body.token as string };
}

describe('Slack outages', () => {
  it('delivers the escalation exactly once after Slack answers 500, then 429 with Retry-After', async () => {
    slack.failNext('chat.postMessage', { status: 500 }, { status: 429, retryAfter: 1 });
    const { conversationId } = await askForHuman();

    const delivered = await waitFor(async () => escalationPostsOf(conversationId).find((call) => call.status === 200), 15_000);
    const tries = escalationPostsOf(conversationId);
    expect(tries.map((call) => call.status)).toEqual([500, 429, 200]);
    // Retry-After: 1 is honoured
    expect(delivered.at - tries[1]!.at).toBeGreaterThanOrEqual(950);
    const ref = await waitFor(async () => (await escalationPosts(service, conversationId)).slack as { ts: string } | undefined);
    expect(ref.ts).toBeTruthy();
    await waitFor(async () => (await service.mongo.store.outbox.countDocuments({ orderKey: `slack:${conversationId}` })) === 0);
  });

  it('keeps the thread in order: a customer message written during the outage follows the post', async () => {
    slack.failNext('chat.postMessage', { status: 503 }, { status: 502 });
    const { conversationId, token } = await askForHuman('talk to a human please');
    const next = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'Are you there? It is urgent', conversationId }, token });
    expect(next.status).toBe(200);

    const post = await waitFor(async () => escalationPostsOf(conversationId).find((call) => call.status === 200), 15_000);
    const ref = await waitFor(async () => (await escalationPosts(service, conversationId)).slack as { ts: string } | undefined);
    const relay = await waitFor(async () => slack.callsTo('chat.postMessage').find((call) => call.args.thread_ts === ref.ts && call.status === 200));
    expect(relay.args.text).toContain('Are you there?');
    expect(relay.at).toBeGreaterThan(post.at);
    expect(slack.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === ref.ts)).toHaveLength(1);
  });

  it('keeps each thread in order when several conversations relay at once and one waits behind its post', async () => {
    const others = await Promise.all([askForHuman('talk to a human'), askForHuman('a person please'), askForHuman('a human agent please')]);
    const slackRef = (conversationId: string) =>
      waitFor(async () => (await escalationPosts(service, conversationId)).slack as { ts: string } | undefined);
    const otherRefs = await Promise.all(others.map(({ conversationId }) => slackRef(conversationId)));
    slack.failNext('chat.postMessage', { status: 503 });
    const held = await askForHuman('I need a human now');

    // sent together; the outbox's order check itself is tested in test/notify/outbox-order.test.ts (here Slack's need for a thread keeps the order too)
    const sent = await Promise.all(
      [held, ...others].map(({ conversationId, token }) =>
        api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: `Still there? (${conversationId})`, conversationId }, token }),
      ),
    );
    expect(sent.map((turn) => turn.status)).toEqual([200, 200, 200, 200]);

    const relayIn = (ts: string, conversationId: string) =>
      waitFor(async () => slack.callsTo('chat.postMessage').find((call) => call.args.thread_ts === ts && call.status === 200 && String(call.args.text).includes(conversationId)), 15_000);
    for (const [i, { conversationId }] of others.entries()) expect((await relayIn(otherRefs[i]!.ts, conversationId)).args.text).toContain('Still there?');
    const post = await waitFor(async () => escalationPostsOf(held.conversationId).find((call) => call.status === 200), 15_000);
    const heldRef = await slackRef(held.conversationId);
    expect(escalationPostsOf(held.conversationId).map((call) => call.status)).toEqual([503, 200]);
    expect((await relayIn(heldRef.ts, held.conversationId)).at).toBeGreaterThan(post.at);
  });

  it('does not post twice when Slack posted but answered too late (found again by its metadata)', async () => {
    slack.failNext('chat.postMessage', { status: 200, answerAfterMs: 1_500 });
    const { conversationId } = await askForHuman('can I speak to someone');

    await waitFor(async () => (await escalationPosts(service, conversationId)).slack, 15_000);
    await waitFor(async () => (await service.mongo.store.outbox.countDocuments({ orderKey: `slack:${conversationId}` })) === 0);
    expect(escalationPostsOf(conversationId)).toHaveLength(1);
    expect(slack.callsTo('conversations.history').some((call) => call.args.channel === CHANNEL)).toBe(true);
  });

  it('gives up at once, with the reason kept, when Slack refuses the channel', async () => {
    slack.failNext('chat.postMessage', { status: 200, error: 'channel_not_found' });
    const { conversationId } = await askForHuman('human please');
    const row = await waitFor(async () => service.mongo.store.outbox.findOne({ orderKey: `slack:${conversationId}`, state: 'failed' }).lean());
    expect(row.lastError).toContain('channel_not_found');
    expect(row.kind).toBe('escalated');
    expect(escalationPostsOf(conversationId)).toHaveLength(1);
  });

  it('lists what was given up and sends it again once the cause is fixed (npx handover outbox)', async () => {
    slack.failNext('chat.postMessage', { status: 200, error: 'not_in_channel' });
    const { conversationId } = await askForHuman('human please, again');
    await waitFor(async () => service.mongo.store.outbox.findOne({ orderKey: `slack:${conversationId}`, state: 'failed' }).lean());
    const { connection } = service.mongo.store;
    const env = { MONGODB_URI: `mongodb://${connection.host}:${connection.port}/${connection.name}` };

    const listed = await handoverCli(['outbox', 'list'], env);
    expect(listed.status).toBe(0);
    expect(listed.out).toContain('not_in_channel');
    expect(listed.out).toMatch(/\d+ given up/);

    // someone invited the app; now it goes out
    const retried = await handoverCli(['outbox', 'retry'], env);
    expect(retried.out).toMatch(/notification\(s\) queued again/);
    await waitFor(async () => escalationPostsOf(conversationId).find((call) => call.status === 200), 15_000);
    await waitFor(async () => (await service.mongo.store.outbox.countDocuments({ orderKey: `slack:${conversationId}` })) === 0);
  });
});

/** `npx handover …` in its own process (async: the stand-in answers from this one). */
function handoverCli(args: string[], env: Record<string, string>): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('../../bin/handover.js', import.meta.url)), ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (status) => resolve({ status, out }));
  });
}
