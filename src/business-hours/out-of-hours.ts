import type { Bot, OutOfHours } from '../types.js';
import { businessHoursState } from './business-hours.js';
import { isoDay, localTimeOf } from './zoned-time.js';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEK_MS = 7 * 86_400_000;

/** "Berlin time", "New York time", "UTC": how a zone is named to a customer. */
export function zoneName(timeZone: string): string {
  if (/^(Etc\/)?(UTC|GMT|Universal|Zulu)$/i.test(timeZone)) return 'UTC';
  return `${timeZone.split('/').at(-1)!.replaceAll('_', ' ')} time`;
}

/**
 * When the team is back, in the bot's zone: "Monday 9:00 (Berlin time)",
 * "today 13:00 (…)", or with the date when it is a week or more away
 * ("Monday 4 January 9:00 (…)").
 */
export function describeOpening(timeZone: string, opensAt: Date, now: Date): string {
  const local = localTimeOf(opensAt, timeZone);
  const time = `${Math.floor(local.minutes / 60)}:${String(local.minutes % 60).padStart(2, '0')}`;
  const sameDay = isoDay(localTimeOf(now, timeZone)) === isoDay(local);
  const day = sameDay
    ? 'today'
    : opensAt.getTime() - now.getTime() >= WEEK_MS - 86_400_000
      ? `${DAY_NAMES[local.weekday]} ${local.day} ${MONTH_NAMES[local.month - 1]}`
      : DAY_NAMES[local.weekday]!;
  return `${day} ${time} (${zoneName(timeZone)})`;
}

/** Null while the team works; otherwise when it is back (both null when it does not open again within a year). */
export function outOfHoursAt(bot: Pick<Bot, 'businessHours'>, at: Date): OutOfHours | null {
  const state = businessHoursState(bot, at);
  if (state.open) return null;
  if (!state.opensAt || !bot.businessHours) return { backAt: null, back: null };
  return { backAt: state.opensAt, back: describeOpening(bot.businessHours.timeZone, state.opensAt, at) };
}

/** The sentence the closing message gets out of hours. */
export function backSentence(outOfHours: OutOfHours): string {
  return outOfHours.back ? `We're back ${outOfHours.back}.` : "We're away at the moment.";
}

/** What an escalation post says of a handover that came out of hours (null: it came while the team worked). */
export function outOfHoursLine(handover: { outOfHours?: OutOfHours | null } | null): string | null {
  const away = handover?.outOfHours;
  if (!away) return null;
  return away.back ? `Arrived out of hours — the customer was told the team is back ${away.back}` : 'Arrived out of hours';
}
