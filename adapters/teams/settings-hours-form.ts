import { z } from 'zod';
import { cardInputsSchema } from './card-inputs-schema.js';
import { businessHoursSchema } from '../../src/business-hours/business-hours-schema.js';
import { WEEKDAYS, type BusinessHours, type Weekday } from '../../src/types.js';

/**
 * The business hours card's inputs as Teams sends them back with
 * Action.Execute: every value a string, keyed by the input's id. A weekday
 * is written as "09:00-17:00" (several ranges comma separated, empty: closed).
 */
export interface HoursFormValues {
  alwaysOpen: string;
  timeZone: string;
  timeZoneOther: string;
  mon: string;
  tue: string;
  wed: string;
  thu: string;
  fri: string;
  sat: string;
  sun: string;
  holidays: string;
}

export type HoursField = keyof HoursFormValues;
export type HoursFieldErrors = Partial<Record<HoursField, string>>;

/** Monday first, as people read a week. */
export const WEEK_ORDER: readonly Weekday[] = [...WEEKDAYS.slice(1), WEEKDAYS[0]];

export const DAY_NAMES: Readonly<Record<Weekday, string>> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

/** The zones the picker offers; any other IANA zone is typed below it. */
export const COMMON_TIME_ZONES: readonly string[] = [
  'UTC',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Amsterdam',
  'Europe/Zurich',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Europe/Athens',
  'Europe/Helsinki',
  'Europe/Istanbul',
  'Africa/Johannesburg',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
  'America/Sao_Paulo',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Toronto',
  'America/Mexico_City',
];

/** The most characters an invoke may carry per input: a little over what the hours may hold (400 holidays of 10 characters). */
export const HOURS_FORM_MAX_CHARS: Readonly<Record<HoursField, number>> = {
  alwaysOpen: 10,
  timeZone: 80,
  timeZoneOther: 80,
  mon: 120,
  tue: 120,
  wed: 120,
  thu: 120,
  fri: 120,
  sat: 120,
  sun: 120,
  holidays: 4800,
};

/** What an invoke may carry for the hours card; anything longer is refused before it is read. */
export const hoursFormSchema = cardInputsSchema(HOURS_FORM_MAX_CHARS) satisfies z.ZodType<HoursFormValues, unknown>;

const OFFICE: readonly string[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** A day's ranges as the card shows them: "09:00-12:00, 13:00-17:00". */
export function formatDay(hours: BusinessHours, day: Weekday): string {
  return (hours.weekly[day] ?? []).map((range) => `${range.from}-${range.to}`).join(', ');
}

/** The card's starting values: the bot's hours, or (always open) an office week to start from. */
export function formValuesOfHours(hours: BusinessHours | null | undefined): HoursFormValues {
  const days = Object.fromEntries(WEEK_ORDER.map((day) => [day, hours ? formatDay(hours, day) : OFFICE.includes(day) ? '09:00-17:00' : ''])) as Record<Weekday, string>;
  return {
    alwaysOpen: hours ? 'false' : 'true',
    timeZone: hours && COMMON_TIME_ZONES.includes(hours.timeZone) ? hours.timeZone : '',
    timeZoneOther: hours && !COMMON_TIME_ZONES.includes(hours.timeZone) ? hours.timeZone : '',
    ...days,
    holidays: hours ? hours.holidays.join('\n') : '',
  };
}

const DAY_FORMAT = 'write the hours as 09:00-17:00 (several: 09:00-12:00, 13:00-17:00), or leave it empty for closed';

/** "9:00" or "9" → "09:00"; null when it is not a time of day as written. */
function clockTime(value: string): string | null {
  const match = /^(\d{1,2})(?:[:.h](\d{2}))?$/.exec(value.trim());
  return match ? `${match[1]!.padStart(2, '0')}:${match[2] ?? '00'}` : null;
}

/** A day's text as [from, to] pairs for the schema, or null when it cannot be read. */
function dayRanges(value: string): Array<[string, string]> | null {
  const ranges: Array<[string, string]> = [];
  for (const part of value.split(/[,;]/).map((item) => item.trim()).filter(Boolean)) {
    const ends = part.split(/\s*(?:-|–|—|to)\s*/);
    if (ends.length !== 2) return null;
    const [from, to] = ends.map((end) => clockTime(end));
    if (!from || !to) return null;
    ranges.push([from, to]);
  }
  return ranges;
}

/** Which input of the card a schema issue's path (inside the business hours) belongs to. */
export function fieldOfHoursPath(path: ReadonlyArray<PropertyKey>, zoneField: 'timeZone' | 'timeZoneOther'): HoursField {
  const [first, second] = path;
  if (first === 'timeZone') return zoneField;
  if (first === 'holidays') return 'holidays';
  if (first === 'weekly' && typeof second === 'string' && (WEEKDAYS as readonly string[]).includes(second)) return second as Weekday;
  // "at least one open range": shown at the start of the week
  return 'mon';
}

/**
 * The business hours the card's inputs describe (null: always open),
 * checked by the same schema as the config file, or a message per input to
 * show next to it.
 */
export function hoursOfFormValues(values: HoursFormValues): { ok: BusinessHours | null } | { errors: HoursFieldErrors } {
  if (values.alwaysOpen === 'true') return { ok: null };
  const errors: HoursFieldErrors = {};
  const zoneField = values.timeZoneOther.trim() ? 'timeZoneOther' : 'timeZone';
  const timeZone = values.timeZoneOther.trim() || values.timeZone.trim();
  if (!timeZone) errors.timeZone = 'pick the team’s time zone, or type it below';
  const weekly: Partial<Record<Weekday, Array<[string, string]>>> = {};
  for (const day of WEEK_ORDER) {
    const ranges = dayRanges(values[day]);
    if (ranges === null) errors[day] = DAY_FORMAT;
    else if (ranges.length) weekly[day] = ranges;
  }
  const holidays = values.holidays
    .split(/[\n,;\s]+/)
    .map((item) => item.trim())
    .filter(Boolean);

  const parsed = businessHoursSchema.safeParse({ timeZone, weekly, holidays });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfHoursPath(issue.path, zoneField);
      errors[field] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success || !parsed.data) return { errors };
  return { ok: parsed.data };
}

/** The capacity input's value: a whole number 1-100, or empty for none (each person's own limit then). */
export function staffCapacityOfInput(value: unknown): { ok: number | null } | { error: string } {
  const written = value === undefined || value === null ? '' : String(value).trim();
  if (written === '') return { ok: null };
  if (!/^\d{1,3}$/.test(written) || Number(written) < 1 || Number(written) > 100) return { error: 'a whole number from 1 to 100, or empty for each person’s own limit' };
  return { ok: Number(written) };
}
