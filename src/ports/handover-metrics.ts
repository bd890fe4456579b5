import type { Trigger } from '../types.js';
import type { ChatFailure } from './chat-model.js';

/** What the domain counts and times; the Prometheus adapter records it, tests may ignore it. */
export interface HandoverMetrics {
  handoverStarted(event: { botId: string; trigger: Trigger }): void;
  /** From the handover to the claim. */
  claimed(event: { botId: string; waitedMs: number }): void;
  /** From the handover to its end. */
  ended(event: { botId: string; how: string; tookMs: number }): void;
  /** How late a follow-up task's reminder went out. */
  taskReminded(event: { latenessMs: number }): void;
  /** One call to a bot's AI assistant (`purpose`: answer or summary); `failure` unset when it answered; tokens as the endpoint reported them. */
  modelCalled(event: { botId: string; purpose: 'answer' | 'summary'; ms: number; failure: ChatFailure | null; promptTokens: number; completionTokens: number }): void;
  /** A bot's model circuit breaker changed state. */
  modelBreaker(event: { botId: string; state: 'closed' | 'open' | 'half_open' }): void;
  /** A customer answered "How did we do?" (1-5). */
  satisfaction(event: { botId: string; score: number }): void;
}

export const NO_METRICS: HandoverMetrics = {
  handoverStarted() {},
  claimed() {},
  ended() {},
  taskReminded() {},
  modelCalled() {},
  modelBreaker() {},
  satisfaction() {},
};
