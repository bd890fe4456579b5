import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectHandoverStore, type HandoverStore } from '../../../adapters/mongo/handover-store.js';
import { mongoRepositories } from '../../../adapters/mongo/mongo-repositories.js';
import type { Repositories } from '../../../src/ports/repositories.js';
import { stopProcess } from '../../../tools/node-processes.js';
import { blockActionBody, postToSlackEndpoint, SIGNING_SECRET, startSlackStandIn, threadMessageEvent } from '../../slack/slack-stand-in.js';
import { api, waitFor } from '../../support/test-service.js';
import { startDatabaseProcess, startServiceProcess, type ServiceProcess } from '../../support/service-processes.js';

const CHANNEL = 'C0OUTAGEAG1';
let db: Awaited<ReturnType<typeof startDatabaseProcess>>;
let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
let service: ServiceProcess;
let store: HandoverStore;
/** What the service process stored, read through the repositories as it reads it. */
let repositories: Repositories;

beforeAll(async () => {
  db = await startDatabaseProcess();
  slack = await startSlackStandIn();
  service = await startServiceProcess({ MONGODB_URI: db.uri, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url, SLACK_CHANNEL: CHANNEL });
  store = await connectHandoverStore(db.uri);
  repositories = mongoRepositories(store);
}, 120_000);
afterAll(async () => {
  await store?.connection.close().catch(() => undefined);
  if (service) await stopProcess(service.child);
  await slack?.close();
  await db?.stop();
});

describe('an agent replies while the database is down', () => {
  it('marks the reply ⚠️, retries, and delivers it once when the database is back (✅)', async () => {
    const turn = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'I want to talk to a human' } });
    const { conversationId, token } = turn.body;
    const ref = await waitFor(async () => (await repositories.escalationPosts.postsOf(conversationId)).slack as { channel: string; ts: string } | undefined);
    await postToSlackEndpoint(service.url, blockActionBody('handover_claim', conversationId, { id: 'U_HOLD', name: 'hold' }, CHANNEL), 'application/x-www-form-urlencoded');
    await waitFor(async () => (await repositories.conversations.find(conversationId))?.status === 'assigned');

    await db.kill();
    const reply = threadMessageEvent({ eventId: 'EvOutage1', channel: ref.channel, threadTs: ref.ts, user: 'U_HOLD', text: 'We are on it, one moment' });
    expect((await postToSlackEndpoint(service.url, reply, 'application/json')).status).toBe(200);
    await waitFor(async () => slack.callsTo('reactions.add').find((call) => call.args.name === 'warning'), 30_000);
    await waitFor(async () => slack.callsTo('chat.postEphemeral').find((call) => call.args.user === 'U_HOLD' && String(call.args.text).includes('retrying')));

    db = await startDatabaseProcess({ dataDir: db.dataDir, port: db.port });
    await waitFor(async () => slack.callsTo('reactions.add').find((call) => call.args.name === 'white_check_mark'), 60_000);
    expect(slack.callsTo('reactions.remove').some((call) => call.args.name === 'warning')).toBe(true);
    expect(service.child.exitCode).toBeNull();
    const view = await api(service, 'GET', `/api/v1/conversations/${conversationId}`, { token });
    expect(view.body.messages.filter((m: { from: string }) => m.from === 'agent').map((m: { text: string }) => m.text)).toEqual(['We are on it, one moment']);
  }, 120_000);
});
