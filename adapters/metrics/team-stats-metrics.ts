import { Gauge, type Registry } from 'prom-client';
import type { HandoverFactRepository } from '../../src/ports/handover-fact-repository.js';
import { STATS_WINDOWS, teamStats, type StatsWindow, type TeamStats } from '../../src/stats/team-stats.js';
import { TRIGGERS } from '../../src/types.js';

/** The team view reads every bot's facts of a month: a scrape reuses figures this fresh. */
const STATS_FRESH_MS = 60_000;
const WINDOWS = Object.keys(STATS_WINDOWS) as StatsWindow[];

/**
 * The team view's figures (`/handover stats`) as gauges, from the same
 * domain function, so a dashboard and the command never disagree. Bots with
 * a handover in the last 30 days, or one still open, are listed.
 */
export function registerTeamStatsMetrics(registry: Registry, facts: HandoverFactRepository, now: () => Date = () => new Date()): void {
  let cached: { at: number; data: Promise<TeamStats[]> } | null = null;
  const read = async (): Promise<TeamStats[]> => {
    const at = now();
    const bots = await facts.botsActiveSince(new Date(at.getTime() - STATS_WINDOWS['30d'] * 24 * 60 * 60_000));
    const all = await Promise.all(bots.flatMap((botId) => WINDOWS.map((window) => teamStats({ handoverFacts: facts }, botId, window, at))));
    return all;
  };
  // the gauges are collected one after the other on a scrape: they share one read
  const stats = () => {
    if (!cached || Date.now() - cached.at > STATS_FRESH_MS) {
      const data = read();
      cached = { at: Date.now(), data };
      data.catch(() => {
        if (cached?.data === data) cached = null;
      });
    }
    return cached.data;
  };
  const gauge = (name: string, help: string, labelNames: string[], fill: (gauge: Gauge, all: TeamStats[]) => void) =>
    new Gauge({
      name,
      help: `${help} (refreshed at most every minute)`,
      labelNames,
      registers: [registry],
      async collect() {
        const all = await stats();
        this.reset();
        fill(this, all);
      },
    });
  const seconds = (ms: number | null) => (ms === null ? Number.NaN : ms / 1000);

  gauge('handover_team_handovers', 'Handovers started in the window, by bot and trigger', ['bot', 'window', 'trigger'], (g, all) => {
    for (const s of all) for (const trigger of TRIGGERS) g.set({ bot: s.botId, window: s.window, trigger }, s.byTrigger[trigger]);
  });
  gauge('handover_team_time_to_claim_seconds', 'Median and p90 time from handover to claim (stat: median, p90), claims in the window', ['bot', 'window', 'stat'], (g, all) => {
    for (const s of all) {
      g.set({ bot: s.botId, window: s.window, stat: 'median' }, seconds(s.timeToClaim.median));
      g.set({ bot: s.botId, window: s.window, stat: 'p90' }, seconds(s.timeToClaim.p90));
    }
  });
  gauge('handover_team_time_to_resolve_seconds', 'Median and p90 time from handover to resolve (stat: median, p90), resolves in the window', ['bot', 'window', 'stat'], (g, all) => {
    for (const s of all) {
      g.set({ bot: s.botId, window: s.window, stat: 'median' }, seconds(s.timeToResolve.median));
      g.set({ bot: s.botId, window: s.window, stat: 'p90' }, seconds(s.timeToResolve.p90));
    }
  });
  gauge('handover_team_open', 'Handovers with the team now, and of those nobody has yet (queued)', ['bot', 'state'], (g, all) => {
    for (const s of all.filter((one) => one.window === '7d')) {
      g.set({ bot: s.botId, state: 'open' }, s.open);
      g.set({ bot: s.botId, state: 'queued' }, s.queued);
    }
  });
  gauge('handover_team_csat_average', 'Average satisfaction answer (1-5) in the window', ['bot', 'window'], (g, all) => {
    for (const s of all) g.set({ bot: s.botId, window: s.window }, s.csat.average ?? Number.NaN);
  });
  gauge('handover_team_csat_answers', 'Satisfaction answers in the window', ['bot', 'window'], (g, all) => {
    for (const s of all) g.set({ bot: s.botId, window: s.window }, s.csat.count);
  });
}
