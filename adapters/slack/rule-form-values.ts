import type { HandoverRule } from '../../src/types.js';
import type { RuleIssue } from '../../src/settings/apply-settings-change.js';
import { FIELD, TEXT_INPUT_MAX } from './rule-editor-view.js';

/** One input's state as Slack sends it in a view_submission (`view.state.values[block_id][action_id]`). */
interface InputState {
  type?: string;
  value?: string | null;
  selected_options?: Array<{ value: string }>;
  selected_option?: { value: string } | null;
  selected_user?: string | null;
  selected_conversation?: string | null;
}
export type ViewStateValues = Record<string, Record<string, InputState>>;

export type RuleForm =
  | { rule: HandoverRule; failedTurnsBeforeHandover?: number }
  /** Block id → what to fix, shown under the field (response_action: errors). */
  | { errors: Record<string, string> };

const list = (text: string | null | undefined, separator: RegExp) =>
  (text ?? '')
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * The rule a submitted editor describes, on top of the rule it edits (fields
 * the form does not show are kept). What only the form can tell (a person
 * to pick, a number that is not one) is checked here; the rest by the
 * domain's schema, whose issues `fieldErrors` puts next to their fields.
 */
export function ruleFromForm(values: ViewStateValues, base: HandoverRule | undefined): RuleForm {
  const at = (field: string): InputState => values[field]?.[field] ?? {};
  const text = (field: string) => at(field).value ?? '';
  const checked = (field: string) => (at(field).selected_options ?? []).map((option) => option.value);
  const errors: Record<string, string> = {};
  const number = (field: string, fallback: number | null): number | null => {
    const raw = text(field).trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value)) errors[field] = 'A whole number, please.';
    return value;
  };

  const triggers = checked(FIELD.triggers);
  // a list too long to show was offered empty (rule-editor-view.ts listInput): left empty, it stays as it was
  const keptIfEmpty = (items: string[], kept: string[] | undefined, separator: string) =>
    items.length === 0 && kept && kept.join(separator).length > TEXT_INPUT_MAX ? kept : items;
  const sensitiveTopics = keptIfEmpty(list(text(FIELD.topics), /\n/), base?.sensitiveTopics, '\n');
  if (triggers.includes('sensitive_topic') && sensitiveTopics.length === 0) errors[FIELD.topics] = 'List at least one topic, one a line.';
  const mode = at(FIELD.assign).selected_option?.value ?? 'claim';
  // a person named by email or staff id (config file) has no Slack user to preselect: kept unless someone is picked
  const person = at(FIELD.assignee).selected_user ?? (base?.assign.mode === 'user' ? base.assign.staff : null);
  if (mode === 'user' && !person) errors[FIELD.assignee] = 'Pick the person who gets these conversations.';
  const assign = mode === 'user' ? { mode: 'user' as const, staff: person ?? '' } : mode === 'auto' ? { mode: 'auto' as const } : { mode: 'claim' as const };
  const slaMinutes = number(FIELD.sla, null);
  const fallback = (at(FIELD.slaFallback).selected_option?.value ?? 'none') as 'none' | 'auto' | 'backup';
  const failedTurns = number(FIELD.failedTurns, null);
  const dueInMinutes = number(FIELD.taskDue, base?.task.dueInMinutes ?? 24 * 60);
  if (Object.keys(errors).length > 0) return { errors };

  const rule = {
    ...base,
    name: text(FIELD.name),
    enabled: checked(FIELD.enabled).includes('on'),
    triggers: triggers as HandoverRule['triggers'],
    sensitiveTopics,
    assign,
    task: { enabled: checked(FIELD.task).includes('on'), note: text(FIELD.taskNote), dueInMinutes: dueInMinutes! },
    closingMessage: text(FIELD.closing),
    pauseBot: checked(FIELD.pause).includes('on'),
    // an editor opened before the switch existed keeps the rule's
    csat: FIELD.csat in values ? checked(FIELD.csat).includes('on') : (base?.csat ?? true),
    tags: list(text(FIELD.tags), /[,\s]+/),
    notify: {
      slack: checked(FIELD.notify).includes('slack'),
      teams: checked(FIELD.notify).includes('teams'),
      email: keptIfEmpty(list(text(FIELD.emails), /[,\s;]+/), base?.notify.email, ', '),
      webhook: text(FIELD.webhook).trim() || null,
    },
    sla: slaMinutes === null ? null : { minutes: slaMinutes, fallback, backupSlackChannel: at(FIELD.slaBackup).selected_conversation ?? null },
  } satisfies HandoverRule;
  return failedTurns === null ? { rule } : { rule, failedTurnsBeforeHandover: failedTurns };
}

/** Where each of the domain's rule issues shows in the editor: the first issue per field, short enough for Slack's error line. */
export function fieldErrors(issues: RuleIssue[], rule: Pick<HandoverRule, 'assign'>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const block = blockOf(issue.path, rule);
    errors[block] ??= sentence(issue.message).slice(0, 150);
  }
  return errors;
}

function blockOf([field, inner]: RuleIssue['path'], rule: Pick<HandoverRule, 'assign'>): string {
  switch (field) {
    case 'name':
      return FIELD.name;
    case 'enabled':
      return FIELD.enabled;
    case 'triggers':
      return FIELD.triggers;
    case 'sensitiveTopics':
      return FIELD.topics;
    case 'assign':
      return rule.assign.mode === 'user' ? FIELD.assignee : FIELD.assign;
    case 'task':
      return inner === 'note' ? FIELD.taskNote : inner === 'dueInMinutes' ? FIELD.taskDue : FIELD.task;
    case 'closingMessage':
      return FIELD.closing;
    case 'pauseBot':
      return FIELD.pause;
    case 'csat':
      return FIELD.csat;
    case 'tags':
      return FIELD.tags;
    case 'notify':
      return inner === 'email' ? FIELD.emails : inner === 'webhook' ? FIELD.webhook : FIELD.notify;
    case 'sla':
      return inner === 'minutes' ? FIELD.sla : inner === 'fallback' ? FIELD.slaFallback : FIELD.slaBackup;
    case 'failedTurnsBeforeHandover':
      return FIELD.failedTurns;
    default:
      return FIELD.name;
  }
}

function sentence(message: string): string {
  return message ? message[0]!.toUpperCase() + message.slice(1) : 'Check this field.';
}
