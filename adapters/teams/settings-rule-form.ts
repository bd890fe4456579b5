import { z } from 'zod';
import { cardInputsSchema } from './card-inputs-schema.js';
import { DEFAULT_CLOSING_MESSAGE, DEFAULT_TAG, DEFAULT_TASK_DUE_MINUTES, handoverRuleSchema } from '../../src/rules/handover-rule-schema.js';
import { DEFAULT_SENSITIVE_TOPICS } from '../../src/detection/sensitive-topic.js';
import { TRIGGERS, type HandoverRule } from '../../src/types.js';

/**
 * The rule editor card's inputs as Teams sends them back with
 * Action.Execute: every value a string (toggles "true"/"false", a
 * multi-select "a,b"), keyed by the input's id.
 */
export interface RuleFormValues {
  name: string;
  enabled: string;
  triggers: string;
  failedTurns: string;
  sensitiveTopics: string;
  assign: string;
  assignStaff: string;
  assignOther: string;
  taskEnabled: string;
  taskNote: string;
  taskDue: string;
  closingMessage: string;
  pauseBot: string;
  tags: string;
  notifySlack: string;
  notifyTeams: string;
  notifyEmails: string;
  notifyWebhook: string;
  slaMinutes: string;
  slaFallback: string;
  slaBackupChannel: string;
  resumeAfter: string;
  csat: string;
}

export type RuleField = keyof RuleFormValues;
/** A message per input, shown next to it in the refreshed card. */
export type FieldErrors = Partial<Record<RuleField, string>>;

export const TRIGGER_CHOICES: ReadonlyArray<{ value: (typeof TRIGGERS)[number]; title: string }> = [
  { value: 'contact_request', title: 'The customer asks for a person' },
  { value: 'lack_of_information', title: 'The bot has no answer (lack of information)' },
  { value: 'failed_resolution', title: 'The bot failed to resolve it' },
  { value: 'sensitive_topic', title: 'A sensitive topic comes up' },
];

/** The most characters an invoke may carry per input: a little over what a rule may hold, so the refreshed card can show it back within Teams' size limit. */
export const RULE_FORM_MAX_CHARS: Readonly<Record<RuleField, number>> = {
  name: 100,
  enabled: 10,
  triggers: 200,
  failedTurns: 10,
  sensitiveTopics: 4200,
  assign: 10,
  assignStaff: 200,
  assignOther: 200,
  taskEnabled: 10,
  taskNote: 550,
  taskDue: 20,
  closingMessage: 1100,
  pauseBot: 10,
  tags: 900,
  notifySlack: 10,
  notifyTeams: 10,
  notifyEmails: 6500,
  notifyWebhook: 2050,
  slaMinutes: 10,
  slaFallback: 10,
  slaBackupChannel: 40,
  resumeAfter: 10,
  csat: 10,
};

/** What an invoke may carry for the rule editor; anything longer is refused before it is read. */
export const ruleFormSchema = cardInputsSchema(RULE_FORM_MAX_CHARS) satisfies z.ZodType<RuleFormValues, unknown>;

const flag = (value: boolean) => (value ? 'true' : 'false');

