import { describe, expect, it } from 'vitest';
import { shareInFlight } from '../../adapters/share-in-flight.js';

/** A read whose answers the test hands out one at a time. */
function controlledRead() {
  const asked: string[] = [];
  const answers: Array<{ resolve: (value: string) => void; reject: (error: Error) => void }> = [];
  const read = (key: string) =>
    new Promise<string>((resolve, reject) => {
      asked.push(key);
      answers.push({ resolve, reject });
    });
  return { read, asked, answers };
}

describe('shareInFlight', () => {
  it('gives calls for a key made while its read is on its way that one read', async () => {
    const { read, asked, answers } = controlledRead();
    const shared = shareInFlight(read);
    const calls = Array.from({ length: 5 }, () => shared('claim:1'));
    expect(asked).toEqual(['claim:1']);
    answers[0]!.resolve('st_winner');
    expect(await Promise.all(calls)).toEqual(Array(5).fill('st_winner'));
  });

  it('reads again for a call made after the answer came back, and keeps keys apart', async () => {
    const { read, asked, answers } = controlledRead();
    const shared = shareInFlight(read);
    const first = shared('a');
    const other = shared('b');
    answers[0]!.resolve('one');
    answers[1]!.resolve('other');
    expect([await first, await other]).toEqual(['one', 'other']);
    const second = shared('a');
    expect(asked).toEqual(['a', 'b', 'a']);
    answers[2]!.resolve('two');
    expect(await second).toBe('two');
  });

  it('shares a failure with the calls that waited for it, then asks afresh', async () => {
    const { read, asked, answers } = controlledRead();
    const shared = shareInFlight(read);
    const calls = [shared('k'), shared('k')];
    answers[0]!.reject(new Error('database unavailable'));
    for (const call of calls) await expect(call).rejects.toThrow('database unavailable');
    const retry = shared('k');
    expect(asked).toEqual(['k', 'k']);
    answers[1]!.resolve('back');
    expect(await retry).toBe('back');
  });
});
