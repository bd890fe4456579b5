import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMongoStorage, type MongoStorage } from '../../adapters/mongo/mongo-repositories.js';
import { takeSeatByHand, takeSeatUnder } from '../../src/capacity/seats.js';
import type { Repositories } from '../../src/ports/repositories.js';
import { testDatabaseUri } from '../support/test-service.js';

/**
 * The storage capacity routing and the team view rely on, through the ports,
 * with two replicas' repositories over one database: on the embedded
 * FerretDB, and on the server MONGODB_URI names when it is set.
 */
function describeCapacityStorage(name: string, uri: () => string) {
  describe(`seats, the capacity queue and handover facts (${name})`, () => {
    let stores: MongoStorage[] = [];
    const a = (): Repositories => stores[0]!.repositories;
    const b = (): Repositories => stores[1]!.repositories;
    beforeAll(async () => {
      const at = uri();
      stores = [await connectMongoStorage(at), await connectMongoStorage(at)];
    });
    afterAll(async () => {
      for (const store of stores) await store.close();
    });

    it('gives one seat to exactly one of many takers on two replicas', async () => {
      const takes = await Promise.all(
        Array.from({ length: 12 }, (_, i) => (i % 2 ? a() : b()).seats.take({ staffId: 'st_race', n: 0, holder: { conversationId: `cv_${i}`, handoverId: null }, since: new Date() })),
      );
      expect(takes.filter(Boolean)).toHaveLength(1);
      const [seat] = await b().seats.seatsOf(['st_race']);
      expect(await a().seats.heldBy(seat!.holder.conversationId)).toHaveLength(1);
      await a().seats.free(seat!);
      expect(await b().seats.seatsOf(['st_race'])).toEqual([]);
    });

    it('never lets more than the limit of seats be taken at once, however many assign together', async () => {
      const now = () => new Date();
      const taken = await Promise.all(
        Array.from({ length: 10 }, (_, i) => takeSeatUnder({ seats: (i % 2 ? a() : b()).seats, now }, 'st_limit', 2, { conversationId: `cv_limit_${i}`, handoverId: `ho_${i}` })),
      );
      const won = taken.filter((seat) => seat !== null);
      const held = await a().seats.seatsOf(['st_limit']);
      expect(held.length).toBeLessThanOrEqual(2);
      expect(won.length).toBe(held.length);
      // a claim by hand is never refused: over the limit it takes a seat of its own, counted in the load
      await takeSeatByHand({ seats: b().seats, now }, 'st_limit', 2, { conversationId: 'cv_by_hand', handoverId: 'ho_hand' });
      await takeSeatByHand({ seats: b().seats, now }, 'st_limit', 2, { conversationId: 'cv_by_hand_2', handoverId: 'ho_hand_2' });
      expect((await a().seats.seatsOf(['st_limit'])).length).toBe(held.length + 2);
      expect(await takeSeatUnder({ seats: a().seats, now }, 'st_limit', 2, { conversationId: 'cv_late', handoverId: null })).toBeNull();
    });

    it("keeps a tenant's queue oldest first, each conversation once", async () => {
      const entry = (conversationId: string, tenant: string, minutes: number) => ({ conversationId, handoverId: `ho_${conversationId}`, botId: 'bot', tenant, since: new Date(Date.UTC(2026, 0, 1, 0, minutes)) });
      await a().capacityQueue.add(entry('cv_q2', 't_queue', 2));
      await b().capacityQueue.add(entry('cv_q1', 't_queue', 1));
      await a().capacityQueue.add(entry('cv_q1', 't_queue', 1));
      await b().capacityQueue.add(entry('cv_other', 't_other', 0));
      expect((await b().capacityQueue.oldest('t_queue', 10)).map((q) => q.conversationId)).toEqual(['cv_q1', 'cv_q2']);
      await b().capacityQueue.remove('cv_q1');
      expect((await a().capacityQueue.oldest('t_queue', 10)).map((q) => q.conversationId)).toEqual(['cv_q2']);
    });

    it('records each step of a handover once and finds a bot\'s recent and open handovers', async () => {
      const day = (d: number) => new Date(Date.UTC(2026, 1, d));
      const start = (handoverId: string, at: Date) => ({ kind: 'start' as const, handoverId, botId: 'facts-bot', conversationId: `cv_${handoverId}`, at, trigger: 'contact_request' as const, open: true });
      expect(await a().handoverFacts.record(start('ho_old_open', day(1)))).toBe(true);
      expect(await b().handoverFacts.record(start('ho_old_open', day(1)))).toBe(false);
      await a().handoverFacts.record(start('ho_old_done', day(1)));
      await a().handoverFacts.record({ kind: 'end', handoverId: 'ho_old_done', botId: 'facts-bot', at: day(2), handoverAt: day(1), how: 'resolved' });
      await b().handoverFacts.close('ho_old_done');
      await a().handoverFacts.record(start('ho_new', day(20)));
      await b().handoverFacts.record({ kind: 'claim', handoverId: 'ho_new', botId: 'facts-bot', at: day(21), handoverAt: day(20) });

      const facts = await b().handoverFacts.ofBot('facts-bot', day(15));
      expect(facts.map((f) => `${f.handoverId}:${f.kind}`).sort()).toEqual(['ho_new:claim', 'ho_new:start', 'ho_old_open:start']);
      expect(await a().handoverFacts.find('ho_new', 'claim')).toMatchObject({ at: day(21), handoverAt: day(20) });
      expect((await a().handoverFacts.ofHandovers(['ho_new', 'ho_old_open'], 'claim')).map((f) => f.handoverId)).toEqual(['ho_new']);
      expect(await b().handoverFacts.botsActiveSince(day(15))).toContain('facts-bot');
    });
  });
}

describeCapacityStorage('MongoDB adapter on the embedded FerretDB', testDatabaseUri);

const givenUri = process.env.MONGODB_URI;
describe.skipIf(!givenUri)('on the server MONGODB_URI names', () => {
  describeCapacityStorage('MongoDB adapter on MONGODB_URI', () => {
    // the server of MONGODB_URI, with a database of this suite's own
    const [base = '', query] = givenUri!.split('?');
    const pathStart = base.indexOf('/', base.indexOf('://') + 3);
    const server = pathStart < 0 ? base : base.slice(0, pathStart);
    return `${server}/handover_capacity_${Date.now().toString(36)}${query ? `?${query}` : ''}`;
  });
});
