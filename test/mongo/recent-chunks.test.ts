import { describe, expect, it } from 'vitest';
import type { HandoverStore, StoredMessage } from '../../adapters/mongo/handover-store.js';
import { recentChunk, rememberChunk } from '../../adapters/mongo/recent-chunks.js';

function chunkOf(text: string): StoredMessage[] {
  return [{ id: 'm', from: 'customer', text, at: new Date(0), author: null }];
}

describe('the transcript chunks a process keeps', () => {
  it('keeps long messages only up to a bound on their text, forgetting the oldest first', () => {
    const store = {} as HandoverStore;
    const long = 'x'.repeat(4_000);
    for (let i = 0; i < 2_000; i += 1) rememberChunk(store, `c${i}`, chunkOf(long));
    expect(recentChunk(store, 'c0')).toBeUndefined();
    expect(recentChunk(store, 'c1999')?.[0]?.text).toBe(long);
    const kept = Array.from({ length: 2_000 }, (_, i) => recentChunk(store, `c${i}`)).filter(Boolean).length;
    expect(kept * long.length).toBeLessThanOrEqual(2_000_000);
    expect(kept).toBeGreaterThan(400);
  });

  it('counts a chunk kept again once', () => {
    const store = {} as HandoverStore;
    for (let i = 0; i < 3_000; i += 1) rememberChunk(store, 'same', chunkOf('y'.repeat(4_000)));
    rememberChunk(store, 'other', chunkOf('z'));
    expect(recentChunk(store, 'same')).toBeDefined();
    expect(recentChunk(store, 'other')).toBeDefined();
  });
});
