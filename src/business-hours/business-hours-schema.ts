import { z } from 'zod';
import { WEEKDAYS, type OpenRange } from '../types.js';
import { minutesOfDay } from './business-hours.js';
import { isKnownTimeZone } from './zoned-time.js';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time is HH:MM, 00:00 to 24:00');
// written as a pair (["09:00", "17:00"]) and kept as an object: the embedded database stores no arrays in arrays
const range = z
  .tuple([time, time])
  .refine(([start, end]) => minutesOfDay(start) < minutesOfDay(end), 'a range opens before it closes (["09:00", "17:00"]); split one that crosses midnight in two')
  .transform(([from, to]): OpenRange => ({ from, to }));

/** A bot's business hours as written by a person (config file); null: always open. */
export const businessHoursSchema = z
  .object({
    timeZone: z
      .string()
      .refine(isKnownTimeZone, 'timeZone must be an IANA time zone such as "Europe/Berlin" or "America/New_York"'),
    weekly: z
      .partialRecord(z.enum(WEEKDAYS), z.array(range).max(6, 'at most 6 ranges a day'))
      .refine((weekly) => Object.values(weekly).some((ranges) => ranges && ranges.length > 0), 'weekly needs at least one open range (or set businessHours to null: always open)'),
    holidays: z
      .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a holiday is a date like 2026-12-25'))
      .max(400, 'at most 400 holidays')
      .default([]),
  })
  .strict()
  .nullable()
  .default(null);
