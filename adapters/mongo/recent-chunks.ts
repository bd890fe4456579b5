import type { HandoverStore, StoredMessage } from './handover-store.js';
import { perStore } from './per-store.js';

/**
 * Enough for the last few chunks of every conversation active at once on
 * one replica; a chunk is a customer's message and the bot's answer.
 */
const MAX_CHUNKS = 60_000;

/**
 * Transcript chunks this process wrote or read, by id. A chunk is written
 * once, by an insert, and never changed, so a copy is as good as a read: a
 * turn that shows the model the conversation's last messages finds them
 * here instead of reading them back one lookup at a time. Only chunks whose
 * insert this process saw succeed (or read back) are kept: a duplicate
 * insert means an earlier try wrote that chunk, perhaps otherwise.
 * Least recently kept first out.
 */
const recentChunks = perStore(() => new Map<string, StoredMessage[]>());

export function recentChunk(store: HandoverStore, chunkId: string): StoredMessage[] | undefined {
  return recentChunks(store).get(chunkId);
}

export function rememberChunk(store: HandoverStore, chunkId: string, messages: StoredMessage[]): void {
  const chunks = recentChunks(store);
  chunks.delete(chunkId);
  chunks.set(chunkId, messages);
  if (chunks.size > MAX_CHUNKS) chunks.delete(chunks.keys().next().value!);
}
