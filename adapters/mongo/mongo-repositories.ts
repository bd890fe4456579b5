import type { Repositories } from '../../src/ports/repositories.js';
import type { DueTaskLists } from '../../src/ports/task-repository.js';
import { mongoDecisions } from './decide-once.js';
import { mongoApiKeys } from './mongo-api-keys.js';
import { checkBotWebhookKey, mongoBotWebhooks } from './mongo-bot-webhooks.js';
import type { SecretCipher } from '../crypto/secret-cipher.js';
import { connectHandoverStore, type HandoverStore } from './handover-store.js';
import { mongoBots } from './mongo-bots.js';
import { capacityQueueModel, mongoCapacityQueue } from './mongo-capacity-queue.js';
import { mongoConversations } from './mongo-conversations.js';
import { mongoDueTaskLists } from './mongo-due-task-lists.js';
import { mongoEscalationPosts } from './mongo-escalation-posts.js';
import { handoverFactModel, mongoHandoverFacts } from './mongo-handover-facts.js';
import { mongoInstallations } from './mongo-installations.js';
import { mongoOutbox } from './mongo-outbox.js';
import { mongoReceipts } from './mongo-receipts.js';
import { mongoSeats, seatModel } from './mongo-seats.js';
import { mongoSettings } from './mongo-settings.js';
import { mongoSettingsAudit } from './mongo-settings-audit.js';
import { mongoStaff } from './mongo-staff.js';
import { mongoTasks } from './mongo-tasks.js';
import { mongoWaitingQueue, waitingQueueModel } from './mongo-waiting-queue.js';

/** The storage adapter: every repository over one connection, with this process's caches and batches. */
export interface MongoStorage {
  repositories: Repositories;
  /** The reminder sweep's lists (the scheduler's storage, not the use cases'). */
  dueTaskLists: DueTaskLists;
  /** The collections themselves, for the composition root (Agenda, readiness) and storage tests. */
  store: HandoverStore;
  /** Whether the database answers now. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** `secretCipher` (from HANDOVER_ENCRYPTION_KEY) seals the secrets this adapter stores; null keeps them plain. */
export function mongoRepositories(store: HandoverStore, secretCipher: SecretCipher | null = null): Repositories {
  return {
    conversations: mongoConversations(store),
    bots: mongoBots(store),
    staff: mongoStaff(store),
    tasks: mongoTasks(store),
    decisions: mongoDecisions(store),
    receipts: mongoReceipts(store),
    escalationPosts: mongoEscalationPosts(store),
    outbox: mongoOutbox(store),
    settings: mongoSettings(store),
    settingsAudit: mongoSettingsAudit(store),
    slackInstallations: mongoInstallations(store, 'slackInstallations'),
    waitingQueue: mongoWaitingQueue(waitingQueueModel(store.connection)),
    seats: mongoSeats(seatModel(store.connection)),
    capacityQueue: mongoCapacityQueue(capacityQueueModel(store.connection)),
    handoverFacts: mongoHandoverFacts(handoverFactModel(store.connection)),
    apiKeys: mongoApiKeys(store),
    botWebhooks: mongoBotWebhooks(store, secretCipher),
  };
}

/** Opens the connection and builds every index before the service takes traffic. */
export async function connectMongoStorage(uri: string, secretCipher: SecretCipher | null = null): Promise<MongoStorage> {
  const store = await connectHandoverStore(uri);
  await checkBotWebhookKey(store.connection, secretCipher).catch(async (error: unknown) => {
    await store.connection.close();
    throw error;
  });
  await waitingQueueModel(store.connection).createIndexes();
  // the capacity and team-view collections keep their models with their adapters
  for (const model of [seatModel(store.connection), capacityQueueModel(store.connection), handoverFactModel(store.connection)]) await model.createIndexes();
  return {
    repositories: mongoRepositories(store, secretCipher),
    dueTaskLists: mongoDueTaskLists(store),
    store,
    async ping() {
      try {
        await store.connection.db!.admin().ping({ timeoutMS: 2_000 });
        return true;
      } catch {
        return false;
      }
    },
    close: () => store.connection.close(),
  };
}
