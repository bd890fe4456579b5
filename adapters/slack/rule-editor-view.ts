import type { InputBlock, KnownBlock, PlainTextOption, View } from '@slack/types';
import { DEFAULT_SENSITIVE_TOPICS } from '../../src/detection/sensitive-topic.js';
import { DEFAULT_CLOSING_MESSAGE, DEFAULT_TAG, DEFAULT_TASK_DUE_MINUTES, MAX_RULES_PER_BOT } from '../../src/rules/handover-rule-schema.js';
import { TRIGGERS, type Bot, type HandoverRule } from '../../src/types.js';
import { TRIGGER_LABELS } from './settings-home-view.js';
import { settingsMetadata } from './settings-metadata.js';

export const RULE_EDITOR_CALLBACK = 'handover_rule_editor';

/** The editor's fields: block id and action id are the same word, so a zod issue's field maps to the block that shows it. */
export const FIELD = {
  name: 'rule_name',
  enabled: 'rule_enabled',
  triggers: 'rule_triggers',
  failedTurns: 'rule_failed_turns',
  topics: 'rule_topics',
  assign: 'rule_assign',
  assignee: 'rule_assignee',
  task: 'rule_task',
  taskNote: 'rule_task_note',
  taskDue: 'rule_task_due',
  closing: 'rule_closing',
  pause: 'rule_pause',
  csat: 'rule_csat',
  tags: 'rule_tags',
  notify: 'rule_notify',
  emails: 'rule_emails',
  webhook: 'rule_webhook',
  sla: 'rule_sla',
  slaFallback: 'rule_sla_fallback',
  slaBackup: 'rule_sla_backup',
} as const;

const option = (value: string, text: string, description?: string): PlainTextOption => ({
  value,
  text: { type: 'plain_text', text },
  ...(description ? { description: { type: 'plain_text', text: description } } : {}),
});

const ASSIGN_OPTIONS = [
  option('claim', 'Claim button', 'Whoever clicks Claim in the channel takes it'),
  option('user', 'A specific person', 'Pick them below'),
  option('auto', 'Auto-assign', 'The next available team member in turn'),
];
const FALLBACK_OPTIONS = [option('none', 'Remind only'), option('auto', 'Then auto-assign'), option('backup', 'Then post in a backup channel')];
const NOTIFY_OPTIONS = [option('slack', "The bot's Slack channel"), option('teams', "The bot's Teams channel")];

/**
 * The rule editor, pushed over the settings modal: one rule as a form,
 * prefilled from the rule (or a new rule's defaults). `index` null: a new rule.
 */
