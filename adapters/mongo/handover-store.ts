import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import type { Bot, Conversation, HandoverRecord, Message, StaffMember, Task, TurnResult } from '../../src/types.js';
import type { OutboxRow } from '../../src/ports/outbox-repository.js';

/**
 * The MongoDB collections and their indexes. Everything the product knows
 * lives here; nothing is kept only in memory. Uses only what both MongoDB 6+
 * and FerretDB 1.24 support (no TTL/partial indexes, no transactions).
 *
 * Hot paths read and write documents by `_id` alone: FerretDB's SQLite
 * backend pushes down only an exact `{_id: value}` filter and scans the whole
 * collection for anything else (decoding every document), so the transcript,
 * task ids and handover records live inside the conversation document.
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
    tenant: { type: String, default: 'operator' },
    labs: { type: Boolean, default: false },
    handover: { type: Boolean, default: true },
    slackChannel: { type: String, default: null },
    slackTeamId: { type: String, default: null },
    /** Where Teams escalations go: the stored conversation reference of the subscribed channel. */
    teamsChannel: { type: Schema.Types.Mixed, default: null },
    failedTurnsBeforeHandover: { type: Number, default: 2 },
    contactRequestThreshold: { type: Number, default: null },
    staffCapacity: { type: Number, default: null },
    businessHours: { type: Schema.Types.Mixed, default: null },
    knowledgeBase: { type: Schema.Types.Mixed, default: () => [] },
    /** The AI assistant's endpoint and settings from the config file (the API key stays in the environment). */
    assistant: { type: Schema.Types.Mixed, default: null },
    rules: { type: Schema.Types.Mixed, default: () => [] },
    /** Counted up by every change of labs, handover or rules (see mongo-bots.ts); missing on bots stored before: 0. */
    revision: { type: Number, default: 0 },
    roundRobin: { type: Number, default: 0 },
    fromConfigFile: { type: Schema.Types.Mixed, default: {} },
  },
  { timestamps: true, minimize: false, versionKey: false },
);
// a tenant's bots (Slack and Teams commands list them)
botSchema.index({ tenant: 1 });

export interface StoredMessage extends Omit<Message, 'conversationId'> {
  /** On a bot's answer written with the customer message it answers (one turn's chunk): that message's id, so a retry of it replays the answer. */
  replyTo?: string;
}

export interface ConversationDocument extends Omit<Conversation, 'id'> {
  _id: string;
  /** How many chunks the transcript has had appended; the next append writes chunk `chunkCount` (see transcript.ts). */
  chunkCount?: number;
  /** How many times the document was written (from when revisions began); see known-conversations.ts. */
  revision?: number;
  /** The customer message the last customer turn appended: a turn whose batched write's outcome is unknown looks for it. */
  lastMessageId?: string | null;
  /** Messages in the pages of transcripts written before chunks existed (read before the chunks). */
  messageCount?: number;
  /** Transcripts written before pages existed were embedded here; read before the pages. */
  messages?: StoredMessage[];
  taskIds: string[];
  handovers: Array<Omit<HandoverRecord, 'conversationId' | 'botId'>>;
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
    chunkCount: { type: Number, default: 0 },
    revision: { type: Number },
    lastMessageId: { type: String },
    messageCount: { type: Number },
    messages: { type: Schema.Types.Mixed },
    taskIds: { type: [String], default: () => [] },
    handovers: { type: Schema.Types.Mixed, default: () => [] },
  },
  { timestamps: true, minimize: false, versionKey: false },
);
// App Home: a staff member's open conversations
conversationSchema.index({ 'assignee.id': 1, status: 1 });

/**
 * A chunk (`<conversationId>:c<n>`: the messages of one append) or a block
 * (`<conversationId>:b<n>`: CHUNKS_PER_BLOCK chunks read together) of a
 * transcript; see transcript.ts.
 */
export interface TranscriptChunkDocument {
  _id: string;
  conversationId: string;
  chunk?: number;
  block?: number;
  messages: StoredMessage[];
}

