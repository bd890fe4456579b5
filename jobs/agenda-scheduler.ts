import { Agenda } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import type { Db } from 'mongodb';

/**
 * Agenda on our own database connection. It polls (FerretDB has no change
 * streams) and locks each job to one replica.
 */
export function createAgenda(db: Db, options: { processEvery: number; name: string }): Agenda {
  return new Agenda({
    backend: new MongoBackend({ mongo: db, collection: 'agendaJobs' }),
    name: options.name,
    processEvery: options.processEvery,
    defaultLockLifetime: 5 * 60_000,
    maxConcurrency: 20,
  });
}
