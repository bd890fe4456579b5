import type { UpdateQuery } from 'mongoose';
import type { Message } from '../../src/types.js';
import type { ConversationDocument, HandoverStore, StoredMessage } from './handover-store.js';
import { applyConversationUpdate, inConversationOrder } from './update-conversation.js';
import { insertBatched, updateOneBatched } from './batched-writes.js';
import { forgetConversation, knownConversation, rememberConversation } from './known-conversations.js';
import { recentChunk, rememberChunk } from './recent-chunks.js';

/**
 * A transcript is a run of chunks, one per append (a customer's turn: their
 * message and the bot's answer; a claim: the "joined" line), numbered by the
 * conversation's `chunkCount`. Each chunk is written once, by an insert: on
 * FerretDB an insert is the cheapest write there is, and concurrent turns
 * share one insert command (batched-writes.ts), where pushing onto a shared
 * page was an update that parses and rewrites the page each time. Readers of
 * the whole transcript fold every CHUNKS_PER_BLOCK finished chunks into a
 * block, so a long conversation reads in a few lookups.
 *
 * Before chunks, transcripts were embedded in the conversation (`messages`)
 * and then kept in pages of 20 (`messageCount`, collection transcriptPages);
 * both are still read, before the chunks, and no longer written.
 */
export const CHUNKS_PER_BLOCK = 16;
const LEGACY_PAGE_SIZE = 20;

function chunkId(conversationId: string, chunk: number): string {
  return `${conversationId}:c${chunk}`;
}

function blockId(conversationId: string, block: number): string {
  return `${conversationId}:b${block}`;
}

/** Stored form of a message (its conversation is the chunk's). */
function storedMessage({ id, from, text, at, author }: Message): StoredMessage {
  return { id, from, text, at, author };
}

/** A customer's message and the bot's answer to it, as one chunk: the answer names the message it answers. */
function turnChunk(message: Message, replies: Message[]): StoredMessage[] {
  // Object.assign, not `{ ...storedMessage(reply), replyTo }`: see createConversation
  return [storedMessage(message), ...replies.map((reply) => Object.assign(storedMessage(reply), { replyTo: message.id }))];
}

function toMessages(conversationId: string, stored: StoredMessage[]): Message[] {
  return stored.map((message) => ({
    id: message.id,
    conversationId,
    from: message.from,
    text: message.text,
    at: message.at,
    author: message.author?.id ? { id: message.author.id, name: message.author.name } : null,
  }));
}

/** `keep`: the chunk is kept (recent-chunks.ts) whatever the previous one; see createConversation. */
async function writeChunk(store: HandoverStore, conversationId: string, chunk: number, messages: StoredMessage[], keep = false): Promise<void> {
  // a duplicate is this very chunk, written by an earlier try of the same append
  const id = chunkId(conversationId, chunk);
  const inserted = (await insertBatched(store.transcriptChunks, { _id: id, conversationId, chunk, messages })) === 'inserted';
  // kept only for conversations whose recent chunks are read back (an AI assistant's turns), found by the previous chunk being kept
  if (inserted && (keep || (chunk > 0 && recentChunk(store, chunkId(conversationId, chunk - 1))))) rememberChunk(store, id, messages);
}

/**
 * Appends messages to a conversation, with `update` applied to the
 * conversation in the same step; returns the conversation after it, or null
 * if there is none. The chunk number is taken first: a chunk write cut off by
 * a crash leaves a gap the customer's retry fills, never a chunk the
 * conversation does not count.
 */
export function appendToConversation(
  store: HandoverStore,
  conversationId: string,
  messages: Message[],
  update: UpdateQuery<ConversationDocument> = {},
): Promise<ConversationDocument | null> {
  return inConversationOrder(conversationId, async () => {
    const doc = await applyConversationUpdate(store, conversationId, { ...update, $inc: { ...(update.$inc ?? {}), chunkCount: 1 } });
    if (doc) await writeChunk(store, conversationId, doc.chunkCount! - 1, messages.map(storedMessage));
    return doc;
  });
}

/** Changes a turn makes to its conversation's own fields, besides taking the next chunk. */
export interface ConversationChanges {
  $set?: Partial<ConversationDocument>;
  $inc?: Partial<Record<'failedTurns', number>>;
}

