import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBatched } from '../../src/storage/batched-writes.js';
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
