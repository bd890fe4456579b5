import { afterAll, beforeAll } from 'vitest';
import { connectHandoverStore, type HandoverStore } from '../../adapters/mongo/handover-store.js';
import { testDatabaseUri } from './test-service.js';

/** Two replicas' stores on one fresh database, for the file's tests (each store keeps its own memory). */
export function twoReplicaStores(): { a(): HandoverStore; b(): HandoverStore } {
  let replicaA: HandoverStore | undefined;
  let replicaB: HandoverStore | undefined;
  beforeAll(async () => {
    const uri = testDatabaseUri();
    replicaA = await connectHandoverStore(uri);
    replicaB = await connectHandoverStore(uri);
  });
  afterAll(async () => {
    await replicaA?.connection.close();
    await replicaB?.connection.close();
  });
  return { a: () => replicaA!, b: () => replicaB! };
}
