import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutbox } from '../../src/notify/outbox.js';
import type { EscalationNotifier } from '../../src/ports/escalation-notifier.js';
import { connectHandoverStore, type HandoverStore } from '../../src/storage/handover-store.js';
import { newOrderedId } from '../../src/storage/new-id.js';
import { testDatabaseUri, waitFor } from '../support/test-service.js';

/** Two replicas' stores on one database. */
let replicaA: HandoverStore;
let replicaB: HandoverStore;

beforeAll(async () => {
  const uri = testDatabaseUri();
  replicaA = await connectHandoverStore(uri);
  replicaB = await connectHandoverStore(uri);
});
afterAll(async () => {
  await replicaA?.connection.close();
  await replicaB?.connection.close();
});

const customerMessage = (conversationId: string, text: string) => ({
  conversation: { id: conversationId },
  message: { id: newOrderedId('msg'), conversationId, from: 'customer', text, at: new Date() },
});

describe('the outbox keeps each conversation in order', () => {
  it('holds back a first try behind an older pending row of its conversation, while first tries checked together go out', async () => {
    const run = newOrderedId('t');
    const [held, free1, free2] = ['held', 'free1', 'free2'].map((name) => `cv_${run}_${name}`) as [string, string, string];
    // replica B's relay of the held conversation is waiting for a retry
    await replicaB.outbox.create({
      _id: newOrderedId('ob'),
      target: 'recorder',
      kind: 'customerMessage',
      onceKey: null,
      event: customerMessage(held, 'first'),
      orderKey: `recorder:${held}`,
      attempt: 1,
      nextAt: new Date(Date.now() + 60_000),
      state: 'pending',
      lastError: 'Slack answered 503',
      queuedAt: new Date(),
    });

    const delivered: string[] = [];
    const notifier = { customerMessage: async (event: { conversation: { id: string } }) => void delivered.push(event.conversation.id) };
    const outbox = createOutbox({
      store: replicaA,
      log: pino({ level: 'silent' }),
      targets: [{ name: 'recorder', notifier: notifier as unknown as EscalationNotifier }],
      loadBot: () => Promise.reject(new Error('no bots here')),
    });
    // queued in the same tick: their order checks share one read
    await Promise.all([held, free1, free2].map((id) => outbox.notifier.customerMessage(customerMessage(id, 'second') as never)));

    await waitFor(async () => delivered.includes(free1) && delivered.includes(free2));
    await outbox.stop();
    expect(delivered).not.toContain(held);
    const heldRows = await replicaA.outbox.find({ orderKey: `recorder:${held}` }).sort({ _id: 1 }).lean();
    expect(heldRows.map((row) => [row.state, (row.event as { message: { text: string } }).message.text])).toEqual([
      ['pending', 'first'],
      ['pending', 'second'],
    ]);
    expect(await replicaA.outbox.countDocuments({ orderKey: { $in: [`recorder:${free1}`, `recorder:${free2}`] } })).toBe(0);
  });
});
