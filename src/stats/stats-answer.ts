import type { CommandAnswer } from '../commands/command-answer.js';
import type { Bot } from '../types.js';
import { TRIGGERS } from '../types.js';
import { STATS_WINDOWS, type DurationStats, type TeamStats } from './team-stats.js';

/** `/handover stats`: the team view as both platforms render it. */
export function statsAnswer(bot: Pick<Bot, 'id' | 'name'>, stats: TeamStats): CommandAnswer {
  const triggers = TRIGGERS.filter((trigger) => stats.byTrigger[trigger] > 0).map((trigger) => `${trigger} ${stats.byTrigger[trigger]}`);
  return [
    [{ strong: bot.name }, ' (', { code: bot.id }, `) — last ${STATS_WINDOWS[stats.window]} days`],
    ['Handovers: ', { strong: String(stats.handovers) }, triggers.length ? ` (${triggers.join(' · ')})` : ''],
    ['Time to claim: ', ...durationParts(stats.timeToClaim, 'claimed')],
    ['Time to resolve: ', ...durationParts(stats.timeToResolve, 'resolved')],
    ['Now: ', { strong: String(stats.open) }, ' open, ', { strong: String(stats.queued) }, ' waiting for someone'],
    stats.csat.average === null
      ? ['Satisfaction: no answers yet']
      : ['Satisfaction: ', { strong: `${stats.csat.average.toFixed(1)}/5` }, ` from ${stats.csat.count} ${stats.csat.count === 1 ? 'answer' : 'answers'}`],
  ];
}

function durationParts(stats: DurationStats, what: string): CommandAnswer[number] {
  if (stats.median === null || stats.p90 === null) return [`nothing ${what} yet`];
  return ['median ', { strong: humanDuration(stats.median) }, ' · p90 ', { strong: humanDuration(stats.p90) }, ` (${stats.count} ${what})`];
}

/** 45 s, 12 min, 3 h 5 min, 2 d 4 h: two units at most. */
export function humanDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}
