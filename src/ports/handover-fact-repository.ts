import type { Trigger } from '../types.js';

/**
 * What happened to a handover, one fact per step, each written once and
 * never changed (but `open` on the start): the team view's numbers and the
 * satisfaction answers come from these (src/stats/, src/csat/).
 */
export type HandoverFact =
  | { kind: 'start'; handoverId: string; botId: string; conversationId: string; at: Date; trigger: Trigger; open: boolean }
  | { kind: 'claim'; handoverId: string; botId: string; at: Date; handoverAt: Date }
  | { kind: 'end'; handoverId: string; botId: string; at: Date; handoverAt: Date; how: string }
  /** The customer was asked how it went. */
  | { kind: 'csatAsked'; handoverId: string; botId: string; at: Date }
  | { kind: 'csat'; handoverId: string; botId: string; at: Date; score: number; comment: string | null };

export type HandoverFactKind = HandoverFact['kind'];

export interface HandoverFactRepository {
  /** Records a fact; a second fact of the same kind for a handover is ignored (false). */
  record(fact: HandoverFact): Promise<boolean>;
  find<K extends HandoverFactKind>(handoverId: string, kind: K): Promise<Extract<HandoverFact, { kind: K }> | null>;
  /** The handover's start is no longer open (it ended). */
  close(handoverId: string): Promise<void>;
  /** A bot's facts from `since` on, and the starts of its handovers still open whenever they began. */
  ofBot(botId: string, since: Date): Promise<HandoverFact[]>;
  /** The facts of these kinds for these handovers. */
  ofHandovers(handoverIds: string[], kind: HandoverFactKind): Promise<HandoverFact[]>;
  /** The bots with a fact from `since` on, or an open handover (metrics). */
  botsActiveSince(since: Date): Promise<string[]>;
}