const transcriptChunkSchema = new Schema<TranscriptChunkDocument>(
  {
    _id: String,
    conversationId: { type: String, required: true },
    chunk: { type: Number },
    block: { type: Number },
    messages: { type: Schema.Types.Mixed, default: () => [] },
  },
  { versionKey: false },
);

/** Written by earlier versions, read only: up to about 20 messages of a conversation's transcript, in order (_id `<conversationId>:p<page>`). */
export interface TranscriptPageDocument {
  _id: string;
  conversationId: string;
  page: number;
  messages: StoredMessage[];
}

const transcriptPageSchema = new Schema<TranscriptPageDocument>(
  {
    _id: String,
    conversationId: { type: String, required: true },
    page: { type: Number, required: true },
    messages: { type: Schema.Types.Mixed, default: () => [] },
  },
  { versionKey: false },
);

/** The answer to a customer message sent with a client messageId, replayed to its retries. */
export interface ReceiptDocument {
  /** `<conversationId>:<messageId>`, or `new:<botId>:<hash of messageId>` for a conversation's first message (see receiptIdFor). */
  _id: string;
  conversationId: string;
  /** A hash of what the message said: a retry must say the same (null on an answer, and on receipts written before fingerprints). */
  fingerprint: string | null;
  /** The id the customer's message is stored under, to tell after a crash whether it was. */
  messageId: string | null;
  at: Date;
  turnResult: TurnResult | null;
}

const receiptSchema = new Schema<ReceiptDocument>(
  {
    _id: String,
    conversationId: { type: String, required: true },
    messageId: { type: String, default: null },
    fingerprint: { type: String, default: null },
    at: { type: Date, required: true },
    turnResult: { type: Schema.Types.Mixed, default: null },
  },
  { versionKey: false, minimize: false },
);

export interface StaffDocument extends Omit<StaffMember, 'id'> {
  _id: string;
  lastAssignedAt: Date | null;
  /** Where to reach them 1:1 in Teams (stored when they first write to the bot there). */
  teamsPersonalChat: Record<string, unknown> | null;
  /** The escalation they last acted on (claim, reply, button): what `/handover resolve…` in Slack acts on. */
  lastConversationId: string | null;
}

const staffSchema = new Schema<StaffDocument>(
  {
    _id: String,
    name: { type: String, required: true },
    email: { type: String, default: null },
    slackUserId: { type: String, default: null },
    teamsUserId: { type: String, default: null },
    tenant: { type: String, default: null },
    available: { type: Boolean, default: false },
    capacity: { type: Number, default: null },
    notifyOnConversationAssigned: { type: Boolean, default: true },
    notifyOnTaskAssigned: { type: Boolean, default: true },
    lastAssignedAt: { type: Date, default: null },
    teamsPersonalChat: { type: Schema.Types.Mixed, default: null },
    lastConversationId: { type: String, default: null },
  },
  { timestamps: true, versionKey: false },
);
staffSchema.index({ slackUserId: 1 });
staffSchema.index({ teamsUserId: 1 });
staffSchema.index({ email: 1 });
staffSchema.index({ available: 1 });
staffSchema.index({ tenant: 1, available: 1 });

/**
 * Which staff member a platform identity is (`slack:<user id>` or
 * `teams:<user id>`): the embedded FerretDB finds a document by its _id
 * through the index, and by slackUserId or teamsUserId by reading the whole
 * staff collection, on every click a process has not seen that person make.
 */
export interface StaffIdentityDocument {
  _id: string;
  staffId: string;
}

const staffIdentitySchema = new Schema<StaffIdentityDocument>({ _id: String, staffId: { type: String, required: true } }, { versionKey: false });

/** Written once; reminders and completion are decisions (see src/tasks/task-state.ts). */
export interface TaskDocument extends Omit<Task, 'id'> {
  _id: string;
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
  },
  { timestamps: true, versionKey: false },
);

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

