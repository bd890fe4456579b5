import type { HandoverStore, StoredMessage } from './handover-store.js';
import { perStore } from './per-store.js';

/**
 * Enough for the last few chunks of every conversation active at once on
 * one replica; a chunk is a customer's message and the bot's answer.
 */
const MAX_CHUNKS = 10_000;
/** And never more text than this (UTF-16 code units), whatever the chunks hold: a message may be 4,000 characters. */
const MAX_TEXT_UNITS = 2_000_000;

/**
 * Transcript chunks this process read back for a turn (an AI assistant's,
 * which shows the model the last messages), and those it then wrote for the
 * same conversations, by id. A chunk is written
 * once, by an insert, and never changed, so a copy is as good as a read: a
 * turn that shows the model the conversation's last messages finds them
 * here instead of reading them back one lookup at a time. Only chunks whose
 * insert this process saw succeed (or read back) are kept: a duplicate
 * insert means an earlier try wrote that chunk, perhaps otherwise.
 * Least recently kept first out.
 */
const recentChunks = perStore(() => ({ chunks: new Map<string, StoredMessage[]>(), textUnits: 0 }));

export function recentChunk(store: HandoverStore, chunkId: string): StoredMessage[] | undefined {
  return recentChunks(store).chunks.get(chunkId);
}

export function rememberChunk(store: HandoverStore, chunkId: string, messages: StoredMessage[]): void {
  const kept = recentChunks(store);
  forget(kept, chunkId);
  kept.chunks.set(chunkId, messages);
  kept.textUnits += textUnitsOf(messages);
  while (kept.chunks.size > MAX_CHUNKS || kept.textUnits > MAX_TEXT_UNITS) forget(kept, kept.chunks.keys().next().value!);
}

function forget(kept: { chunks: Map<string, StoredMessage[]>; textUnits: number }, chunkId: string): void {
  const messages = kept.chunks.get(chunkId);
  if (!messages) return;
  kept.chunks.delete(chunkId);
  kept.textUnits -= textUnitsOf(messages);
}

function textUnitsOf(messages: StoredMessage[]): number {
  let units = 0;
  for (const message of messages) units += message.text.length;
  return units;
}
