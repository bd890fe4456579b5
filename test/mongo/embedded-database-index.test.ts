import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseUri } from '../support/test-service.js';

const client = new MongoClient(testDatabaseUri());

afterAll(async () => {
  await client.close();
});

/**
 * Guards the patches of tools/ferretdb/patches.json. Without them, FerretDB
 * 1.24.2 on SQLite scanned the whole table for every read, update and delete
 * by _id (its _id index is on a different expression than its queries), and
 * for any filter with more than the _id; the service's every hot path is "by
 * _id". FerretDB answers `explain` with SQLite's own query plan. Statements
 * of an update command that name distinct _ids now commit together, which
 * must not change what they do.
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

  it('looks a document up by its _id index when the filter has more conditions beside the _id, and still applies them', async () => {
    const collection = client.db().collection<{ _id: string; n: number }>('index_check_more');
    await collection.insertMany(Array.from({ length: 50 }, (_, n) => ({ _id: `doc-${n}`, n })));

    const plan = (await collection.find({ _id: 'doc-7', n: 7 }).explain()) as { queryPlanner?: { Plan?: string[] }; filterPushdown?: boolean };
    expect(plan.queryPlanner?.Plan?.join('\n')).toMatch(/SEARCH \S+ USING INDEX \S+__id_/);
    expect(plan.filterPushdown).toBe(false);

    expect(await collection.findOne({ _id: 'doc-7', n: 7 })).toEqual({ _id: 'doc-7', n: 7 });
    expect(await collection.findOne({ _id: 'doc-7', n: 8 })).toBeNull();
    expect(await collection.updateOne({ _id: 'doc-9', n: 8 }, { $set: { n: 900 } })).toMatchObject({ matchedCount: 0 });
    expect(await collection.updateOne({ _id: 'doc-9', n: 9 }, { $set: { n: 900 } })).toMatchObject({ matchedCount: 1 });
    expect(await collection.findOne({ _id: 'doc-9' })).toEqual({ _id: 'doc-9', n: 900 });
  });

  it('applies an update command whose statements each name their own _id, each on its own conditions', async () => {
    const collection = client.db().collection<{ _id: string; n: number }>('update_together');
    await collection.insertMany(Array.from({ length: 5 }, (_, n) => ({ _id: `doc-${n}`, n })));

    const reply = await client.db().command({
      update: 'update_together',
      updates: [
        { q: { _id: 'doc-0', n: 0 }, u: { $inc: { n: 10 } } },
        { q: { _id: 'doc-1', n: 99 }, u: { $inc: { n: 10 } } },
        { q: { _id: 'doc-2', n: 2 }, u: { $set: { n: 20 } } },
      ],
      ordered: false,
    });
    expect(reply).toMatchObject({ ok: 1, n: 2, nModified: 2 });
    const docs = await collection.find().sort({ _id: 1 }).toArray();
    expect(docs.map((doc) => doc.n)).toEqual([10, 1, 20, 3, 4]);
  });

  it('applies statements of one update command that name the same _id one after the other', async () => {
    const collection = client.db().collection<{ _id: string; n: number }>('update_same');
    await collection.insertOne({ _id: 'doc', n: 0 });

    const reply = await client.db().command({
      update: 'update_same',
      updates: [
        { q: { _id: 'doc', n: 0 }, u: { $inc: { n: 1 } } },
        { q: { _id: 'doc', n: 1 }, u: { $inc: { n: 1 } } },
      ],
      ordered: false,
    });
    expect(reply).toMatchObject({ ok: 1, n: 2 });
    expect(await collection.findOne({ _id: 'doc' })).toEqual({ _id: 'doc', n: 2 });
  });

  it('deletes a document by its _id alone, and reports whether there was one', async () => {
    const collection = client.db().collection<{ _id: string; n: number }>('delete_by_id');
    await collection.insertMany([{ _id: 'doc-1', n: 1 }, { _id: 'doc-2', n: 2 }]);

    expect(await collection.deleteOne({ _id: 'doc-1' })).toMatchObject({ deletedCount: 1 });
    expect(await collection.deleteOne({ _id: 'doc-1' })).toMatchObject({ deletedCount: 0 });
    expect(await collection.deleteOne({ _id: 'doc-2', n: 3 })).toMatchObject({ deletedCount: 0 });
    expect(await collection.find().toArray()).toEqual([{ _id: 'doc-2', n: 2 }]);
  });
});
