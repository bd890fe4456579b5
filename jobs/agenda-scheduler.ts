import { Agenda } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';

/**
 * How long a replica holds a sweep job. Sweeps take well under this; a
 * replica that dies holding one delays the next sweep by at most this long
 * (a second sweep running alongside is harmless: every effect is decided once).
 */
export const SWEEP_LOCK_MS = 15_000;

/**
 * Agenda on our own database connection. It polls (FerretDB has no change
 * streams) and locks each job to one replica.
 */
export function createAgenda(db: Db, options: { processEvery: number; name: string; log: Logger }): Agenda {
  const agenda = new Agenda({
    backend: new MongoBackend({ mongo: db, collection: 'agendaJobs' }),
    name: options.name,
    processEvery: options.processEvery,
    defaultLockLifetime: 5 * 60_000,
    maxConcurrency: 20,
  });
  // Without a listener an 'error' event (the database gone for a moment) would end the process; Agenda polls on.
  agenda.on('error', (error: Error) => options.log.warn({ error: error.message }, 'job scheduler error'));
  return agenda;
}
