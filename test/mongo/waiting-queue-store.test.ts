import { describe, expect, it } from 'vitest';
import { mongoWaitingQueue, waitingQueueModel } from '../../adapters/mongo/mongo-waiting-queue.js';
import { twoReplicaStores } from '../support/two-replicas.js';

const replicas = twoReplicaStores();
const queueOf = (replica: 'a' | 'b') => mongoWaitingQueue(waitingQueueModel(replicas[replica]().connection));
const at = (minute: number) => new Date(Date.UTC(2026, 11, 10, 9, minute));

describe('the waiting-queue read model (two replicas, one database)', () => {
  it('lists a bot’s waiting conversations oldest first, whichever replica entered or removed them', async () => {
    const a = queueOf('a');
    const b = queueOf('b');
    await Promise.all([
      a.enter({ conversationId: 'cv_3', handoverId: 'ho_3', botId: 'q', since: at(3) }),
      b.enter({ conversationId: 'cv_1', handoverId: 'ho_1', botId: 'q', since: at(1) }),
      a.enter({ conversationId: 'cv_2', handoverId: 'ho_2', botId: 'q', since: at(2) }),
      b.enter({ conversationId: 'cv_x', handoverId: 'ho_x', botId: 'other', since: at(0) }),
    ]);
    expect((await b.waiting('q', 10)).map((entry) => entry.conversationId)).toEqual(['cv_1', 'cv_2', 'cv_3']);
    await b.leave('cv_2');
    expect((await a.waiting('q', 10)).map((entry) => entry.conversationId)).toEqual(['cv_1', 'cv_3']);
    // handed over again: the newest handover replaces the entry
    await a.enter({ conversationId: 'cv_1', handoverId: 'ho_1b', botId: 'q', since: at(4) });
    expect((await b.waiting('q', 10)).map((entry) => [entry.conversationId, entry.handoverId])).toEqual([
      ['cv_3', 'ho_3'],
      ['cv_1', 'ho_1b'],
    ]);
    expect(await a.waiting('q', 1)).toHaveLength(1);
  });

  it('keeps a bot’s last 20 claim waits, oldest first', async () => {
    const a = queueOf('a');
    for (let i = 0; i < 25; i += 1) await a.recordClaimWait('waits', { at: at(i), waitedMs: i * 1_000 });
    const waits = await queueOf('b').recentClaimWaits('waits');
    expect(waits).toHaveLength(20);
    expect(waits[0]).toEqual({ at: at(5), waitedMs: 5_000 });
    expect(waits.at(-1)).toEqual({ at: at(24), waitedMs: 24_000 });
    // the claim-wait list is no entry of the queue
    expect(await a.waiting('waits', 10)).toEqual([]);
  });
});
