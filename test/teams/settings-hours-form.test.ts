import { describe, expect, it } from 'vitest';
import { settingsCard } from '../../adapters/teams/settings-card.js';
import { hoursCard } from '../../adapters/teams/settings-hours-card.js';
import { HOURS_FORM_MAX_CHARS, formValuesOfHours, hoursFormSchema, hoursOfFormValues, staffCapacityOfInput, type HoursField } from '../../adapters/teams/settings-hours-form.js';
import { MAX_CARD_BYTES } from '../../adapters/teams/settings-rule-editor-card.js';
import { businessHoursSchema } from '../../src/business-hours/business-hours-schema.js';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import type { Bot } from '../../src/types.js';
import { adaptiveCardSchemaProblems } from '../schemas/adaptive-card-schema.js';
import { adaptiveCardProblems } from './adaptive-card-parser.js';

const office = ['09:00', '17:00'];
const berlin = businessHoursSchema.parse({
  timeZone: 'Europe/Berlin',
  weekly: { mon: [office], tue: [office], wed: [office], thu: [office], fri: [['09:00', '12:00'], ['13:00', '16:00']] },
  holidays: ['2026-12-24', '2026-12-25'],
})!;

const bot = (overrides: Partial<Bot> = {}): Bot =>
  ({ ...botConfigSchema.parse({ id: 'hours', name: 'Hours bot', labs: true, rules: [] }), tenant: 'operator', revision: 4, updatedAt: new Date(0), ...overrides }) as Bot;

function expectValidCard(card: unknown) {
  expect(adaptiveCardSchemaProblems(card)).toEqual([]);
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(MAX_CARD_BYTES);
}

describe('the business hours card’s inputs', () => {
  it('give back the hours they were filled from, unchanged', () => {
    const values = formValuesOfHours(berlin);
    expect(values).toMatchObject({ alwaysOpen: 'false', timeZone: 'Europe/Berlin', timeZoneOther: '', mon: '09:00-17:00', fri: '09:00-12:00, 13:00-16:00', sat: '', holidays: '2026-12-24\n2026-12-25' });
    expect(hoursOfFormValues(values)).toEqual({ ok: berlin });
    // a zone the picker does not list comes back in the typed field
    const salta = { ...berlin, timeZone: 'America/Argentina/Salta' };
    expect(formValuesOfHours(salta)).toMatchObject({ timeZone: '', timeZoneOther: 'America/Argentina/Salta' });
    expect(hoursOfFormValues(formValuesOfHours(salta))).toEqual({ ok: salta });
  });

  it('read hours as people write them, and a zone typed below the picker', () => {
    const values = { ...formValuesOfHours(null), alwaysOpen: 'false', timeZone: 'Europe/Berlin', timeZoneOther: ' America/Argentina/Buenos_Aires ', mon: '9-17', tue: '9:00 – 12:30; 13:30 to 18:00', fri: '', holidays: '2026-12-25, 2027-01-01' };
    const result = hoursOfFormValues(values);
    expect(result).toEqual({
      ok: {
        timeZone: 'America/Argentina/Buenos_Aires',
        weekly: { mon: [{ from: '09:00', to: '17:00' }], tue: [{ from: '09:00', to: '12:30' }, { from: '13:30', to: '18:00' }], wed: [{ from: '09:00', to: '17:00' }], thu: [{ from: '09:00', to: '17:00' }] },
        holidays: ['2026-12-25', '2027-01-01'],
      },
    });
  });

  it('are always open when the switch says so, whatever else is filled in', () => {
    expect(hoursOfFormValues({ ...formValuesOfHours(berlin), alwaysOpen: 'true', mon: 'nonsense' })).toEqual({ ok: null });
    expect(formValuesOfHours(null)).toMatchObject({ alwaysOpen: 'true', mon: '09:00-17:00', sat: '' });
  });

  it('name the field of each mistake, as the config file’s schema words it', () => {
    const values = { ...formValuesOfHours(berlin), timeZone: '', timeZoneOther: 'Mars/Olympus_Mons', tue: 'mornings', wed: '17:00-09:00', holidays: '2026-12-25\nChristmas' };
    const result = hoursOfFormValues(values);
    expect('errors' in result && result.errors).toEqual({
      timeZoneOther: 'timeZone must be an IANA time zone such as "Europe/Berlin" or "America/New_York"',
      tue: expect.stringContaining('09:00-17:00'),
      wed: expect.stringContaining('a range opens before it closes'),
      holidays: 'a holiday is a date like 2026-12-25',
    });
  });

  it('need a time zone and at least one open day unless always open', () => {
    const closedWeek = { ...formValuesOfHours(null), alwaysOpen: 'false', mon: '', tue: '', wed: '', thu: '', fri: '' };
    const result = hoursOfFormValues(closedWeek);
    expect('errors' in result && result.errors).toEqual({ timeZone: 'pick the team’s time zone, or type it below', mon: expect.stringContaining('at least one open range') });
  });

  it('take a staff capacity of 1 to 100, or none', () => {
    expect(['', ' 3 ', '100', '0', '101', 'lots', '2.5'].map(staffCapacityOfInput)).toEqual([
      { ok: null },
      { ok: 3 },
      { ok: 100 },
      { error: expect.any(String) },
      { error: expect.any(String) },
      { error: expect.any(String) },
      { error: expect.any(String) },
    ]);
  });
});

describe('the business hours card and the settings card', () => {
  it('validate against the 1.5 schema and Microsoft’s parser, showing the hours and capacity', () => {
    const overview = settingsCard(bot({ businessHours: berlin, staffCapacity: 3 }));
    expectValidCard(overview);
    expect(JSON.stringify(overview)).toContain('Business hours: Mon–Thu 9:00–17:00, Fri 9:00–12:00, 13:00–16:00 (Europe/Berlin); 2 closed days');
    expect(JSON.stringify(overview)).toContain('"id":"staffCapacity"');
    expect(JSON.stringify(overview)).toContain('"value":3');
    expectValidCard(settingsCard(bot(), { capacity: { value: '0', error: 'a whole number from 1 to 100' } }));
    expectValidCard(hoursCard(bot({ businessHours: berlin }), { values: formValuesOfHours(berlin) }));
  });

  it('stay within 28 KB with every field at its longest and an error on each', () => {
    const longest = Object.fromEntries(Object.entries(HOURS_FORM_MAX_CHARS).map(([field, max]) => [field, 'x'.repeat(max)])) as Record<HoursField, string>;
    expect(hoursFormSchema.safeParse(longest).success).toBe(true);
    expect(hoursFormSchema.safeParse({ ...longest, holidays: 'x'.repeat(HOURS_FORM_MAX_CHARS.holidays + 1) }).success).toBe(false);
    const errors = Object.fromEntries(Object.keys(longest).map((field) => [field, 'y'.repeat(200)]));
    expectValidCard(hoursCard(bot(), { values: { ...longest, timeZone: 'Z'.repeat(80) }, errors }));
  });
});
