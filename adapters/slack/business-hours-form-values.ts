import type { RuleIssue } from '../../src/settings/apply-settings-change.js';
import type { BusinessHours, OpenRange } from '../../src/types.js';
import { dayField, HOLIDAYS_TEXT_MAX, HOURS_FIELD, WEEK_ORDER } from './business-hours-view.js';
import type { ViewStateValues } from './rule-form-values.js';

export type BusinessHoursForm =
  | { businessHours: BusinessHours | null }
  /** Block id → what to fix, shown under the field (response_action: errors). */
  | { errors: Record<string, string> };

// "09:00-17:00", also "9-17" and "9:30 to 17:30"
const RANGE = /^(\d{1,2})(?::(\d{2}))?\s*(?:-|–|to)\s*(\d{1,2})(?::(\d{2}))?$/;
const pad = (hours: string, minutes: string | undefined) => `${hours.padStart(2, '0')}:${minutes ?? '00'}`;

/**
 * The business hours a submitted form describes. Only what the form alone
 * can tell (a day's line that is not ranges, no zone picked) is checked
 * here; the rest by the config file's schema in the domain, whose issues
 * `hoursFieldErrors` puts next to their fields. `kept`: the hours as the form
 * showed them, for a closed-days list too long to show.
 */
export function businessHoursFromForm(values: ViewStateValues, kept: BusinessHours | null | undefined): BusinessHoursForm {
  const at = (field: string) => values[field]?.[field] ?? {};
  const text = (field: string) => (at(field).value ?? '').trim();
  if ((at(HOURS_FIELD.alwaysOpen).selected_options ?? []).some((o) => o.value === 'on')) return { businessHours: null };

  const errors: Record<string, string> = {};
  const timeZone = text(HOURS_FIELD.otherZone) || at(HOURS_FIELD.zone).selected_option?.value || '';
  if (!timeZone) errors[HOURS_FIELD.zone] = 'Pick the team’s time zone (or tick Always open).';
  const weekly: BusinessHours['weekly'] = {};
  for (const day of WEEK_ORDER) {
    const parts = text(dayField(day)).split(/[,;]/).map((part) => part.trim()).filter(Boolean);
    const ranges: OpenRange[] = [];
    for (const part of parts) {
      const match = RANGE.exec(part);
      if (!match) {
        errors[dayField(day)] = `Write hours like 09:00-17:00 (several: 09:00-12:00, 13:00-17:00); empty: closed.`;
        break;
      }
      ranges.push({ from: pad(match[1]!, match[2]), to: pad(match[3]!, match[4]) });
    }
    if (ranges.length) weekly[day] = ranges;
  }
  let holidays = text(HOURS_FIELD.holidays).split(/[\s,;]+/).filter(Boolean);
  if (holidays.length === 0 && kept && kept.holidays.join('\n').length > HOLIDAYS_TEXT_MAX) holidays = kept.holidays;
  if (Object.keys(errors).length > 0) return { errors };
  return { businessHours: { timeZone, weekly, holidays } };
}

/** Where each of the domain's issues shows in the form: the first per field, short enough for Slack's error line. */
export function hoursFieldErrors(issues: RuleIssue[], values: ViewStateValues): Record<string, string> {
  const typedZone = Boolean(values[HOURS_FIELD.otherZone]?.[HOURS_FIELD.otherZone]?.value?.trim());
  const errors: Record<string, string> = {};
  for (const { path, message } of issues) {
    const [field, day] = path;
    const block =
      field === 'timeZone'
        ? typedZone
          ? HOURS_FIELD.otherZone
          : HOURS_FIELD.zone
        : field === 'weekly'
          ? dayField(WEEK_ORDER.find((d) => d === day) ?? 'mon')
          : field === 'holidays'
            ? HOURS_FIELD.holidays
            : HOURS_FIELD.zone;
    errors[block] ??= (message ? message[0]!.toUpperCase() + message.slice(1) : 'Check this field.').slice(0, 150);
  }
  return errors;
}
