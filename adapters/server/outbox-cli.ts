// `npx handover outbox [list|retry]`: what the outbox gave up on, and sending it again once the cause is fixed.
import mongoose from 'mongoose';
import { readEnvConfig } from './env-config.js';

interface FailedRow {
  _id: string;
  target: string;
  kind: string;
  orderKey: string;
  attempt: number;
  lastError: string | null;
  queuedAt: Date;
}

async function main(): Promise<number> {
  const [, , , action = 'list'] = process.argv;
  if (action !== 'list' && action !== 'retry') {
    console.error('usage: handover outbox [list|retry]');
    return 2;
  }
  const env = readEnvConfig(process.env);
  if (!env.MONGODB_URI) {
    console.error('handover outbox: set MONGODB_URI (with the embedded database: the URI `npm run db` prints)');
    return 2;
  }
  const connection = await mongoose.createConnection(env.MONGODB_URI, { serverSelectionTimeoutMS: 5_000 }).asPromise();
  try {
    const outbox = connection.collection<FailedRow & { state: string; nextAt: Date }>('outbox');
    const failed = await outbox.find({ state: 'failed' }).sort({ _id: 1 }).toArray();
    if (action === 'list') {
      for (const row of failed) {
        console.log(`${row._id}  ${row.target}  ${row.kind}  ${row.orderKey.split(':')[1] ?? ''}  queued ${row.queuedAt.toISOString()}  after ${row.attempt} tries: ${row.lastError ?? ''}`);
      }
      const pending = await outbox.countDocuments({ state: 'pending' });
      console.log(`${failed.length} given up, ${pending} waiting to be delivered`);
      return 0;
    }
    // one row at a time, by _id (a filter on state alone would scan on FerretDB and update nothing more cheaply)
    for (const row of failed) await outbox.updateOne({ _id: row._id }, { $set: { state: 'pending', attempt: row.attempt + 1, nextAt: new Date() } });
    console.log(`${failed.length} notification(s) queued again; the service delivers them within HANDOVER_JOB_POLL_MS`);
    return 0;
  } finally {
    await connection.close();
  }
}

process.exitCode = await main();
