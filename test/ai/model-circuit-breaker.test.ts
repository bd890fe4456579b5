import { describe, expect, it } from 'vitest';
import { createModelCircuitBreaker, type BreakerState } from '../../src/assistant/model-circuit-breaker.js';

function breaker() {
  let now = 0;
  const changes: BreakerState[] = [];
  const b = createModelCircuitBreaker({ failuresToOpen: 3, openMs: 30_000, now: () => new Date(now), onChange: (state) => changes.push(state) });
  return { b, changes, advance: (ms: number) => (now += ms) };
}

describe('the model circuit breaker', () => {
  it('opens after 3 failures in a row, not after failures a success broke up', () => {
    const { b, changes } = breaker();
    for (const outcome of ['fail', 'fail', 'ok', 'fail', 'fail'] as const) {
      expect(b.tryAcquire()).toBe(true);
      if (outcome === 'ok') b.succeeded();
      else b.failed();
    }
    expect(b.state).toBe('closed');
    expect(b.tryAcquire()).toBe(true);
    b.failed();
    expect(b.state).toBe('open');
    expect(b.tryAcquire()).toBe(false);
    expect(changes).toEqual(['open']);
  });

  it('lets one trial call through after the pause: success closes it, failure opens it for another pause', () => {
    const { b, changes, advance } = breaker();
    for (let i = 0; i < 3; i++) {
      b.tryAcquire();
      b.failed();
    }
    advance(29_999);
    expect(b.tryAcquire()).toBe(false);
    advance(1);
    expect(b.tryAcquire()).toBe(true);
    expect(b.tryAcquire()).toBe(false); // one trial at a time
    b.failed();
    expect(b.state).toBe('open');
    advance(30_000);
    expect(b.tryAcquire()).toBe(true);
    b.succeeded();
    expect(b.state).toBe('closed');
    expect(b.tryAcquire()).toBe(true);
    expect(changes).toEqual(['open', 'half_open', 'open', 'half_open', 'closed']);
  });
});