/** What a customer's turn adds, decided from the conversation as it was before the customer's message. */
export interface TurnAppend {
  /** The bot's answer, in the same chunk as the customer's message (and marked as its answer: see readStoredAnswer). */
  replies: Message[];
  /** Further changes to the conversation, when the turn makes any (most turns make none). */
  update: ConversationChanges | null;
}

/**
 * A customer's turn in one conversation write: the message takes the next
 * chunk and becomes the last customer text, and `decide` sees the
 * conversation as it was before it (its state, the previous text). Returns
 * what `decide` returned, or null when there is no such conversation.
 *
 * Usually the conversation is known as this process last wrote it
 * (known-conversations.ts): the turn is decided from that copy and written
 * on condition that its revision is unchanged, by an update batched with
 * other conversations' turns. Otherwise, or when another replica wrote it
 * meanwhile, one findAndModify takes the chunk and returns the conversation
 * as it was.
 */
export function appendCustomerTurn<Decision extends TurnAppend>(
  store: HandoverStore,
  message: Message,
  decide: (before: ConversationDocument) => Decision,
): Promise<Decision | null> {
  const conversationId = message.conversationId;
  return inConversationOrder(conversationId, async () => {
    try {
      const known = knownConversation(store, conversationId);
      if (known) {
        const decision = decide(known);
        if (await writeTurnOnRevision(store, known, message, decision.update)) {
          await writeChunk(store, conversationId, known.chunkCount ?? 0, turnChunk(message, decision.replies));
          return decision;
        }
      }
      return await appendTurnToLatest(store, message, decide);
    } catch (error) {
      // the write may or may not have been applied
      forgetConversation(store, conversationId);
      throw error;
    }
  });
}

/** How often a turn on an unchanged transcript is tried again when its conditional write missed (a status change elsewhere). */
const TRIES_AT_POSITION = 3;

/**
 * A customer's turn as appendCustomerTurn, but only while the transcript
 * still has `appends` appends (what the turn's answer was asked from):
 * 'moved', with nothing written, when another turn was appended since. The
 * conversation as this process last wrote it is trusted until its
 * conditional write misses, so a turn on an unchanged conversation reads
 * nothing; each miss reads it afresh.
 */
export function appendCustomerTurnAt<Decision extends TurnAppend>(
  store: HandoverStore,
  message: Message,
  appends: number,
  decide: (before: ConversationDocument) => Decision,
): Promise<Decision | 'moved' | null> {
  const conversationId = message.conversationId;
  return inConversationOrder(conversationId, async () => {
    try {
      let current = knownConversation(store, conversationId);
      for (let tries = 0; tries < TRIES_AT_POSITION; tries++) {
        current ??= (await store.conversations.findById(conversationId).lean<ConversationDocument>()) ?? undefined;
        if (!current) return null;
        if ((current.chunkCount ?? 0) !== appends) return 'moved';
        // a conversation stored before revisions has no condition to write on
        if (current.revision === undefined) break;
        const decision = decide(current);
        if (await writeTurnOnRevision(store, current, message, decision.update)) {
          await writeChunk(store, conversationId, current.chunkCount ?? 0, turnChunk(message, decision.replies));
          return decision;
        }
        current = undefined;
      }
      // the conversation keeps changing under the turn (or has no revision): written on the latest, as appendCustomerTurn
      return await appendTurnToLatest(store, message, decide);
    } catch (error) {
      forgetConversation(store, conversationId);
      throw error;
    }
  });
}

/** The turn's write: its message takes the next chunk, with the changes it decided. */
function turnChanges(message: Message, changes: ConversationChanges | null) {
  return {
    $set: { ...changes?.$set, lastCustomerText: message.text, updatedAt: message.at, lastMessageId: message.id },
    $inc: { ...changes?.$inc, chunkCount: 1, revision: 1 },
  };
}

function withChanges(doc: ConversationDocument, changes: ReturnType<typeof turnChanges>): ConversationDocument {
  const after: Record<string, unknown> = { ...doc, ...changes.$set };
  for (const [field, by] of Object.entries(changes.$inc)) after[field] = (((doc as unknown as Record<string, unknown>)[field] as number | undefined) ?? 0) + by;
  return after as unknown as ConversationDocument;
}

