import { randomBytes } from 'node:crypto';

/** A short, unguessable, URL-safe id with a prefix that says what it names (`cv_…`, `tk_…`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
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
  return `${prefix}_${time}${counter}${randomBytes(6).toString('base64url')}`;
}
