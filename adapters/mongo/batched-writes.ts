import { MongoServerError, type Db, type Document } from 'mongodb';
import type { Model } from 'mongoose';
import { groupWhileInFlight } from './group-while-in-flight.js';

interface WriteError {
  index: number;
  code: number;
  errmsg?: string;
}

/**
 * Per write of one insert command: its own error, or null when it
 * was applied. The command is sent as is rather than through the driver's
 * bulk helpers: those report a dropped connection as a "bulk write error"
 * with no write errors, which reads like success (found when the database
 * was killed under load: an answered message went missing).
 */
function errorsOf(reply: { ok?: number; writeErrors?: WriteError[]; writeConcernError?: unknown }, count: number): Array<Error | null> {
  if (reply.writeConcernError) throw Object.assign(new Error('write concern not satisfied'), { reply: reply.writeConcernError });
  const errors: Array<Error | null> = Array.from({ length: count }, () => null);
  for (const writeError of reply.writeErrors ?? []) {
    // the driver's own class, as its unbatched writes would throw: callers and the HTTP layer tell a database that cannot serve now (503) from a refusal by it
    errors[writeError.index] = new MongoServerError({ ok: 0, code: writeError.code, errmsg: writeError.errmsg ?? 'write failed' });
  }
  return errors;
}

export type InsertOutcome = 'inserted' | 'duplicate';

/** A mongoose model, as far as writing to its collection goes. */
export type WriteTarget = Pick<Model<unknown>, 'db' | 'collection'>;

function databaseOf(model: WriteTarget): Db {
  return model.db.db as unknown as Db;
}

/** One batcher per collection, made the first time a write to it is asked for. */
function batchedPerModel<Op, Result>(flush: (model: WriteTarget, ops: Op[]) => Promise<Array<Result | Error>>): (model: WriteTarget, op: Op) => Promise<Result> {
  const batchers = new WeakMap<WriteTarget, (op: Op) => Promise<Result>>();
  return (model, op) => {
    let batcher = batchers.get(model);
    if (!batcher) batchers.set(model, (batcher = groupWhileInFlight<Op, Result>((ops) => flush(model, ops))));
    return batcher(op);
  };
}

const insertOne = batchedPerModel<Document, InsertOutcome>(async (model, docs) => {
  // undefined members are left out, as mongoose leaves them out
  const reply = await databaseOf(model).command({ insert: model.collection.collectionName, documents: docs, ordered: false }, { ignoreUndefined: true });
  return errorsOf(reply, docs.length).map((failed) => (failed === null ? 'inserted' : (failed as { code?: number }).code === 11000 ? 'duplicate' : failed));
});

/** Inserts a document, batched with concurrent inserts into the same collection; a duplicate _id is an outcome, not an error. */
export function insertBatched(model: WriteTarget, doc: Document): Promise<InsertOutcome> {
  return insertOne(model, doc);
}

/**
 * What became of a conditional update: `applied`, `missed` (no document
 * matched its filter), or `unknown`: an update command reports how many of
 * its updates matched, not which, so when some of a batch matched and some
 * did not, each caller has to look (see appendCustomerTurn).
 */
export type UpdateOutcome = 'applied' | 'missed' | 'unknown';

interface BatchedUpdate {
  filter: Document;
  update: Document;
}

const updateOne = batchedPerModel<BatchedUpdate, UpdateOutcome>(async (model, ops) => {
  const updates = ops.map((op) => ({ q: op.filter, u: op.update, multi: false, upsert: false }));
  const reply = await databaseOf(model).command({ update: model.collection.collectionName, updates, ordered: false }, { ignoreUndefined: true });
  const errors = errorsOf(reply, ops.length);
  const matched = (reply as { n?: number }).n ?? 0;
  const outcome: UpdateOutcome = matched === ops.length - errors.filter(Boolean).length ? 'applied' : matched === 0 ? 'missed' : 'unknown';
  return errors.map((failed) => failed ?? outcome);
});

/**
 * Updates the one document `filter` matches (it must name the document's
 * _id), batched with concurrent updates of other documents of the same
 * collection into one command; the embedded FerretDB commits such a
 * command's updates together (tools/ferretdb/patches.json).
 */
export function updateOneBatched(model: WriteTarget, filter: Document, update: Document): Promise<UpdateOutcome> {
  return updateOne(model, { filter, update });
}