/** Writes the turn if the conversation is still at the known revision; false when it is not (nothing written). */
async function writeTurnOnRevision(store: HandoverStore, known: ConversationDocument, message: Message, changes: ConversationChanges | null): Promise<boolean> {
  const turn = turnChanges(message, changes);
  const outcome = await updateOneBatched(store.conversations, { _id: known._id, revision: known.revision }, turn);
  if (outcome === 'applied') {
    rememberConversation(store, withChanges(known, turn));
    return true;
  }
  forgetConversation(store, known._id);
  if (outcome === 'missed') return false;
  // the batch's count does not say which of its updates missed: this one was written if its message is the last one in
  const now = await store.conversations.findById(known._id).lean<ConversationDocument>();
  if (!now || now.lastMessageId !== message.id || (now.revision ?? 0) <= (known.revision ?? 0)) return false;
  rememberConversation(store, now);
  return true;
}

/** The turn written whatever the conversation's revision, decided from the conversation as the write found it. */
async function appendTurnToLatest<Decision extends TurnAppend>(
  store: HandoverStore,
  message: Message,
  decide: (before: ConversationDocument) => Decision,
): Promise<Decision | null> {
  const conversationId = message.conversationId;
  const turn = turnChanges(message, null);
  const before = (await store.conversations.collection.findOneAndUpdate({ _id: conversationId as never }, turn, {
    returnDocument: 'before',
  })) as ConversationDocument | null;
  if (!before) return null;
  const decision = decide(before);
  rememberConversation(store, withChanges(before, turn));
  await Promise.all([
    writeChunk(store, conversationId, before.chunkCount ?? 0, turnChunk(message, decision.replies)),
    decision.update ? applyConversationUpdate(store, conversationId, decision.update) : null,
  ]);
  return decision;
}

/**
 * Creates a conversation with the first messages of its transcript;
 * `answered`: they are a customer's message and the bot's answer to it
 * (stored as its answer, see readStoredAnswer). `keepChunk`: the next turn
 * reads them (an AI assistant's prompt), so the first chunk is kept from its
 * write instead of read back, and the turns' chunks after it with it.
 */
export async function createConversation(
  store: HandoverStore,
  fields: Omit<ConversationDocument, 'chunkCount' | 'messageCount' | 'messages' | 'revision'>,
  messages: Message[],
  { answered = false, keepChunk = false }: { answered?: boolean; keepChunk?: boolean } = {},
): Promise<void> {
  const chunk = answered ? turnChunk(messages[0]!, messages.slice(1)) : messages.map(storedMessage);
  // not `{ ...fields, chunkCount, revision }`: V8 gave every object made so its own hidden class (with its
  // descriptors and enum cache, about 1 KB), and this copy is kept (known-conversations.ts) for every
  // conversation started here; Object.assign's objects share one
  const doc: ConversationDocument = Object.assign({}, fields, { chunkCount: 1, revision: 0 });
  // side by side: until the conversation exists, nobody reads its chunk
  const [created] = await Promise.all([insertBatched(store.conversations, doc), writeChunk(store, fields._id, 0, chunk, keepChunk)]);
  if (created === 'duplicate') throw Object.assign(new Error(`conversation ${fields._id} exists already`), { code: 11000 });
  rememberConversation(store, doc);
}

/** `recent`: chunks this process wrote or read are taken from recent-chunks.ts instead of read again. */
async function readChunks(store: HandoverStore, conversationId: string, from: number, to: number, { recent = false } = {}): Promise<Array<StoredMessage[] | null>> {
  const ids = Array.from({ length: Math.max(0, to - from) }, (_, i) => chunkId(conversationId, from + i));
  const chunks = await Promise.all(
    ids.map(async (id) => {
      const known = recent ? recentChunk(store, id) : undefined;
      if (known) return known;
      const messages = (await store.transcriptChunks.findById(id).lean())?.messages ?? null;
      if (messages && recent) rememberChunk(store, id, messages);
      return messages;
    }),
  );
  // a missing chunk: its append is still on its way, or died before writing it (the customer's retry writes another)
  return chunks;
}