/** Minutes as the editor shows them: "1d", "2h", "45m". */
export function formatDueIn(minutes: number): string {
  if (minutes % (24 * 60) === 0) return `${minutes / (24 * 60)}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

/** "30m", "2h", "1d" or a bare number of minutes; null when it is none of those. */
export function parseDueIn(value: string): number | null {
  const match = /^(\d{1,6})\s*(m|min|mins|minutes?|h|hours?|d|days?)?$/i.exec(value.trim());
  if (!match) return null;
  const unit = (match[2] ?? 'm').toLowerCase()[0];
  return Number(match[1]) * (unit === 'd' ? 24 * 60 : unit === 'h' ? 60 : 1);
}

/** The editor's starting values: the rule's, or a new rule's defaults. */
export function formValuesOfRule(rule: HandoverRule | null, failedTurnsBeforeHandover: number, assignStaff = ''): RuleFormValues {
  const base = rule ?? handoverRuleSchema.parse({ name: 'New rule', triggers: ['contact_request'] });
  return {
    name: rule ? base.name : '',
    enabled: flag(base.enabled),
    triggers: base.triggers.join(','),
    failedTurns: String(failedTurnsBeforeHandover),
    sensitiveTopics: (rule ? base.sensitiveTopics : DEFAULT_SENSITIVE_TOPICS).join('\n'),
    assign: base.assign.mode,
    assignStaff,
    assignOther: '',
    taskEnabled: flag(base.task.enabled),
    taskNote: base.task.note,
    taskDue: formatDueIn(base.task.dueInMinutes ?? DEFAULT_TASK_DUE_MINUTES),
    closingMessage: base.closingMessage || DEFAULT_CLOSING_MESSAGE,
    pauseBot: flag(base.pauseBot),
    tags: (rule ? base.tags : [DEFAULT_TAG]).join(', '),
    notifySlack: flag(base.notify.slack),
    notifyTeams: flag(base.notify.teams),
    notifyEmails: base.notify.email.join(', '),
    notifyWebhook: base.notify.webhook ?? '',
    slaMinutes: base.sla ? String(base.sla.minutes) : '',
    slaFallback: base.sla?.fallback ?? 'none',
    slaBackupChannel: base.sla?.backupSlackChannel ?? '',
    resumeAfter: base.resumeBotAfterQuietMinutes ? String(base.resumeBotAfterQuietMinutes) : '',
    csat: flag(base.csat !== false),
  };
}

const list = (value: string, separator: RegExp) =>
  value
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);

/** A whole number, null when empty, NaN when not a number (the schema then names the field). */
const wholeNumber = (value: string): number | null => (value.trim() === '' ? null : /^\d{1,7}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);

/** Which input of the editor a schema issue's path (inside one rule) belongs to. */
export function fieldOfRulePath(path: ReadonlyArray<PropertyKey>): RuleField {
  const [first, second] = path;
  switch (first) {
    case 'sensitiveTopics':
      return 'sensitiveTopics';
    case 'assign':
      return 'assignStaff';
    case 'task':
      return second === 'dueInMinutes' ? 'taskDue' : 'taskNote';
    case 'notify':
      return second === 'webhook' ? 'notifyWebhook' : 'notifyEmails';
    case 'sla':
      return second === 'backupSlackChannel' || second === undefined ? 'slaBackupChannel' : 'slaMinutes';
    case 'resumeBotAfterQuietMinutes':
      return 'resumeAfter';
    case 'csat':
      return 'csat';
    case 'failedTurnsBeforeHandover':
      return 'failedTurns';
    case 'name':
    case 'triggers':
    case 'closingMessage':
    case 'tags':
      return first;
    default:
      return 'name';
  }
}

export interface SubmittedRule {
  rule: HandoverRule;
  /** The person the rule names, as picked or typed (assignment "person"); resolved through the roster before saving. */
  person: string | null;
  failedTurnsBeforeHandover: number;
}

/**
 * The rule the editor's inputs describe, checked by the same schema as the
 * config file, or a message per input to show next to it.
 */
export function ruleOfFormValues(values: RuleFormValues, otherRuleNames: readonly string[]): { ok: SubmittedRule } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const triggers = list(values.triggers, /,/);
  const unknownTrigger = triggers.find((trigger) => !(TRIGGERS as readonly string[]).includes(trigger));
  if (unknownTrigger) errors.triggers = `"${unknownTrigger}" is not a scenario`;
  const failedTurns = wholeNumber(values.failedTurns);
  if (failedTurns === null || !Number.isInteger(failedTurns) || failedTurns < 1 || failedTurns > 20) errors.failedTurns = 'a whole number from 1 to 20';
  const dueIn = parseDueIn(values.taskDue || formatDueIn(DEFAULT_TASK_DUE_MINUTES));
  if (dueIn === null) errors.taskDue = 'a duration such as 30m, 2h or 1d';
  const mode = values.assign || 'claim';
  if (!['claim', 'user', 'auto'].includes(mode)) errors.assign = 'pick claim, a person or auto-assign';
  const person = values.assignOther.trim() || values.assignStaff.trim() || null;
  if (mode === 'user' && !person) errors.assignStaff = 'pick the person, or type their email or Teams id below';
  const slaMinutes = wholeNumber(values.slaMinutes);
  const resumeAfter = wholeNumber(values.resumeAfter);
  if (Number.isNaN(slaMinutes)) errors.slaMinutes = 'a whole number of minutes, or empty for no SLA';
  if (Number.isNaN(resumeAfter)) errors.resumeAfter = 'a whole number of minutes, or empty for never';
  const name = values.name.trim();
  if (!name) errors.name = 'give the rule a name';
  else if (otherRuleNames.includes(name)) errors.name = `another rule is already named "${name}"`;

  const parsed = handoverRuleSchema.safeParse({
    name,
    enabled: values.enabled !== 'false',
    triggers,
    sensitiveTopics: list(values.sensitiveTopics, /[\n,]/),
    // the person is checked through the roster; here only that one is named
    assign: mode === 'user' ? { mode: 'user', staff: person ?? '' } : { mode: mode === 'auto' ? 'auto' : 'claim' },
    task: { enabled: values.taskEnabled === 'true', note: values.taskNote, dueInMinutes: dueIn ?? DEFAULT_TASK_DUE_MINUTES },
    closingMessage: values.closingMessage,
    pauseBot: values.pauseBot === 'true',
    tags: list(values.tags, /[,\s]+/),
    notify: { slack: values.notifySlack === 'true', teams: values.notifyTeams === 'true', email: list(values.notifyEmails, /[,;\s]+/), webhook: values.notifyWebhook.trim() || null },
    sla: slaMinutes === null ? null : { minutes: slaMinutes, fallback: values.slaFallback || 'none', backupSlackChannel: values.slaBackupChannel.trim() || null },
    resumeBotAfterQuietMinutes: resumeAfter,
    // a card sent before the switch existed carries none: the rule keeps asking
    csat: values.csat !== 'false',
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfRulePath(issue.path);
      if (field === 'triggers' && unknownTrigger) continue;
      if (field === 'assignStaff' && errors.assignStaff) continue;
      errors[field] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { ok: { rule: parsed.data as HandoverRule, person: mode === 'user' ? person : null, failedTurnsBeforeHandover: failedTurns! } };
}
