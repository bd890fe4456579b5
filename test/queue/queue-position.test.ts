import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import { claimConversation } from '../../src/handover/claim-conversation.js';
import { saveStaffMember } from '../../src/staff/save-staff-member.js';
import { OPERATOR_TENANT } from '../../src/tenants/tenant.js';
import { blockActionBody, postToSlackEndpoint } from '../slack/slack-stand-in.js';
import { openEventStream, type StreamEvent } from '../support/event-stream.js';
import { startSlackService, type SlackStandIn } from '../support/slack-service.js';
import { api, startTestService, testDatabaseUri, waitFor } from '../support/test-service.js';

const CHANNEL = 'C0QUEUE001';
const form = 'application/x-www-form-urlencoded';
const bot = (id: string) => botConfigSchema.parse({ id, name: `Queue ${id}`, labs: true, slackChannel: CHANNEL, rules: [{ name: 'People', triggers: ['contact_request'] }] });
const botConfigs = [bot('line'), bot('median')];

let slack: SlackStandIn;
/** Replica A has the Slack app; replica B only serves customers, on the same database. */
let replicaA: RunningService;
let replicaB: RunningService;
let stop: () => Promise<void>;
/** The domain's clock on both replicas. */
let now = new Date('2026-12-10T10:00:00Z');
const clock = () => now;

beforeAll(async () => {
  const mongodbUri = testDatabaseUri();
  ({ slack, service: replicaA, stop } = await startSlackService({ service: { mongodbUri, botConfigs, clock, eventPollMs: 100 } }));
  replicaB = await startTestService({ mongodbUri, botConfigs, clock, eventPollMs: 100 });
});
afterAll(async () => {
  await replicaB?.stop();
  await stop?.();
});

/** A customer asks for a person a second after the last one (the queue is in handover order). */
async function askForPerson(botId: string, replica = replicaA) {
  now = new Date(now.getTime() + 1_000);
  const turn = await api(replica, 'POST', `/api/v1/bots/${botId}/messages`, { body: { text: 'I want to talk to a person' } });
  expect(turn.body.status).toBe('waiting');
  return { id: turn.body.conversationId as string, token: turn.body.token as string, queue: turn.body.queue };
}

const lastQueue = (events: StreamEvent[]) => events.filter((event) => event.event === 'queue').at(-1)?.data;

describe('queue position', () => {
  it('tells each waiting customer their place, and moves it up live when someone ahead is claimed in Slack or resolved, across replicas', async () => {
    const first = await askForPerson('line');
    const second = await askForPerson('line', replicaB);
    const third = await askForPerson('line');
    expect(first.queue).toEqual({ position: 1, expectedWaitMinutes: null, back: null });
    expect(second.queue.position).toBe(2);
    expect(third.queue).toEqual({ position: 3, expectedWaitMinutes: null, back: null });

    const view = await api(replicaB, 'GET', `/api/v1/conversations/${third.id}`, { token: third.token });
    expect(view.body.queue).toEqual({ position: 3, expectedWaitMinutes: null, back: null });

    // the third customer watches on replica B, the second on A; the claim arrives at A
    const thirdStream = await openEventStream(replicaB.url, third.id, third.token);
    const secondStream = await openEventStream(replicaA.url, second.id, second.token);
    await waitFor(async () => lastQueue(thirdStream.events)?.position === 3);
    await waitFor(async () => lastQueue(secondStream.events)?.position === 2);

    await waitFor(async () => slack.callsTo('chat.postMessage').find((call) => call.args.channel === CHANNEL && JSON.stringify(call.args.blocks ?? '').includes(first.id)));
    const claimed = await postToSlackEndpoint(replicaA.url, blockActionBody('handover_claim', first.id, { id: 'U_QUEUE1', name: 'rosa' }, CHANNEL), form);
    expect(claimed.status).toBe(200);
    await waitFor(async () => lastQueue(thirdStream.events)?.position === 2);
    await waitFor(async () => lastQueue(secondStream.events)?.position === 1);
    expect((await api(replicaA, 'GET', `/api/v1/conversations/${first.id}`, { token: first.token })).body.queue).toBeNull();

    // the team resolves the second one (handed over on B) without claiming it: the third is next
    expect((await postToSlackEndpoint(replicaA.url, blockActionBody('handover_resolve', second.id, { id: 'U_QUEUE1', name: 'rosa' }, CHANNEL), form)).status).toBe(200);
    await waitFor(async () => lastQueue(thirdStream.events)?.position === 1);
    const positions = thirdStream.events.filter((event) => event.event === 'queue').map((event) => event.data.position);
    expect(positions.filter((position, i) => position !== positions[i - 1])).toEqual([3, 2, 1]);
    thirdStream.close();
    secondStream.close();
  });

  it('promises no wait time from fewer than five recent claims, then says the median of the recent ones', async () => {
    const agent = await saveStaffMember(replicaA.ctx, { slackUserId: 'U_QUEUE2' }, { name: 'Ali' }, OPERATOR_TENANT);
    const waits = [2, 4, 6, 8, 10];
    for (const [i, minutes] of waits.entries()) {
      now = new Date(Date.parse('2026-12-14T09:00:00Z') + i * 3_600_000);
      const waiting = await askForPerson('median');
      // fewer than five claims so far: the customer hears no number
      expect(waiting.queue).toEqual({ position: 1, expectedWaitMinutes: null, back: null });
      now = new Date(now.getTime() + minutes * 60_000);
      expect((await claimConversation(replicaA.ctx, waiting.id, agent)).won).toBe(true);
    }
    const next = await askForPerson('median');
    expect(next.queue).toEqual({ position: 1, expectedWaitMinutes: 6, back: null });
    const view = await api(replicaB, 'GET', `/api/v1/conversations/${next.id}`, { token: next.token });
    expect(view.body.queue.expectedWaitMinutes).toBe(6);

    // a week later those claims say nothing about today
    now = new Date(now.getTime() + 8 * 86_400_000);
    expect((await api(replicaB, 'GET', `/api/v1/conversations/${next.id}`, { token: next.token })).body.queue).toEqual({ position: 1, expectedWaitMinutes: null, back: null });
  });

  it('drops an entry left behind by a process that stopped between the conversation’s write and the queue’s', async () => {
    const gone = await askForPerson('line');
    const waiting = await askForPerson('line');
    // behind the customer from the first test, who still waits
    expect(waiting.queue.position).toBe(3);
    // the conversation was resolved, but its queue entry was never removed
    await replicaA.ctx.conversations.update(gone.id, { status: 'resolved' });
    const view = await api(replicaB, 'GET', `/api/v1/conversations/${waiting.id}`, { token: waiting.token });
    expect(view.body.queue.position).toBe(2);
    expect((await replicaA.ctx.waitingQueue.waiting('line', 10)).map((entry) => entry.conversationId)).not.toContain(gone.id);
  });
});
