import type { Bot } from '../../src/types.js';
import { SETTINGS_VERBS, adaptiveCard, botActionData, noteBlock, type CardNote } from './settings-card.js';
import { COMMON_TIME_ZONES, DAY_NAMES, WEEK_ORDER, type HoursField, type HoursFieldErrors, type HoursFormValues } from './settings-hours-form.js';

export interface HoursCardOptions {
  values: HoursFormValues;
  errors?: HoursFieldErrors;
  note?: CardNote | null;
}

/**
 * A bot's business hours as a form: always open, the time zone, a line per
 * weekday and the closed days. A field the save refused shows its message
 * next to it (errorMessage, and a red line Teams always shows).
 */
export function hoursCard(bot: Bot, options: HoursCardOptions) {
  const { values } = options;
  const errors = options.errors ?? {};
  const input = (field: HoursField, element: Record<string, unknown>) => {
    const error = errors[field];
    const shown = { ...element, id: field, ...(error ? { errorMessage: error } : {}) };
    return error ? [shown, { type: 'TextBlock', text: `⚠️ ${error}`, color: 'Attention', wrap: true, size: 'Small', spacing: 'None' }] : [shown];
  };
  const zones = values.timeZone && !COMMON_TIME_ZONES.includes(values.timeZone) ? [values.timeZone, ...COMMON_TIME_ZONES] : COMMON_TIME_ZONES;

  return adaptiveCard(
    [
      { type: 'TextBlock', text: `Business hours — ${bot.name}`, weight: 'Bolder', size: 'Medium', wrap: true },
      {
        type: 'TextBlock',
        text: `Out of hours the customer is told when the team is back, SLA clocks wait and auto-assign gives nobody the conversation. Saved against revision ${bot.revision ?? 0}.`,
        isSubtle: true,
        size: 'Small',
        wrap: true,
      },
      ...noteBlock(options.note ?? null),
      ...input('alwaysOpen', { type: 'Input.Toggle', title: 'Always open (no business hours)', value: values.alwaysOpen === 'true' ? 'true' : 'false', valueOn: 'true', valueOff: 'false' }),
      ...input('timeZone', {
        type: 'Input.ChoiceSet',
        label: 'Time zone',
        style: 'compact',
        placeholder: 'Pick the team’s time zone',
        value: values.timeZone,
        choices: zones.slice(0, 100).map((zone) => ({ title: zone.replace(/_/g, ' '), value: zone })),
      }),
      ...input('timeZoneOther', { type: 'Input.Text', label: '…or another IANA time zone', value: values.timeZoneOther, maxLength: 60, placeholder: 'America/Argentina/Buenos_Aires' }),
      { type: 'TextBlock', text: 'Opening hours per day, such as 09:00-17:00 (several: 09:00-12:00, 13:00-17:00). Empty: closed.', wrap: true, separator: true, spacing: 'Medium' },
      ...WEEK_ORDER.flatMap((day) => input(day, { type: 'Input.Text', label: DAY_NAMES[day], value: values[day], maxLength: 100, placeholder: 'closed' })),
      ...input('holidays', { type: 'Input.Text', label: 'Closed days, one per line (2026-12-25)', value: values.holidays, isMultiline: true, separator: true }),
    ],
    [
      { type: 'Action.Execute', title: 'Save hours', verb: SETTINGS_VERBS.saveHours, data: botActionData(bot), style: 'positive' },
      { type: 'Action.Execute', title: 'Back', verb: SETTINGS_VERBS.open, data: botActionData(bot), associatedInputs: 'None' },
    ],
  );
}
