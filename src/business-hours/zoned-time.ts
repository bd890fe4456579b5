/**
 * Wall-clock time in an IANA time zone, with only `Intl` (no date library):
 * a date's local day and time, and the instant a local day and time names.
 */

export interface LocalDay {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export interface LocalTime extends LocalDay {
  /** 0 (Sunday) to 6 (Saturday). */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows the zone (an unknown one would make every later format throw). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local day, weekday and time of an instant in a zone. */
export function localTimeOf(at: Date, timeZone: string): LocalTime & { seconds: number } {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAYS[parts.weekday!]!,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    seconds: Number(parts.second),
  };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const local = localTimeOf(new Date(instant), timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, 0, local.minutes, local.seconds);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a local day and time name in a zone. A time the clocks skip
 * (spring forward) is read with the offset from before the switch, which
 * lands after the gap; a time that happens twice (fall back) is its first.
 */
export function instantOf(day: LocalDay, minutes: number, timeZone: string): Date {
  const wall = Date.UTC(day.year, day.month - 1, day.day, 0, minutes);
  const before = offsetAt(wall - 86_400_000, timeZone);
  const after = offsetAt(wall + 86_400_000, timeZone);
  if (before === after) return new Date(wall - before);
  // around a switch: the first reading whose wall clock matches, else (in the gap) the earlier offset
  const candidates = [wall - before, wall - after].sort((a, b) => a - b);
  for (const candidate of candidates) if (offsetAt(candidate, timeZone) === wall - candidate) return new Date(candidate);
  return new Date(wall - before);
}

/** The local day after (or `days` after) a local day. */
export function addDays(day: LocalDay, days: number): LocalDay & { weekday: number } {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
}

/** `2026-12-25` */
export function isoDay(day: LocalDay): string {
  return `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}
