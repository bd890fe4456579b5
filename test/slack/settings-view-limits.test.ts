import { describe, expect, it } from 'vitest';
import { ruleEditorView } from '../../adapters/slack/rule-editor-view.js';
import { ruleFromForm } from '../../adapters/slack/rule-form-values.js';
import { settingsHomeView } from '../../adapters/slack/settings-home-view.js';
import { businessHoursFromForm } from '../../adapters/slack/business-hours-form-values.js';
import { businessHoursView } from '../../adapters/slack/business-hours-view.js';
import { settingsYamlView } from '../../adapters/slack/settings-yaml-view.js';
import { staffCapacityView } from '../../adapters/slack/staff-capacity-view.js';
import { businessHoursSchema } from '../../src/business-hours/business-hours-schema.js';
import { handoverRuleSchema, MAX_RULES_PER_BOT } from '../../src/rules/handover-rule-schema.js';
import { testBot } from '../support/test-bot.js';
import { blockKitProblems } from '../schemas/block-kit-limits.js';
import { formState } from './settings-payloads.js';

/** A rule at every limit the schema allows: the longest name, 50 long topics, 20 long addresses, 20 tags. */
function largestRule(i: number): Record<string, unknown> {
  return {
    name: `${i}<@U123>*_~&`.padEnd(80, 'x'),
    triggers: ['contact_request', 'sensitive_topic', 'failed_resolution', 'lack_of_information'],
    sensitiveTopics: Array.from({ length: 50 }, (_, t) => `topic ${t} `.padEnd(80, 'y')),
    assign: { mode: 'user', staff: 'U0123456789' },
    task: { enabled: true, note: 'n'.repeat(500), dueInMinutes: 60 * 24 * 365 },
    closingMessage: 'c'.repeat(1000),
    tags: Array.from({ length: 20 }, (_, t) => `tag${t}`.padEnd(40, 't')),
    notify: { slack: true, teams: true, email: Array.from({ length: 20 }, (_, e) => `${'p'.repeat(60)}${e}@example.com`), webhook: `https://example.com/${'h'.repeat(1900)}` },
    sla: { minutes: 1440, fallback: 'backup', backupSlackChannel: 'C0123456789' },
  };
}

describe('the settings views at the schema’s limits', () => {
  const bot = testBot(Array.from({ length: MAX_RULES_PER_BOT }, (_, i) => largestRule(i)), { id: 'a'.repeat(40), name: 'B'.repeat(200), revision: 123_456 });

  it('stay within Slack’s Block Kit limits: the settings, each rule’s editor, a new rule’s, the YAML view', () => {
    const views = [settingsHomeView(bot, 'n'.repeat(5000)), ruleEditorView(bot, null), ...bot.rules.map((_, i) => ruleEditorView(bot, i)), settingsYamlView(bot)];
    for (const view of views) expect(blockKitProblems({ view: view as never }), view.callback_id).toEqual([]);
    // too long to edit as YAML in Slack: said, rather than offered cut
    expect(JSON.stringify(settingsYamlView(bot))).not.toContain('rules_yaml');
    expect(JSON.stringify(settingsYamlView(bot))).toContain('edit them with the form');
  });

  it('keeps a list too long to show when the editor is saved without touching it', () => {
    const editor = ruleEditorView(bot, 0) as never;
    const form = ruleFromForm(formState(editor), bot.rules[0]);
    expect('rule' in form && handoverRuleSchema.parse(form.rule)).toMatchObject({ sensitiveTopics: bot.rules[0]!.sensitiveTopics, notify: { email: bot.rules[0]!.notify.email } });
  });

  it('keeps a person named by email when the editor is saved without picking someone else', () => {
    const byEmail = testBot([{ name: 'To Ana', triggers: ['contact_request'], assign: { mode: 'user', staff: 'ana@example.com' } }]);
    const editor = ruleEditorView(byEmail, 0) as never;
    expect(JSON.stringify(editor)).toContain('Now: ana@example.com');
    const form = ruleFromForm(formState(editor), byEmail.rules[0]);
    expect('rule' in form && form.rule.assign).toEqual({ mode: 'user', staff: 'ana@example.com' });
  });

  it('the business-hours and staff-capacity forms stay within the limits at the schema’s largest hours, and keep closed days too many to show', () => {
    const day = Array.from({ length: 6 }, (_, i) => [`${String(i * 3).padStart(2, '0')}:00`, `${String(i * 3 + 2).padStart(2, '0')}:30`]);
    const holidays = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    const businessHours = businessHoursSchema.parse({ timeZone: 'America/Argentina/ComodRivadavia', weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }, holidays });
    const largest = testBot([], { ...bot, businessHours, staffCapacity: 100 });
    for (const view of [settingsHomeView(largest, 'n'.repeat(5000)), businessHoursView(largest), staffCapacityView(largest)]) expect(blockKitProblems({ view: view as never }), view.callback_id).toEqual([]);
    const form = businessHoursFromForm(formState(businessHoursView(largest) as never), businessHours);
    expect(form).toEqual({ businessHours });
  });
});
