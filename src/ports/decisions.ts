export type DecisionOutcome = { won: true } | { won: false; winner: Record<string, unknown> };

/**
 * "Decide once": a race (claim, resolve, a reminder, a platform event
 * handled) settled by a unique key, so exactly one caller wins on any
 * number of replicas.
 */
export interface Decisions {
  decideOnce(key: string, winner?: Record<string, unknown>): Promise<DecisionOutcome>;
  isDecided(key: string): Promise<boolean>;
  /** Takes a decision back (a lock given up), so the key can be decided again. */
  withdraw(key: string): Promise<void>;
  /** Forgets the decisions whose key starts with `keyPrefix` made before `cutoff` (kinds that only guard against retries); how many went. */
  forgetOlderThan(keyPrefix: string, cutoff: Date): Promise<number>;
}
