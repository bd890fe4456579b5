import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectHandoverStore, type HandoverStore } from '../../../adapters/mongo/handover-store.js';
import { mongoDueTaskLists } from '../../../adapters/mongo/mongo-due-task-lists.js';
import { stopProcess } from '../../../tools/node-processes.js';
import { blockActionBody, postToSlackEndpoint, SIGNING_SECRET, startSlackStandIn } from '../../slack/slack-stand-in.js';
import { api, waitFor } from '../../support/test-service.js';
import { killGroup, startDatabaseProcess, startServiceProcess, type ServiceProcess } from '../../support/service-processes.js';

const CHANNEL = 'C0REPLICAS1';
let db: Awaited<ReturnType<typeof startDatabaseProcess>>;
let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
let replicas: ServiceProcess[] = [];
let store: HandoverStore;

beforeAll(async () => {
  db = await startDatabaseProcess();
  slack = await startSlackStandIn();
  const env = {
    MONGODB_URI: db.uri,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    SLACK_CHANNEL: CHANNEL,
    HANDOVER_OUTBOX_LEASE_MS: '3000',
  };
  // the first alone: it creates the demo bot and the indexes
  replicas.push(await startServiceProcess(env));
  await Promise.all([1, 2].map(async () => replicas.push(await startServiceProcess(env))));
  store = await connectHandoverStore(db.uri);
}, 180_000);
afterAll(async () => {
  await store?.connection.close();
  await Promise.all(replicas.map((replica) => stopProcess(replica.child)));
  await slack?.close();
  await db?.stop();
});

const form = 'application/x-www-form-urlencoded';

async function escalate(via: ServiceProcess, text: string) {
  const turn = await api(via, 'POST', '/api/v1/bots/demo/messages', { body: { text, customer: { name: 'Kai' } } });
  expect(turn.status).toBe(200);
  expect(turn.body.status).toBe('waiting');
  return turn.body as { conversationId: string; token: string; handover: { taskId: string } };
}

describe('three replicas on one database', () => {
  it('gives a conversation to exactly one of 30 simultaneous Claim clicks spread across the replicas', async () => {
    const { conversationId, token } = await escalate(replicas[0]!, 'let me talk to a person');
    await waitFor(async () => slack.callsTo('chat.postMessage').find((call) => JSON.stringify(call.args.blocks ?? '').includes(conversationId)));
    const clickers = Array.from({ length: 30 }, (_, i) => ({ id: `U3R${i}`, name: `agent${i}` }));
    const responses = await Promise.all(
      clickers.map((user, i) => postToSlackEndpoint(replicas[i % 3]!.url, blockActionBody('handover_claim', conversationId, user, CHANNEL), form)),
    );
    expect(responses.map((response) => response.status)).toEqual(clickers.map(() => 200));

    // the clicks are acknowledged before the claim is applied (Slack's 3 s budget): wait for it to land
    const view = await waitFor(async () => {
      const seen = await api(replicas[2]!, 'GET', `/api/v1/conversations/${conversationId}`, { token });
      return seen.body.status === 'assigned' ? seen : null;
    });
    const winner = clickers.find((user) => user.name === view.body.assignee?.name);
    expect(winner).toBeDefined();
    const told = await waitFor(async () => {
      const refusals = slack.callsTo('chat.postEphemeral').filter((call) => String(call.args.text).includes('Already claimed'));
      return refusals.length >= 29 ? refusals : null;
    });
    expect(told).toHaveLength(29);
    expect(told.map((call) => call.args.user)).not.toContain(winner!.id);
  });

  it('reminds each due task exactly once, even when a replica is killed mid-way', async () => {
    const handovers: Array<Awaited<ReturnType<typeof escalate>>> = [];
    for (let i = 0; i < 30; i += 1) handovers.push(await escalate(replicas[i % 3]!, `I need a human, order ${i}`));
    // bring the tasks' due time (24 h away) to a few seconds from now
    const dueAt = new Date(Date.now() + 3_000);
    const lists = mongoDueTaskLists(store);
    for (const { handover } of handovers) {
      await store.tasks.updateOne({ _id: handover.taskId }, { $set: { dueAt } });
      await lists.add(handover.taskId, dueAt);
    }
    const reminders = (conversationId: string) =>
      slack.callsTo('chat.postMessage').filter((call) => String(call.args.text).startsWith('Reminder:') && String(call.args.text).includes(conversationId));

    // kill one replica as soon as the reminders start going out
    await waitFor(async () => handovers.some(({ conversationId }) => reminders(conversationId).length > 0), 30_000);
    await killGroup(replicas[1]!.child);

    await waitFor(async () => handovers.every(({ conversationId }) => reminders(conversationId).length >= 1), 60_000);
    // give any duplicate the time to show up: two more sweeps on the surviving replicas
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const { conversationId } of handovers) expect({ conversationId, reminders: reminders(conversationId).length }).toEqual({ conversationId, reminders: 1 });
    expect(replicas[0]!.child.exitCode).toBeNull();
    expect(replicas[2]!.child.exitCode).toBeNull();
  }, 120_000);
});
