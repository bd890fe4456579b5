import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import type {
  Bot,
  Conversation,
  HandoverRecord,
  Message,
  StaffMember,
  Task,
  TurnResult,
} from '../types.js';

/**
 * The MongoDB collections and their indexes. Everything the product knows
 * lives here; nothing is kept only in memory. Uses only what both MongoDB 6+
 * and FerretDB 1.24 support (no TTL/partial indexes, no transactions).
 */

const personSchema = new Schema({ id: String, name: String }, { _id: false });

export interface BotDocument extends Omit<Bot, 'id'> {
  _id: string;
  roundRobin: number;
  teamsChannel: Record<string, unknown> | null;
  /** Values last applied from HANDOVER_CONFIG, so a restart keeps what staff changed since. */
  fromConfigFile: Record<string, unknown>;
  createdAt: Date;
}

const botSchema = new Schema<BotDocument>(
  {
    _id: String,
    name: { type: String, required: true },
    labs: { type: Boolean, default: false },
    handover: { type: Boolean, default: true },
    slackChannel: { type: String, default: null },
    /** Where Teams escalations go: the stored conversation reference of the subscribed channel. */
    teamsChannel: { type: Schema.Types.Mixed, default: null },
    failedTurnsBeforeHandover: { type: Number, default: 2 },
    knowledgeBase: { type: Schema.Types.Mixed, default: () => [] },
    rules: { type: Schema.Types.Mixed, default: () => [] },
    roundRobin: { type: Number, default: 0 },
    fromConfigFile: { type: Schema.Types.Mixed, default: {} },
  },
  { timestamps: true, minimize: false, versionKey: false },
);

export interface ConversationDocument extends Omit<Conversation, 'id'> {
  _id: string;
  /** Where the escalation was posted, per platform (e.g. slack: { channel, ts }). */
  channelRefs: Record<string, unknown>;
}

const conversationSchema = new Schema<ConversationDocument>(
  {
    _id: String,
    botId: { type: String, required: true },
    status: { type: String, required: true, default: 'bot' },
    paused: { type: Boolean, default: false },
    tags: { type: [String], default: [] },
    assignee: { type: personSchema, default: null },
    customer: { type: Schema.Types.Mixed, default: {} },
    failedTurns: { type: Number, default: 0 },
    lastCustomerText: { type: String, default: null },
    channelRefs: { type: Schema.Types.Mixed, default: {} },
    lastHandoverId: { type: String, default: null },
  },
  { timestamps: true, minimize: false, versionKey: false },
);
conversationSchema.index({ botId: 1, status: 1, updatedAt: -1 });
conversationSchema.index({ 'assignee.id': 1, status: 1 });
// staff replies in a Slack thread or Teams reply chain find their conversation by the escalation post
conversationSchema.index({ 'channelRefs.slack.ts': 1 });
conversationSchema.index({ 'channelRefs.teams.activityId': 1 });

export interface MessageDocument extends Omit<Message, 'id'> {
  _id: string;
  /** Unique per customer retry scope, so a retried messageId is stored once; the message id otherwise. */
  clientKey: string;
  /** The answer given to the customer turn this message started, replayed to retries. */
  turnResult: (Omit<TurnResult, 'replies'> & { replies: Array<{ id: string; from: string; text: string; at: Date }> }) | null;
}

const messageSchema = new Schema<MessageDocument>(
  {
    _id: String,
    conversationId: { type: String, required: true },
    from: { type: String, required: true },
    text: { type: String, required: true },
    at: { type: Date, required: true },
    author: { type: personSchema, default: null },
    clientKey: { type: String, required: true },
    turnResult: { type: Schema.Types.Mixed, default: null },
  },
  { versionKey: false, minimize: false },
);
messageSchema.index({ conversationId: 1, _id: 1 });
messageSchema.index({ clientKey: 1 }, { unique: true });

export interface StaffDocument extends Omit<StaffMember, 'id'> {
  _id: string;
  lastAssignedAt: Date | null;
}

