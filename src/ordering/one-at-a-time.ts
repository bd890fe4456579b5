const queues = new Map<string, Promise<unknown>>();

/**
 * Runs work for one key after the work queued before it for that key, within
 * this process. FerretDB applies an update as read, modify, write without a
 * lock, so two concurrent updates of one document can lose one of them;
 * MongoDB does not, and several replicas on FerretDB remain exposed (README).
 */
export function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(work, work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}
