/**
 * Calls for the same key made while one is on its way share it, and the key
 * is forgotten once it settles: nothing is cached, so a call made after an
 * answer came back always asks again. For reads whose answer cannot be older
 * than the moment the caller needed it (a decision already taken, a staff
 * member's name).
 */
export function shareInFlight<Value>(read: (key: string) => Promise<Value>): (key: string) => Promise<Value> {
  const inFlight = new Map<string, Promise<Value>>();
  return (key) => {
    let pending = inFlight.get(key);
    if (!pending) {
      pending = read(key);
      inFlight.set(key, pending);
      const forget = () => void inFlight.delete(key);
      pending.then(forget, forget);
    }
    return pending;
  };
}
