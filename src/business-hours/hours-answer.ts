import type { CommandAnswer } from '../commands/command-answer.js';
import type { Bot } from '../types.js';
import { WEEKDAYS } from '../types.js';
import { outOfHoursAt, zoneName } from './out-of-hours.js';
import { businessHoursState } from './business-hours.js';
import { localTimeOf } from './zoned-time.js';

const WEEK_ORDER = [...WEEKDAYS.slice(1), WEEKDAYS[0]];
const DAY_LABEL: Record<string, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** `/handover hours [bot]`: the bot's week, its closed days ahead, and whether the team works right now. */
export function hoursAnswer(bot: Bot, now: Date): CommandAnswer {
  const hours = bot.businessHours;
  if (!hours) return [[{ strong: bot.name }, ' has no business hours: always open (set them with ', { command: `settings ${bot.id}` }, ', or ', { code: 'businessHours' }, ' in the config file).']];
  const state = businessHoursState(bot, now);
  const local = localTimeOf(now, hours.timeZone);
  const clock = `${Math.floor(local.minutes / 60)}:${String(local.minutes % 60).padStart(2, '0')}`;
  const away = outOfHoursAt(bot, now);
  const today = `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
  const holidays = hours.holidays.filter((day) => day >= today).sort().slice(0, 10);
  return [
    [{ strong: bot.name }, ` — business hours (${zoneName(hours.timeZone)}, ${hours.timeZone})`],
    ...WEEK_ORDER.map((day) => {
      const ranges = hours.weekly[day] ?? [];
      return [`${DAY_LABEL[day]}: `, ranges.length ? ranges.map((range) => `${range.from}–${range.to}`).join(', ') : 'closed'];
    }),
    ['Closed days ahead: ', holidays.length ? holidays.join(', ') : 'none'],
    state.open
      ? ['Now (', clock, '): ', { strong: 'open' }]
      : ['Now (', clock, '): ', { strong: 'closed' }, away?.back ? ` — back ${away.back}; SLA clocks wait until then` : ' — no opening within a year'],
  ];
}
