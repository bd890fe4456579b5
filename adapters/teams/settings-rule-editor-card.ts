import { MAX_RULES_PER_BOT } from '../../src/rules/handover-rule-schema.js';
import type { Bot } from '../../src/types.js';
import { SETTINGS_VERBS, adaptiveCard, botActionData, noteBlock, type CardNote } from './settings-card.js';
import { TRIGGER_CHOICES, type FieldErrors, type RuleField, type RuleFormValues } from './settings-rule-form.js';

/** Someone the person picker offers: a staff member of the tenant known to Teams. */
export interface StaffChoice {
  title: string;
  value: string;
}

export interface RuleEditorOptions {
  /** The rule's position; null for a new rule. */
  index: number | null;
  values: RuleFormValues;
  errors?: FieldErrors;
  note?: CardNote | null;
  staffChoices: readonly StaffChoice[];
}

/** The most people the picker lists (the rest are typed by email or id). */
export const MAX_STAFF_CHOICES = 50;

/** What Teams takes for a card, with room for the activity around it. */
export const MAX_CARD_BYTES = 27 * 1024;

/**
 * The rule editor: scenarios, assignment with a person picker, task, closing
 * message, pause, tags, notifications and SLA. A field the save refused shows
 * its message next to it (errorMessage, and a red line Teams always shows).
 */
export function ruleEditorCard(bot: Bot, options: RuleEditorOptions) {
  // long values echoed back with an error on each field can outgrow Teams' limit: the picker then lists fewer people
  let shown = Math.min(options.staffChoices.length, MAX_STAFF_CHOICES);
  for (;;) {
    const card = editorCard(bot, options, options.staffChoices.slice(0, shown));
    if (shown === 0 || Buffer.byteLength(JSON.stringify(card)) <= MAX_CARD_BYTES) return card;
    shown = Math.floor(shown / 2);
  }
}

