import { describe } from 'vitest';
import { connectMongoStorage } from '../../adapters/mongo/mongo-repositories.js';
import { testDatabaseUri } from '../support/test-service.js';
import { describeRepositoryContract, type ContractStorage } from './repositories-contract.js';

async function twoReplicas(uri: string): Promise<ContractStorage> {
  const [a, b] = [await connectMongoStorage(uri), await connectMongoStorage(uri)];
  return {
    replicaA: { ...a.repositories, dueTasks: a.dueTaskLists },
    replicaB: { ...b.repositories, dueTasks: b.dueTaskLists },
    close: async () => {
      await a.close();
      await b.close();
    },
  };
}

describeRepositoryContract('MongoDB adapter on the embedded FerretDB', () => twoReplicas(testDatabaseUri()));

/** The server of MONGODB_URI, with a database of the contract suite's own (left behind for inspection). */
function contractDatabaseOf(uri: string): string {
  const [base = '', query] = uri.split('?');
  const pathStart = base.indexOf('/', base.indexOf('://') + 3);
  const server = pathStart < 0 ? base : base.slice(0, pathStart);
  return `${server}/handover_contract_${Date.now().toString(36)}${query ? `?${query}` : ''}`;
}

const givenUri = process.env.MONGODB_URI;
describe.skipIf(!givenUri)('on the server MONGODB_URI names', () => {
  describeRepositoryContract('MongoDB adapter on MONGODB_URI', () => twoReplicas(contractDatabaseOf(givenUri!)));
});
