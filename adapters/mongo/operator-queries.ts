import mongoose from 'mongoose';
import { botWebhookSecretStates } from './mongo-bot-webhooks.js';

/** A bot as the doctor reviews it. */
export interface BotReview {
  id: string;
  labs: boolean;
  handover: boolean;
  rules: Array<{ notify?: { webhook?: string | null } }>;
  slackChannel: string | null;
  hasTeamsChannel: boolean;
}

/** A notification the outbox gave up on. */
export interface FailedNotification {
  id: string;
  target: string;
  kind: string;
  orderKey: string;
  attempt: number;
  lastError: string | null;
  queuedAt: Date;
}

/** What the operator's commands (doctor, outbox) read and change, on a connection of their own. */
export interface OperatorQueries {
  databaseName: string;
  slackInstallationCount(): Promise<number>;
  bots(): Promise<BotReview[]>;
  teamsChannelCount(): Promise<number>;
  failedNotifications(): Promise<FailedNotification[]>;
  pendingNotificationCount(): Promise<number>;
  /** External bots' webhook secrets: how many are stored plain, and the sealed ones (to try the key on). */
  botWebhookSecrets(): Promise<{ plain: number; sealed: string[] }>;
  /** Queues a given-up notification again, as a further try due now. */
  retryNotification(notification: FailedNotification): Promise<void>;
  close(): Promise<void>;
}

/** Connects (and pings) the database at `uri`; throws when it cannot be reached. */
export async function openOperatorQueries(uri: string): Promise<OperatorQueries> {
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5_000 }).asPromise();
  try {
    await connection.db!.admin().ping();
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw error;
  }
  const outbox = () => connection.collection<{ _id: string; target: string; kind: string; orderKey: string; attempt: number; lastError: string | null; queuedAt: Date; state: string; nextAt: Date }>('outbox');
  const bots = () => connection.collection<{ _id: string; labs?: boolean; handover?: boolean; rules?: BotReview['rules']; slackChannel?: string | null; teamsChannel?: unknown }>('bots');
  return {
    databaseName: connection.name,
    slackInstallationCount: () => connection.collection('slackInstallations').countDocuments({}),
    async bots() {
      return (await bots().find({}).toArray()).map((bot) => ({
        id: bot._id,
        labs: Boolean(bot.labs),
        handover: Boolean(bot.handover),
        rules: bot.rules ?? [],
        slackChannel: bot.slackChannel ?? null,
        hasTeamsChannel: Boolean(bot.teamsChannel),
      }));
    },
    teamsChannelCount: () => bots().countDocuments({ teamsChannel: { $ne: null } }),
    async failedNotifications() {
      const rows = await outbox().find({ state: 'failed' }).sort({ _id: 1 }).toArray();
      return rows.map(({ _id, target, kind, orderKey, attempt, lastError, queuedAt }) => ({ id: _id, target, kind, orderKey, attempt, lastError, queuedAt }));
    },
    pendingNotificationCount: () => outbox().countDocuments({ state: 'pending' }),
    botWebhookSecrets: () => botWebhookSecretStates(connection),
    async retryNotification(notification) {
      // by _id, one row at a time: a filter on state alone would scan on FerretDB and update nothing more cheaply
      await outbox().updateOne({ _id: notification.id }, { $set: { state: 'pending', attempt: notification.attempt + 1, nextAt: new Date() } });
    },
    close: () => connection.close(),
  };
}
