import { MongoServerError } from 'mongodb';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBatched, updateOneBatched } from '../../adapters/mongo/batched-writes.js';
import { testDatabaseUri } from '../support/test-service.js';

const connection = mongoose.createConnection(testDatabaseUri());
const Things = connection.model('Thing', new mongoose.Schema({ _id: String, n: Number }, { versionKey: false }), 'things');

beforeAll(async () => {
  await connection.asPromise();
});
afterAll(async () => {
  await connection.close();
});

describe('writes batched into one command', () => {
  it('gives each caller its own outcome: one winner per key, the rest duplicates, and a bad document fails alone', async () => {
    const keys = Array.from({ length: 30 }, (_, i) => `key-${i % 10}`);
    const outcomes = await Promise.allSettled([
      ...keys.map((key, i) => insertBatched(Things, { _id: key, n: i })),
      insertBatched(Things, { _id: 'bad', n: 1, $where: 'not a field' }),
    ]);
    const byKey = new Map<string, string[]>();
    keys.forEach((key, i) => {
      const outcome = outcomes[i]!;
      byKey.set(key, [...(byKey.get(key) ?? []), outcome.status === 'fulfilled' ? outcome.value : 'rejected']);
    });
    for (const results of byKey.values()) expect(results.sort()).toEqual(['duplicate', 'duplicate', 'inserted']);
    expect(outcomes.at(-1)!.status).toBe('rejected');
    // as the driver's unbatched write would fail, so that a database that cannot serve now is told from a refusal (503 against 500)
    expect((outcomes.at(-1) as PromiseRejectedResult).reason).toBeInstanceOf(MongoServerError);
    expect(typeof (outcomes.at(-1) as PromiseRejectedResult).reason.code).toBe('number');
    expect(await Things.countDocuments()).toBe(10);
  });

  it('fails every write of a command that never reached the database, rather than taking it as done', async () => {
    const closed = mongoose.createConnection(testDatabaseUri());
    await closed.asPromise();
    const Closed = closed.model('Thing', new mongoose.Schema({ _id: String }), 'things');
    await closed.close();
    const outcomes = await Promise.allSettled([insertBatched(Closed, { _id: 'lost-1' }), insertBatched(Closed, { _id: 'lost-2' })]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
  });
});

describe('conditional updates batched into one command', () => {
  it('reports applied when all of a batch matched, missed when none did, and unknown when only some did', async () => {
    await Things.insertMany([{ _id: 'u-1', n: 1 }, { _id: 'u-2', n: 2 }, { _id: 'u-3', n: 3 }]);

    const allMatched = await Promise.all([updateOneBatched(Things, { _id: 'u-1', n: 1 }, { $inc: { n: 10 } }), updateOneBatched(Things, { _id: 'u-2', n: 2 }, { $inc: { n: 10 } })]);
    expect(allMatched).toEqual(['applied', 'applied']);

    const noneMatched = await Promise.all([updateOneBatched(Things, { _id: 'u-1', n: 1 }, { $inc: { n: 10 } }), updateOneBatched(Things, { _id: 'u-2', n: 2 }, { $inc: { n: 10 } })]);
    expect(noneMatched).toEqual(['missed', 'missed']);

    const someMatched = await Promise.all([updateOneBatched(Things, { _id: 'u-3', n: 3 }, { $inc: { n: 10 } }), updateOneBatched(Things, { _id: 'u-1', n: 1 }, { $inc: { n: 10 } })]);
    expect(someMatched).toEqual(['unknown', 'unknown']);

    const stored = await Things.find({ _id: { $in: ['u-1', 'u-2', 'u-3'] } }).sort({ _id: 1 }).lean();
    expect(stored.map((thing) => thing.n)).toEqual([11, 12, 13]);
  });
});