const staffSchema = new Schema<StaffDocument>(
  {
    _id: String,
    name: { type: String, required: true },
    email: { type: String, default: null },
    slackUserId: { type: String, default: null },
    teamsUserId: { type: String, default: null },
    available: { type: Boolean, default: false },
    notifyOnConversationAssigned: { type: Boolean, default: true },
    notifyOnTaskAssigned: { type: Boolean, default: true },
    lastAssignedAt: { type: Date, default: null },
  },
  { timestamps: true, versionKey: false },
);
staffSchema.index({ slackUserId: 1 });
staffSchema.index({ teamsUserId: 1 });
staffSchema.index({ email: 1 });
staffSchema.index({ available: 1 });

export interface TaskDocument extends Omit<Task, 'id'> {
  _id: string;
  remindedAt: Date | null;
}

const taskSchema = new Schema<TaskDocument>(
  {
    _id: String,
    conversationId: { type: String, required: true },
    botId: { type: String, required: true },
    note: { type: String, required: true },
    dueAt: { type: Date, required: true },
    status: { type: String, required: true, default: 'open' },
    assignee: { type: personSchema, default: null },
    remindedAt: { type: Date, default: null },
  },
  { timestamps: true, versionKey: false },
);
taskSchema.index({ conversationId: 1 });
taskSchema.index({ status: 1, dueAt: 1 });
taskSchema.index({ 'assignee.id': 1, status: 1 });

export interface HandoverDocument extends Omit<HandoverRecord, 'id'> {
  _id: string;
}

const handoverSchema = new Schema<HandoverDocument>(
  {
    _id: String,
    conversationId: { type: String, required: true },
    botId: { type: String, required: true },
    trigger: { type: String, required: true },
    rule: { type: String, required: true },
    reason: { type: String, required: true },
    taskId: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
handoverSchema.index({ conversationId: 1, at: 1 });
handoverSchema.index({ botId: 1, at: -1 });

export interface DecisionDocument {
  _id: string;
  at: Date;
  /** Who or what won, for the losers to report ("already claimed by …"). */
  winner: Record<string, unknown>;
}

const decisionSchema = new Schema<DecisionDocument>(
  { _id: String, at: { type: Date, required: true }, winner: { type: Schema.Types.Mixed, default: {} } },
  { versionKey: false, minimize: false },
);

const settingSchema = new Schema<{ _id: string; value: unknown }>(
  { _id: String, value: Schema.Types.Mixed },
  { versionKey: false },
);

export interface HandoverStore {
  connection: Connection;
  bots: Model<BotDocument>;
  conversations: Model<ConversationDocument>;
  messages: Model<MessageDocument>;
  staff: Model<StaffDocument>;
  tasks: Model<TaskDocument>;
  handovers: Model<HandoverDocument>;
  decisions: Model<DecisionDocument>;
  settings: Model<{ _id: string; value: unknown }>;
}

export function createHandoverStore(connection: Connection): HandoverStore {
  return {
    connection,
    bots: connection.model<BotDocument>('Bot', botSchema, 'bots'),
    conversations: connection.model<ConversationDocument>('Conversation', conversationSchema, 'conversations'),
    messages: connection.model<MessageDocument>('Message', messageSchema, 'messages'),
    staff: connection.model<StaffDocument>('Staff', staffSchema, 'staff'),
    tasks: connection.model<TaskDocument>('Task', taskSchema, 'tasks'),
    handovers: connection.model<HandoverDocument>('Handover', handoverSchema, 'handovers'),
    decisions: connection.model<DecisionDocument>('Decision', decisionSchema, 'decisions'),
    settings: connection.model<{ _id: string; value: unknown }>('Setting', settingSchema, 'settings'),
  };
}

/** Opens the connection and builds every index before the service takes traffic. */
export async function connectHandoverStore(uri: string): Promise<HandoverStore> {
  const connection = await mongoose
    .createConnection(uri, { autoIndex: false, serverSelectionTimeoutMS: 5_000, maxPoolSize: 50 })
    .asPromise();
  const store = createHandoverStore(connection);
  for (const model of Object.values(store)) {
    if (typeof model === 'function' && 'createIndexes' in model) await (model as Model<unknown>).createIndexes();
  }
  return store;
}

export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}
