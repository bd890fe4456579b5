import type { Bot, BusinessHours } from '../types.js';
import { WEEKDAYS } from '../types.js';
import { addDays, instantOf, isoDay, localTimeOf, type LocalDay } from './zoned-time.js';

/** How far ahead the next opening is looked for (a long holiday list can close many days in a row). */
const HORIZON_DAYS = 400;

export interface OpenInterval {
  start: Date;
  end: Date;
}

export type BusinessHoursState =
  | { open: true; closesAt: Date | null }
  | { open: false; opensAt: Date | null };

/** '09:30' → 570; '24:00' is the end of the day. */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/**
 * The bot's open intervals from the local day of `from` on, in order, as
 * instants (the zone's DST switches and the holidays applied); touching
 * intervals (17:00-24:00, then 00:00-…) are joined into one.
 */
export function* openIntervals(hours: BusinessHours, from: Date): Generator<OpenInterval> {
  const holidays = new Set(hours.holidays);
  const today = localTimeOf(from, hours.timeZone);
  let pending: OpenInterval | null = null;
  for (let offset = -1; offset <= HORIZON_DAYS; offset += 1) {
    const day = addDays(today, offset);
    if (holidays.has(isoDay(day))) continue;
    const ranges = [...(hours.weekly[WEEKDAYS[day.weekday]!] ?? [])].sort((a, b) => minutesOfDay(a.from) - minutesOfDay(b.from));
    for (const { from: start, to: end } of ranges) {
      const interval = { start: instantOf(day, minutesOfDay(start), hours.timeZone), end: endOf(day, minutesOfDay(end), hours.timeZone) };
      if (interval.end <= interval.start) continue;
      if (pending && interval.start.getTime() <= pending.end.getTime()) {
        if (interval.end > pending.end) pending.end = interval.end;
        continue;
      }
      if (pending && pending.end > from) yield pending;
      pending = interval;
    }
  }
  if (pending && pending.end > from) yield pending;
}

function endOf(day: LocalDay, minutes: number, timeZone: string): Date {
  return minutes >= 24 * 60 ? instantOf(addDays(day, 1), 0, timeZone) : instantOf(day, minutes, timeZone);
}

/** Whether the team is working at `at`, and until when, or when it opens next (null: not within the next year). */
export function businessHoursState(bot: Pick<Bot, 'businessHours'>, at: Date): BusinessHoursState {
  const hours = bot.businessHours;
  if (!hours) return { open: true, closesAt: null };
  for (const interval of openIntervals(hours, at)) {
    if (interval.start <= at) return { open: true, closesAt: interval.end };
    return { open: false, opensAt: interval.start };
  }
  return { open: false, opensAt: null };
}

/** Whether the team is working at `at` (a bot without business hours always is); auto-assign asks this. */
export function withinBusinessHours(bot: Pick<Bot, 'businessHours'>, at: Date): boolean {
  return businessHoursState(bot, at).open;
}

/**
 * The instant `minutes` of open time after `from`: a deadline that counts
 * only the hours the team works (null: the bot does not open again within a year).
 */
export function afterOpenMinutes(bot: Pick<Bot, 'businessHours'>, from: Date, minutes: number): Date | null {
  const hours = bot.businessHours;
  if (!hours) return new Date(from.getTime() + minutes * 60_000);
  let left = minutes * 60_000;
  for (const interval of openIntervals(hours, from)) {
    const start = Math.max(interval.start.getTime(), from.getTime());
    const span = interval.end.getTime() - start;
    if (left <= span) return new Date(start + left);
    left -= span;
  }
  return null;
}

/** How much open time lies between two instants, in ms (all of it for a bot without business hours). */
export function openMillisBetween(bot: Pick<Bot, 'businessHours'>, from: Date, to: Date): number {
  const hours = bot.businessHours;
  if (!hours) return Math.max(0, to.getTime() - from.getTime());
  let total = 0;
  for (const interval of openIntervals(hours, from)) {
    if (interval.start >= to) break;
    total += Math.min(interval.end.getTime(), to.getTime()) - Math.max(interval.start.getTime(), from.getTime());
  }
  return total;
}
