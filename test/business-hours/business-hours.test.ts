import { describe, expect, it } from 'vitest';
import { afterOpenMinutes, businessHoursState, openMillisBetween, withinBusinessHours } from '../../src/business-hours/business-hours.js';
import { businessHoursSchema } from '../../src/business-hours/business-hours-schema.js';
import { outOfHoursAt } from '../../src/business-hours/out-of-hours.js';
import { instantOf } from '../../src/business-hours/zoned-time.js';
import type { BusinessHours } from '../../src/types.js';

const office = { from: '09:00', to: '17:00' };
const berlin: BusinessHours = {
  timeZone: 'Europe/Berlin',
  weekly: { mon: [office], tue: [office], wed: [office], thu: [office], fri: [office] },
  holidays: ['2026-12-25'],
};
const bot = { businessHours: berlin };
const at = (iso: string) => new Date(iso);

describe('business hours in the bot’s zone', () => {
  it('is open on a weekday afternoon in Berlin and closed at night, whatever the server’s zone', () => {
    expect(withinBusinessHours(bot, at('2026-12-03T15:59:00Z'))).toBe(true); // 16:59 in Berlin
    expect(withinBusinessHours(bot, at('2026-12-03T16:00:00Z'))).toBe(false); // 17:00 in Berlin
    expect(withinBusinessHours(bot, at('2026-12-03T07:59:00Z'))).toBe(false); // 8:59
    expect(businessHoursState(bot, at('2026-12-03T10:00:00Z'))).toEqual({ open: true, closesAt: at('2026-12-03T16:00:00Z') });
  });

  it('a bot without business hours is always open and its clocks run as usual', () => {
    expect(withinBusinessHours({ businessHours: null }, at('2026-12-05T03:00:00Z'))).toBe(true);
    expect(afterOpenMinutes({ businessHours: null }, at('2026-12-05T03:00:00Z'), 15)).toEqual(at('2026-12-05T03:15:00Z'));
  });

  it('on a Saturday the team is back Monday 9:00 (Berlin time)', () => {
    expect(outOfHoursAt(bot, at('2026-12-05T11:00:00Z'))).toEqual({ backAt: at('2026-12-07T08:00:00Z'), back: 'Monday 9:00 (Berlin time)' });
  });

  it('skips a holiday: on Christmas Eve evening the team is back Monday, not on the 25th', () => {
    expect(outOfHoursAt(bot, at('2026-12-24T18:00:00Z'))?.back).toBe('Monday 9:00 (Berlin time)');
    expect(outOfHoursAt(bot, at('2026-12-24T18:00:00Z'))?.backAt).toEqual(at('2026-12-28T08:00:00Z'));
  });

  it('says today before opening time, and the date when the team is away a week or more', () => {
    expect(outOfHoursAt(bot, at('2026-12-03T06:00:00Z'))?.back).toBe('today 9:00 (Berlin time)');
    const longBreak = { businessHours: { ...berlin, holidays: ['2026-12-25', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01'] } };
    expect(outOfHoursAt(longBreak, at('2026-12-25T12:00:00Z'))?.back).toBe('Monday 4 January 9:00 (Berlin time)');
  });

  it('opens at 9:00 local time on both sides of a DST switch', () => {
    // Saturday before the switch to summer time (28 March 2027): Monday 9:00 is 07:00 UTC, not 08:00
    expect(outOfHoursAt(bot, at('2027-03-27T11:00:00Z'))).toEqual({ backAt: at('2027-03-29T07:00:00Z'), back: 'Monday 9:00 (Berlin time)' });
    // and back to winter time (31 October 2027)
    expect(outOfHoursAt(bot, at('2027-10-30T11:00:00Z'))?.backAt).toEqual(at('2027-11-01T08:00:00Z'));
    // a time the clocks skip lands after the gap
    expect(instantOf({ year: 2027, month: 3, day: 28 }, 150, 'Europe/Berlin')).toEqual(at('2027-03-28T01:30:00Z'));
  });

  it('counts SLA minutes only while open: 30 minutes from Friday 16:50 end Monday 9:20', () => {
    expect(afterOpenMinutes(bot, at('2026-12-04T15:50:00Z'), 30)).toEqual(at('2026-12-07T08:20:00Z'));
    expect(afterOpenMinutes(bot, at('2026-12-05T11:00:00Z'), 30)).toEqual(at('2026-12-07T08:30:00Z'));
    expect(openMillisBetween(bot, at('2026-12-04T15:50:00Z'), at('2026-12-07T08:20:00Z'))).toBe(30 * 60_000);
  });

  it('in New York: zone names read naturally and a range can run to midnight', () => {
    const late = { businessHours: { timeZone: 'America/New_York', weekly: { sat: [{ from: '20:00', to: '24:00' }], sun: [{ from: '00:00', to: '02:00' }] }, holidays: [] } };
    expect(outOfHoursAt(late, at('2026-12-05T12:00:00Z'))?.back).toBe('today 20:00 (New York time)');
    // Saturday 20:00 to Sunday 2:00 is one stretch of open time
    expect(businessHoursState(late, at('2026-12-06T04:59:00Z'))).toEqual({ open: true, closesAt: at('2026-12-06T07:00:00Z') });
  });
});

describe('business hours as written in the config file', () => {
  it('refuses an unknown zone with a message saying what a zone looks like', () => {
    const parsed = businessHoursSchema.safeParse({ timeZone: 'Europe/Berlinn', weekly: { mon: [['09:00', '17:00']] } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['timeZone']);
    expect(parsed.error!.issues[0]!.message).toContain('IANA time zone such as "Europe/Berlin"');
  });

  it('refuses a range that closes before it opens, a bad time, a bad holiday and a week with no open hours', () => {
    expect(businessHoursSchema.safeParse({ timeZone: 'UTC', weekly: { mon: [['17:00', '09:00']] } }).success).toBe(false);
    expect(businessHoursSchema.safeParse({ timeZone: 'UTC', weekly: { mon: [['9:00', '17:00']] } }).success).toBe(false);
    expect(businessHoursSchema.safeParse({ timeZone: 'UTC', weekly: { mon: [['09:00', '17:00']] }, holidays: ['25.12.2026'] }).success).toBe(false);
    expect(businessHoursSchema.safeParse({ timeZone: 'UTC', weekly: {} }).success).toBe(false);
    expect(businessHoursSchema.safeParse({ timeZone: 'UTC', weekly: { mon: [['09:00', '17:00']] }, extra: 1 }).success).toBe(false);
  });

  it('reads a day’s ranges as pairs of local times', () => {
    expect(businessHoursSchema.parse({ timeZone: 'Europe/Berlin', weekly: { mon: [['09:00', '12:00'], ['13:00', '17:00']] } })).toEqual({
      timeZone: 'Europe/Berlin',
      weekly: { mon: [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '17:00' }] },
      holidays: [],
    });
  });

  it('defaults to always open', () => {
    expect(businessHoursSchema.parse(undefined)).toBeNull();
  });
});
