import { WEEKDAYS, type BusinessHours, type OpenRange } from '../types.js';

const WEEK_ORDER = [...WEEKDAYS.slice(1), WEEKDAYS[0]];
const DAY_LABEL: Record<string, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** "09:00" as people write it: "9:00". */
function clock(time: string): string {
  return time.replace(/^0(\d)/, '$1');
}

function rangesText(ranges: OpenRange[]): string {
  return ranges.map((range) => `${clock(range.from)}–${clock(range.to)}`).join(', ');
}

/**
 * A bot's week in one line, consecutive days with the same hours together:
 * "Mon–Fri 9:00–17:00, Sat 10:00–14:00 (Europe/Berlin)"; null: "Always open".
 */
export function describeBusinessHours(hours: BusinessHours | null | undefined): string {
  if (!hours) return 'Always open';
  const groups: Array<{ first: string; last: string; text: string }> = [];
  let previous: string | null = null;
  for (const day of WEEK_ORDER) {
    const ranges = hours.weekly[day] ?? [];
    const text = ranges.length ? rangesText(ranges) : null;
    const group = groups.at(-1);
    if (text && group && text === previous) group.last = day;
    else if (text) groups.push({ first: day, last: day, text });
    previous = text;
  }
  const week = groups.map(({ first, last, text }) => `${DAY_LABEL[first]}${first === last ? '' : `–${DAY_LABEL[last]}`} ${text}`).join(', ');
  const closed = hours.holidays.length ? `; ${hours.holidays.length} closed day${hours.holidays.length === 1 ? '' : 's'}` : '';
  return `${week || 'closed every day'} (${hours.timeZone})${closed}`;
}
