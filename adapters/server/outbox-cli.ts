// `npx handover outbox [list|retry]`: what the outbox gave up on, and sending it again once the cause is fixed.
import { openOperatorQueries } from '../mongo/operator-queries.js';
import { readEnvConfig } from './env-config.js';

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
  const database = await openOperatorQueries(env.MONGODB_URI);
  try {
    const failed = await database.failedNotifications();
    if (action === 'list') {
      for (const row of failed) {
        console.log(`${row.id}  ${row.target}  ${row.kind}  ${row.orderKey.split(':')[1] ?? ''}  queued ${row.queuedAt.toISOString()}  after ${row.attempt} tries: ${row.lastError ?? ''}`);
      }
      const pending = await database.pendingNotificationCount();
      console.log(`${failed.length} given up, ${pending} waiting to be delivered`);
      return 0;
    }
    for (const row of failed) await database.retryNotification(row);
    console.log(`${failed.length} notification(s) queued again; the service delivers them within HANDOVER_JOB_POLL_MS`);
    return 0;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
