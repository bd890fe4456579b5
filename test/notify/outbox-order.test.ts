import pino from 'pino';
import { mongoOutbox } from '../../adapters/mongo/mongo-outbox.js';
import { mongoDecisions } from '../../adapters/mongo/decide-once.js';
import { describe, expect, it } from 'vitest';
import { createOutbox } from '../../src/notify/outbox.js';
import type { EscalationNotifier } from '../../src/ports/escalation-notifier.js';
import { newOrderedId } from '../../src/ids/new-id.js';
import { waitFor } from '../support/test-service.js';
import { twoReplicaStores } from '../support/two-replicas.js';

/** Two replicas' stores on one database. */
const replicas = twoReplicaStores();

const customerMessage = (conversationId: string, text: string) => ({
  conversation: { id: conversationId },
  message: { id: newOrderedId('msg'), conversationId, from: 'customer', text, at: new Date() },
});

describe('the outbox keeps each conversation in order', () => {
  it('holds back a first try behind an older pending row of its conversation, while first tries checked together go out', async () => {
    const run = newOrderedId('t');
    const [held, free1, free2] = ['held', 'free1', 'free2'].map((name) => `cv_${run}_${name}`) as [string, string, string];
    // replica B's relay of the held conversation is waiting for a retry
    await replicas.b().outbox.create({
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
      rows: mongoOutbox(replicas.a()),
      decisions: mongoDecisions(replicas.a()),
      log: pino({ level: 'silent' }),
      targets: [{ name: 'recorder', notifier: notifier as unknown as EscalationNotifier }],
      loadBot: () => Promise.reject(new Error('no bots here')),
    });
    // queued in the same tick: their order checks share one read
    await Promise.all([held, free1, free2].map((id) => outbox.notifier.customerMessage(customerMessage(id, 'second') as never)));

    await waitFor(async () => delivered.includes(free1) && delivered.includes(free2));
    await outbox.stop();
    expect(delivered).not.toContain(held);
    const heldRows = await replicas.a().outbox.find({ orderKey: `recorder:${held}` }).sort({ _id: 1 }).lean();
    expect(heldRows.map((row) => [row.state, (row.event as { message: { text: string } }).message.text])).toEqual([
      ['pending', 'first'],
      ['pending', 'second'],
    ]);
    expect(await replicas.a().outbox.countDocuments({ orderKey: { $in: [`recorder:${free1}`, `recorder:${free2}`] } })).toBe(0);
  });
});