/**
 * Follow-up tasks due in one minute (`due:<minutes since the epoch>`, task
 * ids), and the minutes of a day that have tasks (`day:<days since the
 * epoch>`, minutes): the reminder sweep reads these by _id instead of
 * scanning tasks.
 */
export interface DueTasksDocument {
  _id: string;
  taskIds: string[];
}

const dueTasksSchema = new Schema<DueTasksDocument>({ _id: String, taskIds: { type: [String], default: () => [] } }, { versionKey: false });

/** Where an escalation was posted (a Slack thread, a Teams reply chain), to find its conversation by _id. */
export interface EscalationPostDocument {
  /** e.g. `slack:C0123:1700000000.000100` */
  _id: string;
  conversationId: string;
  at: Date;
}

const escalationPostSchema = new Schema<EscalationPostDocument>(
  { _id: String, conversationId: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false },
);

/**
 * A notification waiting to reach one platform (src/notify/outbox.ts).
 * Delivered rows are deleted, so the collection holds only the backlog and
 * what was given up (`failed`), and a sweep reads it whole.
 */
export interface OutboxDocument extends Omit<OutboxRow, 'id'> {
  _id: string;
}

const outboxSchema = new Schema<OutboxDocument>(
  {
    _id: String,
    target: { type: String, required: true },
    kind: { type: String, required: true },
    onceKey: { type: String, default: null },
    event: { type: Schema.Types.Mixed, required: true },
    orderKey: { type: String, required: true },
    attempt: { type: Number, default: 0 },
    nextAt: { type: Date, required: true },
    state: { type: String, default: 'pending' },
    lastError: { type: String, default: null },
    queuedAt: { type: Date, required: true },
  },
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
  transcriptChunks: Model<TranscriptChunkDocument>;
  transcriptPages: Model<TranscriptPageDocument>;
  receipts: Model<ReceiptDocument>;
  staff: Model<StaffDocument>;
  staffIdentities: Model<StaffIdentityDocument>;
  tasks: Model<TaskDocument>;
  decisions: Model<DecisionDocument>;
  escalationPosts: Model<EscalationPostDocument>;
  dueTasks: Model<DueTasksDocument>;
  settings: Model<{ _id: string; value: unknown }>;
  outbox: Model<OutboxDocument>;
}

export function createHandoverStore(connection: Connection): HandoverStore {
  return {
    connection,
    bots: connection.model<BotDocument>('Bot', botSchema, 'bots'),
    conversations: connection.model<ConversationDocument>('Conversation', conversationSchema, 'conversations'),
    transcriptChunks: connection.model<TranscriptChunkDocument>('TranscriptChunk', transcriptChunkSchema, 'transcriptChunks'),
    transcriptPages: connection.model<TranscriptPageDocument>('TranscriptPage', transcriptPageSchema, 'transcriptPages'),
    receipts: connection.model<ReceiptDocument>('Receipt', receiptSchema, 'receipts'),
    staff: connection.model<StaffDocument>('Staff', staffSchema, 'staff'),
    staffIdentities: connection.model<StaffIdentityDocument>('StaffIdentity', staffIdentitySchema, 'staffIdentities'),
    tasks: connection.model<TaskDocument>('Task', taskSchema, 'tasks'),
    decisions: connection.model<DecisionDocument>('Decision', decisionSchema, 'decisions'),
    escalationPosts: connection.model<EscalationPostDocument>('EscalationPost', escalationPostSchema, 'escalationPosts'),
    dueTasks: connection.model<DueTasksDocument>('DueTasks', dueTasksSchema, 'dueTasks'),
    settings: connection.model<{ _id: string; value: unknown }>('Setting', settingSchema, 'settings'),
    outbox: connection.model<OutboxDocument>('Outbox', outboxSchema, 'outbox'),
  };
}

/** Opens the connection and builds every index before the service takes traffic. */
export async function connectHandoverStore(uri: string): Promise<HandoverStore> {
  const connection = await mongoose
    .createConnection(uri, { autoIndex: false, serverSelectionTimeoutMS: 5_000 })
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
