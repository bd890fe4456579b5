import type { UpdateQuery } from 'mongoose';
import type { Message } from '../types.js';
import type { ConversationDocument, HandoverStore, StoredMessage } from './handover-store.js';
import { isDuplicateKeyError } from './handover-store.js';
import { applyConversationUpdate, inConversationOrder } from './update-conversation.js';
import { updateBatched } from './batched-writes.js';

/**
 * A transcript lives in pages of about this many messages, apart from the
 * conversation document: on FerretDB every read or write of a document
 * parses and rewrites all of it, so a transcript inside the conversation made
 * each turn slower as the conversation grew (a 100-message conversation:
 * 8 ms to read, 19 ms to append two messages; a page keeps both bounded).
 */
export const TRANSCRIPT_PAGE_SIZE = 20;

function pageId(conversationId: string, page: number): string {
  return `${conversationId}:p${page}`;
}

function pageOf(messagesBefore: number): number {
  return Math.floor(messagesBefore / TRANSCRIPT_PAGE_SIZE);
}

function lastPage(doc: ConversationDocument): number {
  return pageOf(Math.max(0, (doc.messageCount ?? 0) - 1));
}

/** Stored form of a message (its conversation is the page's). */
export function storedMessage({ id, from, text, at, author }: Message): StoredMessage {
  return { id, from, text, at, author };
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

async function writePage(store: HandoverStore, conversationId: string, messagesBefore: number, messages: Message[]): Promise<void> {
  if (messages.length === 0) return;
  const page = pageOf(messagesBefore);
  const write = () =>
    updateBatched(store.transcriptPages, {
      filter: { _id: pageId(conversationId, page) },
      update: { $push: { messages: { $each: messages.map(storedMessage) } }, $setOnInsert: { conversationId, page } },
      upsert: true,
    });
  // two replicas opening the same page: the loser's insert meets the winner's, and pushes to it
  await write().catch((error: unknown) => (isDuplicateKeyError(error) ? write() : Promise.reject(error)));
}

/**
 * Appends messages to a conversation, with `update` applied to the
 * conversation in the same step; returns the conversation after it, or null
 * if there is none. The count moves first: a page write cut off by a crash
 * leaves a gap the customer's retry fills (messages are deduplicated by id
 * when read), never a message beyond the count.
 */
export function appendToConversation(
  store: HandoverStore,
  conversationId: string,
  messages: Message[],
  update: UpdateQuery<ConversationDocument> = {},
): Promise<ConversationDocument | null> {
  return inConversationOrder(conversationId, async () => {
    const doc = await applyConversationUpdate(store, conversationId, { ...update, $inc: { ...(update.$inc ?? {}), messageCount: messages.length } });
    if (doc) await writePage(store, conversationId, (doc.messageCount ?? messages.length) - messages.length, messages);
    return doc;
  });
}

/** Creates a conversation with the first messages of its transcript. */
export async function createConversation(
  store: HandoverStore,
  fields: Omit<ConversationDocument, 'messageCount' | 'messages' | 'createdAt' | 'updatedAt'> & Partial<Pick<ConversationDocument, 'createdAt' | 'updatedAt'>>,
  messages: Message[],
): Promise<ConversationDocument> {
  const doc = await store.conversations.create({ ...fields, messageCount: messages.length });
  await writePage(store, fields._id, 0, messages);
  return doc.toObject();
}

async function readPages(store: HandoverStore, conversationId: string, from: number, to: number): Promise<StoredMessage[]> {
  const pages = await Promise.all(
    Array.from({ length: to - from + 1 }, (_, i) => store.transcriptPages.findById(pageId(conversationId, from + i)).lean()),
  );
  return pages.flatMap((page) => page?.messages ?? []);
}

function inOrderOnce(conversationId: string, stored: StoredMessage[]): Message[] {
  const seen = new Set<string>();
  return toMessages(
    conversationId,
    stored.filter((message) => !seen.has(message.id) && seen.add(message.id)),
  );
}

/** The whole transcript, in order. */
export async function readTranscript(store: HandoverStore, doc: ConversationDocument): Promise<Message[]> {
  const paged = doc.messageCount ? await readPages(store, doc._id, 0, lastPage(doc)) : [];
  return inOrderOnce(doc._id, [...(doc.messages ?? []), ...paged]);
}

/** The last `lines` messages (or a few more), reading only the last pages. */
export async function readTranscriptTail(store: HandoverStore, doc: ConversationDocument, lines: number): Promise<Message[]> {
  const stored: StoredMessage[] = [];
  for (let page = doc.messageCount ? lastPage(doc) : -1; page >= 0 && stored.length < lines; page -= 1) {
    stored.unshift(...(await readPages(store, doc._id, page, page)));
  }
  if (stored.length < lines) stored.unshift(...(doc.messages ?? []));
  return inOrderOnce(doc._id, stored).slice(-lines);
}