/** One block's messages, folding its chunks into the block the first time all of them are there. */
async function readBlock(store: HandoverStore, conversationId: string, block: number): Promise<StoredMessage[]> {
  const stored = await store.transcriptChunks.findById(blockId(conversationId, block)).lean();
  if (stored) return stored.messages;
  const chunks = await readChunks(store, conversationId, block * CHUNKS_PER_BLOCK, (block + 1) * CHUNKS_PER_BLOCK);
  const messages = chunks.flatMap((chunk) => chunk ?? []);
  if (chunks.every((chunk) => chunk !== null)) {
    // a block is only ever made of all its chunks, so writing it twice writes the same thing
    await insertBatched(store.transcriptChunks, { _id: blockId(conversationId, block), conversationId, block, messages }).catch(() => undefined);
  }
  return messages;
}

async function readLegacyPages(store: HandoverStore, doc: ConversationDocument): Promise<StoredMessage[]> {
  if (!doc.messageCount) return [];
  const pages = Math.floor((doc.messageCount - 1) / LEGACY_PAGE_SIZE) + 1;
  const found = await Promise.all(Array.from({ length: pages }, (_, page) => store.transcriptPages.findById(`${doc._id}:p${page}`).lean()));
  return found.flatMap((page) => page?.messages ?? []);
}

function inOrderOnce(conversationId: string, stored: StoredMessage[]): Message[] {
  const seen = new Set<string>();
  return toMessages(
    conversationId,
    stored.filter((message) => !seen.has(message.id) && seen.add(message.id)),
  );
}

async function readStoredTranscript(store: HandoverStore, doc: ConversationDocument): Promise<StoredMessage[]> {
  const chunkCount = doc.chunkCount ?? 0;
  const fullBlocks = Math.floor(chunkCount / CHUNKS_PER_BLOCK);
  const [legacy, blocks, rest] = await Promise.all([
    readLegacyPages(store, doc),
    Promise.all(Array.from({ length: fullBlocks }, (_, block) => readBlock(store, doc._id, block))),
    readChunks(store, doc._id, fullBlocks * CHUNKS_PER_BLOCK, chunkCount),
  ]);
  return [...(doc.messages ?? []), ...legacy, ...blocks.flat(), ...rest.flatMap((chunk) => chunk ?? [])];
}

/** The whole transcript, in order. */
export async function readTranscript(store: HandoverStore, doc: ConversationDocument): Promise<Message[]> {
  return inOrderOnce(doc._id, await readStoredTranscript(store, doc));
}

/**
 * The bot's answer stored with a customer's message (see turnChunk), or
 * null when there is none: the message is not stored yet, or its turn did
 * not end in a bot's answer (a handover, a relay to the team).
 */
export async function readStoredAnswer(store: HandoverStore, doc: ConversationDocument, messageId: string): Promise<Message[] | null> {
  const answer = (await readStoredTranscript(store, doc)).filter((message) => message.replyTo === messageId);
  return answer.length > 0 ? inOrderOnce(doc._id, answer) : null;
}

/** The messages of chunks [from, chunkCount): what was appended since a reader last looked. */
export async function readTranscriptSince(store: HandoverStore, doc: ConversationDocument, fromChunk: number): Promise<Message[]> {
  const chunks = await readChunks(store, doc._id, fromChunk, doc.chunkCount ?? 0);
  return inOrderOnce(doc._id, chunks.flatMap((chunk) => chunk ?? []));
}

/**
 * The last `lines` messages, reading back from the newest chunk; a caller
 * that has just appended `lastChunk` passes it, and it is not read again.
 */
export async function readTranscriptTail(store: HandoverStore, doc: ConversationDocument, lines: number, lastChunk?: Message[]): Promise<Message[]> {
  const stored: StoredMessage[] = lastChunk ? lastChunk.map(storedMessage) : [];
  // a turn's chunk usually holds two messages: one round of reads is usually enough
  const window = Math.max(1, Math.ceil(lines / 2));
  for (let to = (doc.chunkCount ?? 0) - (lastChunk ? 1 : 0); to > 0 && stored.length < lines; to -= window) {
    const chunks = await readChunks(store, doc._id, Math.max(0, to - window), to, { recent: true });
    stored.unshift(...chunks.flatMap((chunk) => chunk ?? []));
  }
  if (stored.length < lines) stored.unshift(...(doc.messages ?? []), ...(await readLegacyPages(store, doc)));
  return inOrderOnce(doc._id, stored).slice(-lines);
}
