import type { Trigger } from '../types.js';

/** What the domain counts and times; the Prometheus adapter records it, tests may ignore it. */
export interface HandoverMetrics {
  handoverStarted(event: { botId: string; trigger: Trigger }): void;
  /** From the handover to the claim. */
  claimed(event: { botId: string; waitedMs: number }): void;
  /** From the handover to its end. */
  ended(event: { botId: string; how: string; tookMs: number }): void;
  /** How late a follow-up task's reminder went out. */
  taskReminded(event: { latenessMs: number }): void;
}

export const NO_METRICS: HandoverMetrics = {
  handoverStarted() {},
  claimed() {},
  ended() {},
  taskReminded() {},
};
