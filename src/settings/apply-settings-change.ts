import { InvalidInputError, NotFoundError, RuleLimitError } from '../errors.js';
import { handoverRuleSchema, handoverRulesSchema, MAX_RULES_PER_BOT } from '../rules/handover-rule-schema.js';
import { businessHoursSchema } from '../business-hours/business-hours-schema.js';
import { botConfigSchema } from '../config/bot-config-file.js';
import type { Bot, BusinessHours, HandoverRule } from '../types.js';
import type { SettingsChange } from './settings-change.js';

export type BotSettings = Pick<Bot, 'labs' | 'handover' | 'rules' | 'failedTurnsBeforeHandover' | 'staffCapacity' | 'businessHours'>;

/** What is wrong with a rule a form submitted, by field (the path inside the rule, as zod names it). */
export interface RuleIssue {
  path: Array<string | number>;
  message: string;
}

/** A rule a form submitted that cannot be saved as it is: each issue names its field, for the form to show next to it. */
export class RuleInvalidError extends InvalidInputError {
  /** subject: what cannot be saved, in words ("the business hours"). */
  constructor(
    readonly issues: RuleIssue[],
    subject = 'the rule',
  ) {
    super(`${subject} cannot be saved: ${issues.map((issue) => `${issue.path.join('.') || 'rule'}: ${issue.message}`).join('; ')}`);
  }
}

/** The settings a change leads to, validated as the config file's are (a 7th rule is a RuleLimitError). */
export function applySettingsChange(botId: string, before: BotSettings, change: SettingsChange): BotSettings {
  const rules = [...before.rules];
  const ruleAt = (index: number) => {
    if (!Number.isInteger(index) || index < 0 || index >= rules.length) throw new NotFoundError(`rule ${index + 1} of bot "${botId}"`);
    return rules[index]!;
  };
  switch (change.kind) {
    case 'switches':
      return { ...before, labs: change.labs ?? before.labs, handover: change.handover ?? before.handover, rules };
    case 'addRule':
      if (rules.length >= MAX_RULES_PER_BOT) throw new RuleLimitError(botId, MAX_RULES_PER_BOT);
      rules.push(validRule(change.rule, rules));
      return { ...before, rules, failedTurnsBeforeHandover: validFailedTurns(change.failedTurnsBeforeHandover, before.failedTurnsBeforeHandover) };
    case 'editRule':
      ruleAt(change.index);
      rules[change.index] = validRule(change.rule, rules.filter((_, i) => i !== change.index));
      return { ...before, rules, failedTurnsBeforeHandover: validFailedTurns(change.failedTurnsBeforeHandover, before.failedTurnsBeforeHandover) };
    case 'replaceRules': {
      if (change.rules.length > MAX_RULES_PER_BOT) throw new RuleLimitError(botId, MAX_RULES_PER_BOT);
      const parsed = handoverRulesSchema.safeParse(change.rules);
      if (!parsed.success) throw new RuleInvalidError(parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })));
      return { ...before, rules: parsed.data as HandoverRule[] };
    }
    case 'deleteRule':
      ruleAt(change.index);
      rules.splice(change.index, 1);
      return { ...before, rules };
    case 'businessHours':
      return { ...before, rules, businessHours: validBusinessHours(change.businessHours) };
    case 'staffCapacity': {
      const parsed = botConfigSchema.shape.staffCapacity.safeParse(change.staffCapacity);
      if (!parsed.success) throw new RuleInvalidError([{ path: ['staffCapacity'], message: 'a whole number of conversations from 1 to 100 (empty: each person’s own limit)' }], 'the staff capacity');
      return { ...before, rules, staffCapacity: parsed.data };
    }
    case 'moveRuleUp': {
      const rule = ruleAt(change.index);
      if (change.index === 0) throw new InvalidInputError(`rule "${rule.name}" is already the first`);
      rules[change.index] = rules[change.index - 1]!;
      rules[change.index - 1] = rule;
      return { ...before, rules };
    }
  }
}

/** A submitted rule with its defaults filled in, or a RuleInvalidError naming each field at fault. */
function validRule(rule: HandoverRule, others: HandoverRule[]): HandoverRule {
  const parsed = handoverRuleSchema.safeParse(rule);
  const issues: RuleIssue[] = parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)), message: issue.message }));
  const name = typeof rule.name === 'string' ? rule.name.trim() : '';
  if (name && others.some((other) => other.name === name)) issues.push({ path: ['name'], message: `another rule is already named "${name}"` });
  if (issues.length > 0 || !parsed.success) throw new RuleInvalidError(issues);
  return parsed.data as HandoverRule;
}

/** As the config file allows: 1-20 failed answers before the failed-resolution trigger. */
function validFailedTurns(value: number | undefined, current: number): number {
  if (value === undefined) return current;
  if (!Number.isInteger(value) || value < 1 || value > 20) throw new RuleInvalidError([{ path: ['failedTurnsBeforeHandover'], message: 'between 1 and 20 failed answers' }]);
  return value;
}

/**
 * Business hours a form submitted, checked by the config file's schema so
 * form and file accept the same; issues name their field inside the hours
 * (['timeZone'], ['weekly', 'mon', 0], ['holidays', 2]).
 */
function validBusinessHours(hours: BusinessHours | null): BusinessHours | null {
  if (hours === null) return null;
  const written = { ...hours, weekly: Object.fromEntries(Object.entries(hours.weekly).map(([day, ranges]) => [day, (ranges ?? []).map((range) => [range.from, range.to])])) };
  const parsed = businessHoursSchema.safeParse(written);
  if (!parsed.success) throw new RuleInvalidError(parsed.error.issues.map((issue) => ({ path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)), message: issue.message })), 'the business hours');
  return parsed.data;
}