function editorCard(bot: Bot, options: RuleEditorOptions, staffChoices: readonly StaffChoice[]) {
  const { values } = options;
  const errors = options.errors ?? {};
  const input = (field: RuleField, element: Record<string, unknown>) => {
    const error = errors[field];
    // a required input always carries a message: Teams shows it when the field is left empty, before any invoke
    const errorMessage = error ?? (element.isRequired ? `${String(element.label ?? 'This field')} is required` : null);
    const shown = { ...element, id: field, ...(errorMessage ? { errorMessage } : {}) };
    return error ? [shown, { type: 'TextBlock', text: `⚠️ ${error}`, color: 'Attention', wrap: true, size: 'Small', spacing: 'None' }] : [shown];
  };
  const toggle = (field: RuleField, title: string) => input(field, { type: 'Input.Toggle', title, value: values[field] === 'true' ? 'true' : 'false', valueOn: 'true', valueOff: 'false' });
  const textInput = (field: RuleField, label: string, extra: Record<string, unknown> = {}) => input(field, { type: 'Input.Text', label, value: values[field], ...extra });
  const numberInput = (field: RuleField, label: string, extra: Record<string, unknown> = {}) => {
    const value = /^\d{1,7}$/.test(values[field].trim()) ? { value: Number(values[field].trim()) } : {};
    return input(field, { type: 'Input.Number', label, ...value, ...extra });
  };
  const heading = (text: string) => ({ type: 'TextBlock', text, weight: 'Bolder', wrap: true, separator: true, spacing: 'Medium' });

  return adaptiveCard(
    [
      { type: 'TextBlock', text: `${options.index === null ? 'New rule' : `Rule ${options.index + 1}`} — ${bot.name}`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: `At most ${MAX_RULES_PER_BOT} rules per bot. Saved against revision ${bot.revision ?? 0}.`, isSubtle: true, size: 'Small', wrap: true },
      ...noteBlock(options.note ?? null),
      ...textInput('name', 'Rule name', { isRequired: true, maxLength: 80, placeholder: 'Sales leads' }),
      ...toggle('enabled', 'Rule is on'),

      heading('When'),
      ...input('triggers', {
        type: 'Input.ChoiceSet',
        label: 'Scenarios',
        isMultiSelect: true,
        style: 'expanded',
        isRequired: true,
        value: values.triggers,
        choices: TRIGGER_CHOICES.map((choice) => ({ title: choice.title, value: choice.value })),
      }),
      ...numberInput('failedTurns', 'Failed resolutions before handing over (for the whole bot)', { min: 1, max: 20 }),
      ...textInput('sensitiveTopics', 'Sensitive topics, one per line', { isMultiline: true }),

      heading('Who'),
      ...input('assign', {
        type: 'Input.ChoiceSet',
        label: 'Assignment',
        style: 'expanded',
        value: values.assign || 'claim',
        choices: [
          { title: 'A Claim button in the channel', value: 'claim' },
          { title: 'A specific person', value: 'user' },
          { title: 'Auto-assign to the next available person', value: 'auto' },
        ],
      }),
      // the picker lists the tenant's known staff: Data.Query (Teams' directory search) is Adaptive Cards 1.6, past what this card declares
      ...(staffChoices.length
        ? input('assignStaff', {
            type: 'Input.ChoiceSet',
            label: 'The person (for "a specific person")',
            style: 'compact',
            placeholder: 'Pick someone',
            value: values.assignStaff,
            choices: staffChoices.map((choice) => ({ title: choice.title.slice(0, 200), value: choice.value })),
          })
        : [{ type: 'TextBlock', text: 'Nobody of this team has used Handover yet: type the person below.', wrap: true, isSubtle: true }, ...(errors.assignStaff ? [{ type: 'TextBlock', text: `⚠️ ${errors.assignStaff}`, color: 'Attention', wrap: true, size: 'Small', spacing: 'None' }] : [])]),
      ...textInput('assignOther', '…or someone else: their email or Teams user id (looked up in the team)', { placeholder: 'ana@example.com' }),

      heading('Then'),
      ...toggle('taskEnabled', 'Create a follow-up task'),
      ...textInput('taskNote', 'Task note', { maxLength: 500 }),
      ...textInput('taskDue', 'Task due in (30m, 2h, 1d)', { maxLength: 20 }),
      ...textInput('closingMessage', 'Closing message to the customer', { isMultiline: true, isRequired: true, maxLength: 1000 }),
      ...toggle('pauseBot', 'Pause the bot while the team has the conversation'),
      ...textInput('tags', 'Tags (comma separated)'),
      ...toggle('csat', 'Ask the customer how we did (CSAT) when it is resolved'),

      heading('Notify'),
      ...toggle('notifySlack', 'Post in Slack (the subscribed channel)'),
      ...toggle('notifyTeams', 'Post in Teams (the subscribed channel)'),
      ...textInput('notifyEmails', 'Emails (comma separated)', { style: 'Email' }),
      ...textInput('notifyWebhook', 'Webhook URL', { style: 'Url', placeholder: 'https://' }),

      heading('SLA'),
      ...numberInput('slaMinutes', 'Unclaimed after this many minutes: remind the channel (empty: no SLA)', { min: 1, max: 24 * 60 }),
      ...input('slaFallback', {
        type: 'Input.ChoiceSet',
        label: 'Still unclaimed as long again',
        style: 'compact',
        value: values.slaFallback || 'none',
        choices: [
          { title: 'Nothing more', value: 'none' },
          { title: 'Auto-assign', value: 'auto' },
          { title: 'Post in a backup Slack channel', value: 'backup' },
        ],
      }),
      ...textInput('slaBackupChannel', 'Backup Slack channel id', { placeholder: 'C0123456789' }),
      ...numberInput('resumeAfter', 'Give the conversation back to the bot after this many quiet minutes (empty: never)', { min: 5 }),
    ],
    [
      { type: 'Action.Execute', title: 'Save rule', verb: SETTINGS_VERBS.saveRule, data: botActionData(bot, { index: options.index ?? -1 }), style: 'positive' },
      { type: 'Action.Execute', title: 'Back', verb: SETTINGS_VERBS.open, data: botActionData(bot), associatedInputs: 'None' },
    ],
  );
}
