import type { InputBlock, KnownBlock, PlainTextOption, View } from '@slack/types';
import { WEEKDAYS, type Bot, type OpenRange, type Weekday } from '../../src/types.js';
import { settingsMetadata } from './settings-metadata.js';

export const BUSINESS_HOURS_CALLBACK = 'handover_business_hours';

/** The form's fields: block id and action id are the same word, so an issue's field maps to the block that shows it. */
export const HOURS_FIELD = {
  alwaysOpen: 'hours_always_open',
  zone: 'hours_zone',
  otherZone: 'hours_zone_other',
  holidays: 'hours_holidays',
} as const;

/** Monday first, as people read a week. */
export const WEEK_ORDER: Weekday[] = [...WEEKDAYS.slice(1), WEEKDAYS[0]];
export const dayField = (day: Weekday) => `hours_${day}`;
const DAY_NAME: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

/** Zones most teams work in; any other IANA zone is typed in the field below the list. */
export const COMMON_TIME_ZONES = [
  'UTC', 'Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Europe/Paris', 'Europe/Berlin', 'Europe/Amsterdam', 'Europe/Brussels', 'Europe/Madrid',
  'Europe/Rome', 'Europe/Vienna', 'Europe/Zurich', 'Europe/Stockholm', 'Europe/Oslo', 'Europe/Copenhagen', 'Europe/Helsinki', 'Europe/Warsaw', 'Europe/Prague',
  'Europe/Budapest', 'Europe/Athens', 'Europe/Bucharest', 'Europe/Istanbul', 'Europe/Kyiv', 'Europe/Moscow', 'Africa/Casablanca', 'Africa/Lagos',
  'Africa/Cairo', 'Africa/Nairobi', 'Africa/Johannesburg', 'Asia/Dubai', 'Asia/Tehran', 'Asia/Karachi', 'Asia/Kolkata', 'Asia/Dhaka', 'Asia/Bangkok',
  'Asia/Jakarta', 'Asia/Ho_Chi_Minh', 'Asia/Singapore', 'Asia/Kuala_Lumpur', 'Asia/Manila', 'Asia/Hong_Kong', 'Asia/Shanghai', 'Asia/Taipei',
  'Asia/Seoul', 'Asia/Tokyo', 'Australia/Perth', 'Australia/Adelaide', 'Australia/Brisbane', 'Australia/Sydney', 'Australia/Melbourne',
  'Pacific/Auckland', 'Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Vancouver', 'America/Phoenix', 'America/Denver',
  'America/Chicago', 'America/Mexico_City', 'America/New_York', 'America/Toronto', 'America/Bogota', 'America/Lima', 'America/Halifax',
  'America/Santiago', 'America/Sao_Paulo', 'America/Argentina/Buenos_Aires',
] as const;

/** Slack's text inputs hold at most this many characters. */
export const HOLIDAYS_TEXT_MAX = 3000;

const option = (value: string, text = value): PlainTextOption => ({ value, text: { type: 'plain_text', text } });
const ZONE_OPTIONS = COMMON_TIME_ZONES.map((zone) => option(zone, zone.replace(/_/g, ' ')));

/** A day's ranges as the form writes them: "09:00-12:00, 13:00-17:00"; empty: closed. */
export function rangesText(ranges: OpenRange[] | undefined): string {
  return (ranges ?? []).map((range) => `${range.from}-${range.to}`).join(', ');
}

/**
 * The bot's business hours as a form, pushed over the settings modal:
 * "Always open", the time zone (a list of common ones, or typed), a line per
 * weekday and the closed days. Saving it is one change against the revision
 * the settings showed.
 */
export function businessHoursView(bot: Bot): View {
  const hours = bot.businessHours ?? null;
  const listed = hours && ZONE_OPTIONS.find((o) => o.value === hours.timeZone);
  const holidays = hours?.holidays.join('\n') ?? '';
  // a list too long for a text input is not cut: offered empty, and kept when left so (business-hours-form-values.ts)
  const holidaysFit = holidays.length <= HOLIDAYS_TEXT_MAX;
  const alwaysOpen = option('on', 'Always open (no business hours)');
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: 'Out of hours the customer hears when the team is back, and SLA clocks wait until then.' } },
    input(HOURS_FIELD.alwaysOpen, 'Hours', { type: 'checkboxes', action_id: HOURS_FIELD.alwaysOpen, options: [alwaysOpen], ...(hours ? {} : { initial_options: [alwaysOpen] }) }, true),
    input(HOURS_FIELD.zone, 'Time zone', { type: 'static_select', action_id: HOURS_FIELD.zone, options: ZONE_OPTIONS, ...(listed ? { initial_option: listed } : {}), placeholder: { type: 'plain_text', text: 'Pick a time zone' } }, true),
    input(
      HOURS_FIELD.otherZone,
      'Or another time zone',
      { type: 'plain_text_input', action_id: HOURS_FIELD.otherZone, max_length: 60, ...(hours && !listed ? { initial_value: hours.timeZone } : {}), placeholder: { type: 'plain_text', text: 'e.g. America/Caracas' } },
      true,
      'An IANA name; when filled in, it is used instead of the list.',
    ),
    ...WEEK_ORDER.map((day) => {
      const text = rangesText(hours?.weekly[day]);
      return input(dayField(day), DAY_NAME[day], { type: 'plain_text_input', action_id: dayField(day), max_length: 100, ...(text ? { initial_value: text } : {}), placeholder: { type: 'plain_text', text: '09:00-17:00 (empty: closed)' } }, true);
    }),
    input(
      HOURS_FIELD.holidays,
      'Closed days (one a line)',
      { type: 'plain_text_input', action_id: HOURS_FIELD.holidays, multiline: true, max_length: HOLIDAYS_TEXT_MAX, ...(holidays && holidaysFit ? { initial_value: holidays } : {}), placeholder: { type: 'plain_text', text: '2026-12-25' } },
      true,
      holidaysFit ? 'Dates like 2026-12-25: the team is away all that day.' : `${hours!.holidays.length} closed days, too many to show here: leave this empty to keep them, or type the whole new list.`,
    ),
  ];
  return {
    type: 'modal',
    callback_id: BUSINESS_HOURS_CALLBACK,
    private_metadata: settingsMetadata({ botId: bot.id, revision: bot.revision }),
    title: { type: 'plain_text', text: 'Business hours' },
    submit: { type: 'plain_text', text: 'Save hours' },
    close: { type: 'plain_text', text: 'Back' },
    blocks,
  };
}

function input(blockId: string, label: string, element: InputBlock['element'], optional: boolean, hint?: string): KnownBlock {
  return { type: 'input', block_id: blockId, label: { type: 'plain_text', text: label }, optional, element, ...(hint ? { hint: { type: 'plain_text', text: hint } } : {}) };
}
