import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handoffWebhookAdapter } from '../../adapters/webhook/handoff-webhook-notifier.js';
import { startHandoffBot } from '../../examples/handoff-bot/handoff-bot.js';
import { freePort } from '../../tools/node-processes.js';
import { blockActionBody, postToSlackEndpoint, threadMessageEvent } from '../slack/slack-stand-in.js';
import { startSlackService } from '../support/slack-service.js';
import { escalationPosts, storedConversation } from '../support/stored-state.js';
import { testDatabaseUri, waitFor } from '../support/test-service.js';

const CHANNEL = 'C0123456789';
const launcher = fileURLToPath(new URL('../../bin/handover.js', import.meta.url));
const form = 'application/x-www-form-urlencoded';

let running: Awaited<ReturnType<typeof startSlackService>>;
let bot: Awaited<ReturnType<typeof startHandoffBot>>;
let secret: string;
let keyId: string;
let mongodbUri: string;

/** `npx handover keys …` against the test's database, as an operator runs it. */
function keysCommand(...args: string[]) {
  const result = spawnSync(process.execPath, [launcher, 'keys', ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, MONGODB_URI: mongodbUri } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  mongodbUri = testDatabaseUri();
  running = await startSlackService({
    service: { mongodbUri, demoSlackChannel: CHANNEL, outboxBaseDelayMs: 200 },
    // the example bot listens on loopback: the operator allows it, as HANDOVER_OUTBOUND_ALLOW would
    otherAdapters: [handoffWebhookAdapter({ allowInternal: ['127.0.0.1'] })],
  });
  const port = await freePort();
  const created = keysCommand('create', 'demo', '--webhook', `http://localhost:${port}/webhook`);
  expect(created.code, created.stderr).toBe(0);
  const key = /API key: (hk_\S+)/.exec(created.stdout)![1]!;
  secret = /(whsec_\S+)/.exec(created.stdout)![1]!;
  keyId = /key id: {2}(key_\S+)/.exec(created.stdout)![1]!;
  bot = await startHandoffBot({ handoverUrl: running.service.url, botId: 'demo', apiKey: key, webhookSecret: secret, port });
});
afterAll(async () => {
  await bot?.close();
  await running?.stop();
});

describe('the example handoff bot, end to end', () => {
  it('hands over, the customer’s next message reaches the thread, a Slack claim and the agent’s reply reach the bot’s webhook, and resolving hands back', async () => {
    const { slack, service } = running;
    const { conversationId, status } = await bot.handOff({
      customer: { id: 'customer-7', name: 'Sam' },
      transcript: [
        { from: 'customer', text: 'My parcel never arrived' },
        { from: 'bot', text: 'I can only track parcels with a tracking number.' },
      ],
      reason: 'No tracking number',
      summary: 'Sam’s parcel did not arrive; there is no tracking number.',
    });
    expect(status).toBe('waiting');
    const post = await waitFor(async () => slack.callsTo('chat.postMessage').find((call) => call.args.channel === CHANNEL && !call.args.thread_ts && JSON.stringify(call.args.blocks).includes(conversationId)));
    expect(JSON.stringify(post.args.blocks)).toContain('My parcel never arrived');
    const ref = await waitFor(async () => (await escalationPosts(service, conversationId)).slack);

    await bot.forward(conversationId, 'It was a birthday present');
    const relayed = await waitFor(async () => slack.callsTo('chat.postMessage').find((call) => call.args.thread_ts === ref.ts));
    expect(relayed.args.text).toContain('It was a birthday present');

    // a signed Slack request through the real Bolt app
    await postToSlackEndpoint(service.url, blockActionBody('handover_claim', conversationId, { id: 'U_DANA', name: 'dana' }), form);
    const claimed = await waitFor(async () => bot.events.find((event) => event.type === 'handoff.claimed' && event.data.conversationId === conversationId));
    expect(claimed.data).toMatchObject({ status: 'assigned', assignee: { name: 'dana' } });

    const reply = threadMessageEvent({ eventId: 'EvHandoff1', channel: ref.channel, threadTs: ref.ts, user: 'U_DANA', text: 'Found it: it is at the depot' });
    expect((await postToSlackEndpoint(service.url, reply, 'application/json')).status).toBe(200);
    await waitFor(async () => bot.inbox.find((line) => line.conversationId === conversationId));
    expect(bot.inbox.filter((line) => line.conversationId === conversationId).map((line) => line.text)).toEqual(['Found it: it is at the depot']);

    await postToSlackEndpoint(service.url, blockActionBody('handover_resolve', conversationId, { id: 'U_DANA', name: 'dana' }), form);
    const resolved = await waitFor(async () => bot.events.find((event) => event.type === 'handoff.resolved' && event.data.conversationId === conversationId));
    expect(resolved.data.status).toBe('resolved');
    expect(bot.withTeam.has(conversationId)).toBe(false);
    expect((await storedConversation(service, conversationId))?.status).toBe('resolved');
    expect(bot.events.filter((event) => event.data.conversationId === conversationId).map((event) => event.type)).toEqual(['handoff.claimed', 'handoff.agent_message', 'handoff.resolved']);
    // handed back: the bot answers its customer again, so forwarding is refused
    await expect(bot.forward(conversationId, 'thanks!')).rejects.toThrow('409');
  });

  it('the bot’s webhook refuses deliveries under another secret, with a changed body, or replayed after five minutes (the library’s verify)', async () => {
    const delivered = await waitFor(async () => bot.events[0]);
    const body = JSON.stringify(delivered);
    const post = (headers: Record<string, string>, payload = body) => fetch(`${bot.url}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload });
    const signed = (signer: Webhook, at: Date, payload = body) => ({ 'webhook-id': 'msg_test', 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signer.sign('msg_test', at, payload) });
    const other = new Webhook(`whsec_${Buffer.from('not the bot secret, 32 bytes long').toString('base64')}`);
    const before = bot.events.length;

    expect((await post(signed(other, new Date()))).status).toBe(401);
    expect((await post(signed(new Webhook(secret), new Date()), body.replace(delivered.data.conversationId, 'cv_someone_elses0'))).status).toBe(401);
    expect((await post(signed(new Webhook(secret), new Date(Date.now() - 6 * 60_000)))).status).toBe(401);
    expect(bot.events.length).toBe(before);
    // and a real delivery captured now is refused when replayed later
    const fresh = signed(new Webhook(secret), new Date());
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 6 * 60_000);
      expect(() => new Webhook(secret).verify(body, fresh)).toThrow('Message timestamp too old');
    } finally {
      vi.useRealTimers();
    }
    // the right secret, now: accepted (a retry of an event already seen is acknowledged and not counted twice)
    expect((await post(fresh)).status).toBe(204);
    expect(bot.events.length).toBe(before);
  });

  it('keys list shows the key without the key itself, and a revoked key no longer hands over', async () => {
    const listed = keysCommand('list', 'demo');
    expect(listed.stdout).toContain(keyId);
    expect(listed.stdout).toContain('active');
    expect(listed.stdout).not.toContain('hk_');
    expect(keysCommand('revoke', keyId).code).toBe(0);
    await expect(bot.handOff({ customer: { id: 'c-8' }, transcript: [], reason: 'again' })).rejects.toThrow('401');
    expect(keysCommand('list', 'demo').stdout).toContain('revoked');
    expect(keysCommand('create', 'demo', '--webhook', 'http://10.0.0.5/hook').code).toBe(2);
  });
});
