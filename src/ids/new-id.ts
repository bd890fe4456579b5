import { randomBytes } from 'node:crypto';

/**
 * Random bytes are drawn from the system a few kilobytes at a time and each
 * used once: a draw per id was a system call per message (docs/decisions.md),
 * for the same cryptographic randomness (Node pools randomUUID
 * the same way).
 */
const RANDOM_POOL_BYTES = 4096;
let randomPool = Buffer.alloc(0);
let randomOffset = 0;

function randomText(bytes: number): string {
  if (randomOffset + bytes > randomPool.length) {
    randomPool = randomBytes(RANDOM_POOL_BYTES);
    randomOffset = 0;
  }
  randomOffset += bytes;
  return randomPool.toString('base64url', randomOffset - bytes, randomOffset);
}

/** A short, unguessable, URL-safe id with a prefix that says what it names (`cv_…`, `tk_…`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomText(12)}`;
}

let lastMillis = 0;
let sequence = 0;

/**
 * An id that sorts in creation order (time, then a per-process counter), for
 * transcript messages: a customer message and the reply to it often share a
 * millisecond, and the transcript must still read in order.
 */
export function newOrderedId(prefix: string): string {
  const millis = Date.now();
  sequence = millis === lastMillis ? sequence + 1 : 0;
  lastMillis = millis;
  const time = millis.toString(36).padStart(9, '0');
  const counter = sequence.toString(36).padStart(4, '0');
  return `${prefix}_${time}${counter}${randomText(6)}`;
}
