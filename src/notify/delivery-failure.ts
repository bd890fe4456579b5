import { HandoverError } from '../errors.js';

/**
 * A notification could not be delivered. `retryable` failures (5xx, 429,
 * timeouts, network) are tried again by the outbox, after `retryAfterMs`
 * when the platform said how long to wait; the others (a missing channel,
 * bad credentials) are given up at once and logged.
 */
export class DeliveryFailure extends HandoverError {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs: number | null = null,
  ) {
    super('delivery_failed', message);
  }
}

/** Anything thrown that is not a DeliveryFailure is assumed passing (a network error, a bug fixed by a deploy). */
export function asDeliveryFailure(error: unknown): DeliveryFailure {
  if (error instanceof DeliveryFailure) return error;
  return new DeliveryFailure((error as Error)?.message ?? String(error), true);
}

/** Seconds or an HTTP date, as in a Retry-After header. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** How an HTTP status is treated: 408/429/5xx pass, other 4xx do not. */
export function failureForStatus(status: number, retryAfter: string | null | undefined, what: string): DeliveryFailure {
  const retryable = status === 408 || status === 429 || status >= 500;
  return new DeliveryFailure(`${what} answered HTTP ${status}`, retryable, retryable ? parseRetryAfter(retryAfter) : null);
}
