import { MAX_RULES_PER_BOT } from '../../src/rules/handover-rule-schema.js';
import type { Bot, HandoverRule } from '../../src/types.js';
import { describeBusinessHours } from '../../src/settings/describe-business-hours.js';
import { TRIGGER_CHOICES, formatDueIn } from './settings-rule-form.js';

/** The verbs of the settings cards' Action.Execute buttons (Universal Actions). */
export const SETTINGS_VERBS = {
  open: 'settings_open',
  switches: 'settings_switches',
  newRule: 'settings_rule_new',
  editRule: 'settings_rule_edit',
  saveRule: 'settings_rule_save',
  deleteRule: 'settings_rule_delete',
  moveRuleUp: 'settings_rule_up',
  editHours: 'settings_hours_edit',
  saveHours: 'settings_hours_save',
  saveCapacity: 'settings_capacity_save',
} as const;

/** A line under the heading: what just happened, or why nothing did. */
export interface CardNote {
  text: string;
  tone: 'good' | 'attention';
}

/** An Adaptive Card 1.5 (Universal Actions): Teams sends Action.Execute to the bot and shows the card it answers in place. */
export function adaptiveCard(body: unknown[], actions: unknown[] = []) {
  return { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.5', body, actions };
}

export function noteBlock(note: CardNote | null) {
  return note ? [{ type: 'TextBlock', text: note.text.slice(0, 1000), wrap: true, weight: 'Bolder', color: note.tone === 'good' ? 'Good' : 'Attention' }] : [];
}

/** What every settings action carries: which bot, and the revision the card showed (a stale one is detected). */
export function botActionData(bot: Bot, extra: Record<string, unknown> = {}) {
  return { botId: bot.id, revision: bot.revision ?? 0, ...extra };
}

/** A rule in one line of plain words. */
export function ruleSummary(rule: HandoverRule, personName: string | null): string {
  const scenarios = rule.triggers.map((trigger) => TRIGGER_CHOICES.find((choice) => choice.value === trigger)?.title.toLowerCase() ?? trigger).join('; ');
  const assignment = rule.assign.mode === 'user' ? `assigned to ${personName ?? rule.assign.staff}` : rule.assign.mode === 'auto' ? 'auto-assigned' : 'claimed from the channel';
  const parts = [
    `When ${scenarios}: ${assignment}`,
    rule.task.enabled ? `task "${rule.task.note}" due in ${formatDueIn(rule.task.dueInMinutes)}` : null,
    rule.pauseBot ? 'bot paused' : 'bot keeps answering',
    rule.tags.length ? `tags ${rule.tags.join(', ')}` : null,
    rule.sla ? `SLA ${rule.sla.minutes} min` : null,
    rule.csat === false ? 'no satisfaction question' : null,
  ];
  return `${rule.enabled ? '' : '(off) '}${parts.filter(Boolean).join(' · ')}`.slice(0, 400);
}

/** A field the save refused: its message next to it (errorMessage, and a red line Teams always shows). */
function withError(element: Record<string, unknown>, error: string | undefined) {
  return error ? [{ ...element, errorMessage: error }, { type: 'TextBlock', text: `⚠️ ${error}`, color: 'Attention', wrap: true, size: 'Small', spacing: 'None' }] : [element];
}

/** The business hours in a line with Edit hours, and the bot's staff capacity with its own Save. */
function hoursAndCapacity(bot: Bot, capacity: { value?: string; error?: string }) {
  const shown = capacity.value ?? (bot.staffCapacity ? String(bot.staffCapacity) : '');
  return [
    { type: 'TextBlock', text: `Business hours: ${describeBusinessHours(bot.businessHours)}`, wrap: true, separator: true, spacing: 'Medium' },
    { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Edit hours', verb: SETTINGS_VERBS.editHours, data: botActionData(bot), associatedInputs: 'None' }] },
    ...withError(
      {
        type: 'Input.Number',
        id: 'staffCapacity',
        label: 'Staff capacity: open conversations of this bot per person (empty: each person’s own limit)',
        min: 1,
        max: 100,
        placeholder: 'each person’s own',
        // a value outside min/max would stop Teams submitting the card's other buttons: the refusal names it instead
        ...(/^\d{1,3}$/.test(shown) && Number(shown) >= 1 && Number(shown) <= 100 ? { value: Number(shown) } : {}),
      },
      capacity.error,
    ),
    { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Save capacity', verb: SETTINGS_VERBS.saveCapacity, data: botActionData(bot) }] },
  ];
}

/**
 * A bot's settings as an Adaptive Card form: the Labs and Handover switches,
 * business hours and staff capacity, and its rules, each with Edit / Move
 * up / Delete, and Add rule.
 */
export function settingsCard(
  bot: Bot,
  options: { note?: CardNote | null; personNames?: ReadonlyMap<string, string>; capacity?: { value?: string; error?: string } } = {},
) {
  const rules = bot.rules.map((rule, index) => ({
    type: 'Container',
    separator: true,
    items: [
      { type: 'TextBlock', text: `${index + 1}. ${rule.name}`, weight: 'Bolder', wrap: true },
      {
        type: 'TextBlock',
        text: ruleSummary(rule, rule.assign.mode === 'user' ? (options.personNames?.get(rule.assign.staff) ?? null) : null),
        wrap: true,
        isSubtle: true,
        size: 'Small',
      },
      {
        type: 'ActionSet',
        actions: [
          { type: 'Action.Execute', title: 'Edit', verb: SETTINGS_VERBS.editRule, data: botActionData(bot, { index }), associatedInputs: 'None' },
          ...(index > 0 ? [{ type: 'Action.Execute', title: 'Move up', verb: SETTINGS_VERBS.moveRuleUp, data: botActionData(bot, { index }), associatedInputs: 'None' }] : []),
          { type: 'Action.Execute', title: 'Delete', verb: SETTINGS_VERBS.deleteRule, data: botActionData(bot, { index }), associatedInputs: 'None', style: 'destructive' },
        ],
      },
    ],
  }));
  const full = bot.rules.length >= MAX_RULES_PER_BOT;
  return adaptiveCard(
    [
      { type: 'TextBlock', text: `Handover settings — ${bot.name}`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: `Bot ${bot.id} · revision ${bot.revision ?? 0}`, isSubtle: true, size: 'Small', wrap: true },
      ...noteBlock(options.note ?? null),
      { type: 'Input.Toggle', id: 'labs', title: 'Labs (human handover is a Labs feature: it works only while Labs is on)', value: String(bot.labs), valueOn: 'true', valueOff: 'false' },
      { type: 'Input.Toggle', id: 'handover', title: 'Human handover', value: String(bot.handover), valueOn: 'true', valueOff: 'false' },
      { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Save switches', verb: SETTINGS_VERBS.switches, data: botActionData(bot) }] },
      ...hoursAndCapacity(bot, options.capacity ?? {}),
      {
        type: 'TextBlock',
        text: `Rules: ${bot.rules.length} of ${MAX_RULES_PER_BOT}. The first enabled rule whose scenario matches runs.`,
        wrap: true,
        separator: true,
        spacing: 'Medium',
      },
      ...(bot.rules.length === 0 ? [{ type: 'TextBlock', text: 'No rules yet: without one, nothing is handed over.', wrap: true, isSubtle: true }] : rules),
      ...(full ? [{ type: 'TextBlock', text: `A bot has at most ${MAX_RULES_PER_BOT} rules: delete one to add another.`, wrap: true, isSubtle: true }] : []),
    ],
    full ? [] : [{ type: 'Action.Execute', title: 'Add rule', verb: SETTINGS_VERBS.newRule, data: botActionData(bot), associatedInputs: 'None' }],
  );
}
