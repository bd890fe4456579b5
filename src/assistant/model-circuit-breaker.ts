/**
 * A circuit breaker for one bot's model endpoint: after `failuresToOpen`
 * failures in a row it opens, and turns stop calling the model (they fall
 * back at once instead of each waiting out its timeout). After `openMs` it
 * lets one trial call through (half open): a success closes it, a failure
 * opens it again. Time comes from the domain's clock, so tests move it.
 *
 * Our own few lines rather than a library: opossum (the usual Node one) is
 * CommonJS with types only for an older major, and runs on its own timers
 * where this needs the injected clock.
 */
export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  failuresToOpen: number;
  openMs: number;
  now(): Date;
  /** Told of every change of state (metrics, logs). */
  onChange?(state: BreakerState): void;
}

export const DEFAULT_BREAKER = { failuresToOpen: 3, openMs: 30_000 };

export interface ModelCircuitBreaker {
  /** Whether a call may go out now; true in half-open state for one trial call at a time. */
  tryAcquire(): boolean;
  succeeded(): void;
  failed(): void;
  /** The acquired call was not made after all (the turn failed before it): neither a success nor a failure. */
  abandoned(): void;
  readonly state: BreakerState;
}

export function createModelCircuitBreaker(options: BreakerOptions): ModelCircuitBreaker {
  let state: BreakerState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let trialInFlight = false;
  const set = (next: BreakerState) => {
    if (next === state) return;
    state = next;
    options.onChange?.(next);
  };
  return {
    get state() {
      return state;
    },
    tryAcquire() {
      if (state === 'closed') return true;
      if (state === 'open' && options.now().getTime() - openedAt < options.openMs) return false;
      if (trialInFlight) return false;
      trialInFlight = true;
      set('half_open');
      return true;
    },
    succeeded() {
      trialInFlight = false;
      failures = 0;
      set('closed');
    },
    abandoned() {
      trialInFlight = false;
    },
    failed() {
      trialInFlight = false;
      failures += 1;
      if (state === 'half_open' || failures >= options.failuresToOpen) {
        openedAt = options.now().getTime();
        set('open');
      }
    },
  };
}
