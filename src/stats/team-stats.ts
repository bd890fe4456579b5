import type { HandoverContext } from '../handover-context.js';
import type { HandoverFact } from '../ports/handover-fact-repository.js';
import { TRIGGERS, type Trigger } from '../types.js';

export const STATS_WINDOWS = { '7d': 7, '30d': 30 } as const;
export type StatsWindow = keyof typeof STATS_WINDOWS;

/** Durations in milliseconds; null when nothing was measured. */
export interface DurationStats {
  count: number;
  median: number | null;
  p90: number | null;
}

/** What `/handover stats` answers and the metrics expose, from the same stored facts. */
export interface TeamStats {
  botId: string;
  window: StatsWindow;
  since: Date;
  /** Handovers started in the window, in all and by trigger. */
  handovers: number;
  byTrigger: Record<Trigger, number>;
  /** Claims (and assignments) made in the window: from the handover to the claim. */
  timeToClaim: DurationStats;
  /** Handovers resolved by the team in the window: from the handover to the resolve. */
  timeToResolve: DurationStats;
  /** With the team now (whenever handed over), and of those nobody has yet. */
  open: number;
  queued: number;
  /** Satisfaction answers given in the window: their average score (1-5). */
  csat: { count: number; average: number | null };
}

/**
 * A bot's team view over the last 7 or 30 days. Percentiles are by nearest
 * rank (the median of 4 values is the 2nd smallest), so every figure is one
 * that was measured.
 */
export async function teamStats(ctx: Pick<HandoverContext, 'handoverFacts'>, botId: string, window: StatsWindow, now: Date): Promise<TeamStats> {
  const since = new Date(now.getTime() - STATS_WINDOWS[window] * 24 * 60 * 60_000);
  const facts = await ctx.handoverFacts.ofBot(botId, since);
  const inWindow = facts.filter((fact) => fact.at >= since && fact.at <= now);
  const of = <K extends HandoverFact['kind']>(kind: K, list: HandoverFact[] = inWindow) =>
    list.filter((fact): fact is Extract<HandoverFact, { kind: K }> => fact.kind === kind);

  const starts = of('start');
  const byTrigger = Object.fromEntries(TRIGGERS.map((trigger) => [trigger, 0])) as Record<Trigger, number>;
  for (const start of starts) byTrigger[start.trigger] += 1;

  const openStarts = of('start', facts).filter((start) => start.open && start.at <= now);
  const claimedIds = new Set(of('claim', facts).map((claim) => claim.handoverId));
  const unknown = openStarts.filter((start) => !claimedIds.has(start.handoverId)).map((start) => start.handoverId);
  for (const claim of await ctx.handoverFacts.ofHandovers(unknown, 'claim')) claimedIds.add(claim.handoverId);

  const answers = of('csat');
  return {
    botId,
    window,
    since,
    handovers: starts.length,
    byTrigger,
    timeToClaim: durations(of('claim').map((claim) => claim.at.getTime() - claim.handoverAt.getTime())),
    timeToResolve: durations(of('end').filter((end) => end.how === 'resolved').map((end) => end.at.getTime() - end.handoverAt.getTime())),
    open: openStarts.length,
    queued: openStarts.filter((start) => !claimedIds.has(start.handoverId)).length,
    csat: { count: answers.length, average: answers.length ? answers.reduce((sum, answer) => sum + answer.score, 0) / answers.length : null },
  };
}

function durations(values: number[]): DurationStats {
  const sorted = values.map((value) => Math.max(0, value)).sort((a, b) => a - b);
  return { count: sorted.length, median: nearestRank(sorted, 0.5), p90: nearestRank(sorted, 0.9) };
}

function nearestRank(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}
