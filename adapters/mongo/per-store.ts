import type { HandoverStore } from './handover-store.js';

/**
 * State this process keeps beside a store (caches, batches), one per store:
 * each service in a test run, each replica, has its own, and it goes when
 * the store does.
 */
export function perStore<State>(create: () => State): (store: HandoverStore) => State {
  const states = new WeakMap<HandoverStore, State>();
  return (store) => {
    let state = states.get(store);
    if (!state) states.set(store, (state = create()));
    return state;
  };
}
