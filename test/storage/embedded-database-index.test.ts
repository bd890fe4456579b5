import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseUri } from '../support/test-service.js';

const client = new MongoClient(testDatabaseUri());

afterAll(async () => {
  await client.close();
});

/**
 * Without tools/ferretdb/patches.json, FerretDB 1.24.2 on SQLite scanned the
 * whole table for every read, update and delete by _id (its _id index is on a
 * different expression than its queries); the service's every hot path is
 * "by _id", so this guards the patch. FerretDB answers `explain` with
 * SQLite's own query plan.
 */
describe('the embedded database', () => {
  it('looks documents up by _id through the _id index, not a table scan', async () => {
    const collection = client.db().collection<{ _id: string; n: number }>('index_check');
    await collection.insertMany(Array.from({ length: 50 }, (_, n) => ({ _id: `doc-${n}`, n })));

    const plan = (await collection.find({ _id: 'doc-7' }).explain()) as { queryPlanner?: { Plan?: string[] }; filterPushdown?: boolean };
    expect(plan.filterPushdown).toBe(true);
    expect(plan.queryPlanner?.Plan?.join('\n')).toMatch(/SEARCH \S+ USING INDEX \S+__id_/);

    await collection.updateOne({ _id: 'doc-7' }, { $set: { n: 700 } });
    await collection.deleteOne({ _id: 'doc-8' });
    expect(await collection.findOne({ _id: 'doc-7' })).toEqual({ _id: 'doc-7', n: 700 });
    expect(await collection.findOne({ _id: 'doc-8' })).toBeNull();
    expect(await collection.countDocuments()).toBe(49);
  });
});