export function ruleEditorView(bot: Bot, index: number | null): View {
  const rule = index === null ? undefined : bot.rules[index];
  const triggerOptions = TRIGGERS.map((trigger) => option(trigger, TRIGGER_LABELS[trigger]));
  const triggers = triggerOptions.filter((o) => (rule?.triggers ?? ['contact_request']).includes(o.value as never));
  const assignMode = rule?.assign.mode ?? 'claim';
  const named = rule?.assign.mode === 'user' && /^[UW][A-Z0-9]+$/.test(rule.assign.staff) ? rule.assign.staff : null;
  const notify = NOTIFY_OPTIONS.filter((o) => (o.value === 'slack' ? (rule?.notify.slack ?? true) : (rule?.notify.teams ?? true)));
  const sla = rule?.sla ?? null;
  const check = (value: string, text: string, on: boolean) => ({ options: [option(value, text)], ...(on ? { initial_options: [option(value, text)] } : {}) });
  const blocks: KnownBlock[] = [];
  if (index === null && bot.rules.length >= MAX_RULES_PER_BOT) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `:warning: ${bot.name} already has ${MAX_RULES_PER_BOT} rules, the most a bot can have: this one cannot be saved until one is deleted.`.slice(0, 3000) } });
  }
  blocks.push(
    input(FIELD.name, 'Name', { type: 'plain_text_input', action_id: FIELD.name, max_length: 80, ...(rule ? { initial_value: rule.name } : {}), placeholder: { type: 'plain_text', text: 'e.g. Sales leads' } }),
    input(FIELD.enabled, 'State', { type: 'checkboxes', action_id: FIELD.enabled, ...check('on', 'Rule is on', rule?.enabled ?? true) }, true),
    input(FIELD.triggers, 'When', { type: 'checkboxes', action_id: FIELD.triggers, options: triggerOptions, ...(triggers.length ? { initial_options: triggers } : {}) }),
    input(FIELD.failedTurns, 'Failed resolution: after how many failed answers (for the whole bot)', {
      type: 'number_input',
      action_id: FIELD.failedTurns,
      is_decimal_allowed: false,
      min_value: '1',
      max_value: '20',
      initial_value: String(bot.failedTurnsBeforeHandover),
    }),
    listInput(FIELD.topics, 'Sensitive topics (one a line)', rule?.sensitiveTopics ?? DEFAULT_SENSITIVE_TOPICS, '\n'),
    input(FIELD.assign, 'Who gets it', { type: 'radio_buttons', action_id: FIELD.assign, options: ASSIGN_OPTIONS, initial_option: ASSIGN_OPTIONS.find((o) => o.value === assignMode)! }),
    input(
      FIELD.assignee,
      'The specific person',
      { type: 'users_select', action_id: FIELD.assignee, ...(named ? { initial_user: named } : {}) },
      true,
      rule?.assign.mode === 'user' && !named ? `Now: ${rule.assign.staff} (left empty, stays so)`.slice(0, 2000) : undefined,
    ),
    input(FIELD.task, 'Follow-up task', { type: 'checkboxes', action_id: FIELD.task, ...check('on', 'Create a follow-up task', rule?.task.enabled ?? true) }, true),
    input(FIELD.taskNote, 'Task note', { type: 'plain_text_input', action_id: FIELD.taskNote, max_length: 500, initial_value: rule?.task.note ?? 'Follow up with the customer' }, true),
    input(FIELD.taskDue, 'Task due in (minutes)', {
      type: 'number_input',
      action_id: FIELD.taskDue,
      is_decimal_allowed: false,
      min_value: '1',
      initial_value: String(rule?.task.dueInMinutes ?? DEFAULT_TASK_DUE_MINUTES),
    }, true),
    input(FIELD.closing, 'Closing message to the customer', { type: 'plain_text_input', action_id: FIELD.closing, multiline: true, max_length: 1000, initial_value: rule?.closingMessage ?? DEFAULT_CLOSING_MESSAGE }),
    input(FIELD.pause, 'Bot', { type: 'checkboxes', action_id: FIELD.pause, ...check('on', 'Pause the bot while the team has the conversation', rule?.pauseBot ?? true) }, true),
    input(FIELD.csat, 'After it is resolved', { type: 'checkboxes', action_id: FIELD.csat, ...check('on', 'Ask the customer how we did (CSAT)', rule?.csat ?? true) }, true),
    input(FIELD.tags, 'Tags (comma-separated)', { type: 'plain_text_input', action_id: FIELD.tags, initial_value: (rule?.tags ?? [DEFAULT_TAG]).join(', ') }, true),
    input(FIELD.notify, 'Where to notify', { type: 'checkboxes', action_id: FIELD.notify, options: NOTIFY_OPTIONS, ...(notify.length ? { initial_options: notify } : {}) }, true),
    listInput(FIELD.emails, 'Also email (comma-separated addresses)', rule?.notify.email ?? [], ', '),
    input(FIELD.webhook, 'Also call a webhook', { type: 'url_text_input', action_id: FIELD.webhook, ...(rule?.notify.webhook ? { initial_value: rule.notify.webhook } : {}) }, true),
    input(FIELD.sla, 'Unclaimed after (minutes): remind the channel', {
      type: 'number_input',
      action_id: FIELD.sla,
      is_decimal_allowed: false,
      min_value: '1',
      max_value: String(24 * 60),
      ...(sla ? { initial_value: String(sla.minutes) } : {}),
    }, true),
    input(FIELD.slaFallback, 'After as long again', { type: 'static_select', action_id: FIELD.slaFallback, options: FALLBACK_OPTIONS, initial_option: FALLBACK_OPTIONS.find((o) => o.value === (sla?.fallback ?? 'none'))! }, true),
    input(FIELD.slaBackup, 'Backup channel', { type: 'conversations_select', action_id: FIELD.slaBackup, filter: { include: ['public', 'private'] }, ...(sla?.backupSlackChannel ? { initial_conversation: sla.backupSlackChannel } : {}) }, true),
  );
  return {
    type: 'modal',
    callback_id: RULE_EDITOR_CALLBACK,
    private_metadata: settingsMetadata({ botId: bot.id, revision: bot.revision, ruleIndex: index }),
    title: { type: 'plain_text', text: index === null ? 'New rule' : 'Edit rule' },
    submit: { type: 'plain_text', text: 'Save rule' },
    close: { type: 'plain_text', text: 'Back' },
    blocks,
  };
}

function input(blockId: string, label: string, element: InputBlock['element'], optional = false, hint?: string): KnownBlock {
  return { type: 'input', block_id: blockId, label: { type: 'plain_text', text: label }, optional, element, ...(hint ? { hint: { type: 'plain_text', text: hint } } : {}) };
}

/** Slack's text inputs hold at most this many characters (initial value included). */
export const TEXT_INPUT_MAX = 3000;

/**
 * A list as a text input. A list too long for one (50 long topics, 20 long
 * addresses) is not cut: the input starts empty and, left empty, keeps the
 * list as it is (see ruleFromForm).
 */
function listInput(blockId: string, label: string, items: readonly string[], separator: string): KnownBlock {
  const text = items.join(separator);
  const fits = text.length <= TEXT_INPUT_MAX;
  const element: InputBlock['element'] = { type: 'plain_text_input', action_id: blockId, multiline: separator === '\n', max_length: TEXT_INPUT_MAX, ...(fits && text ? { initial_value: text } : {}) };
  return input(blockId, label, element, true, fits ? undefined : `${items.length} entries, too long to show here: leave this empty to keep them as they are, or type the whole new list.`);
}

/** The rule being edited, for what the form does not show (kept as it was). */
export function ruleUnderEdit(bot: Bot, index: number | null): HandoverRule | undefined {
  return index === null ? undefined : bot.rules[index];
}
