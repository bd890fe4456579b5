const queues = new Map<string, Promise<unknown>>();

/**
 * Runs work for one key after the work queued before it for that key, within
 * this process: the outbox keeps one conversation's notifications in order
 * with it, and the storage adapter serialises writes of one document with it
 * where the embedded database would lose one of two concurrent updates
 * (adapters/mongo/update-conversation.ts).
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
