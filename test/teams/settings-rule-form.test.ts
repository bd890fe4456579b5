import { describe, expect, it } from 'vitest';
import { formValuesOfRule, parseDueIn, ruleOfFormValues, formatDueIn } from '../../adapters/teams/settings-rule-form.js';
import { handoverRuleSchema } from '../../src/rules/handover-rule-schema.js';

const rule = handoverRuleSchema.parse({
  name: 'Disputes',
  triggers: ['sensitive_topic', 'failed_resolution'],
  sensitiveTopics: ['chargeback', 'legal'],
  assign: { mode: 'auto' },
  task: { note: 'Check the payment', dueInMinutes: 90 },
  tags: ['billing', 'vip'],
  notify: { slack: false, teams: true, email: ['lead@example.com'], webhook: 'https://hooks.example.com/x' },
  sla: { minutes: 20, fallback: 'auto' },
  resumeBotAfterQuietMinutes: 60,
});

describe('the rule editor’s inputs', () => {
  it('give back the rule they were filled from, unchanged', () => {
    const values = formValuesOfRule(rule, 4);
    expect(values).toMatchObject({ triggers: 'sensitive_topic,failed_resolution', sensitiveTopics: 'chargeback\nlegal', taskDue: '90m', tags: 'billing, vip', failedTurns: '4', notifySlack: 'false' });
    expect(ruleOfFormValues(values, [])).toEqual({ ok: { rule, person: null, failedTurnsBeforeHandover: 4 } });
  });

  it('read the task’s due time as people write it', () => {
    expect([parseDueIn('30m'), parseDueIn('2h'), parseDueIn('1d'), parseDueIn('45'), parseDueIn('3 hours'), parseDueIn('soon'), parseDueIn('-1h')]).toEqual([30, 120, 1440, 45, 180, null, null]);
    expect([formatDueIn(1440), formatDueIn(120), formatDueIn(90)]).toEqual(['1d', '2h', '90m']);
  });

  it('name the field of each mistake', () => {
    const values = { ...formValuesOfRule(rule, 2), name: ' ', triggers: 'contact_request,telepathy', failedTurns: '0', slaMinutes: 'ten', slaFallback: 'backup', tags: 'ok, not ok!', notifyEmails: 'a@b.example, nope' };
    const result = ruleOfFormValues(values, []);
    expect('errors' in result && result.errors).toEqual({
      name: 'give the rule a name',
      triggers: '"telepathy" is not a scenario',
      failedTurns: 'a whole number from 1 to 20',
      slaMinutes: 'a whole number of minutes, or empty for no SLA',
      tags: 'a tag is 1-40 letters, digits, "_" or "-"',
      notifyEmails: expect.any(String),
    });
  });

  it('need the person when the rule assigns to one, typed or picked', () => {
    const values = { ...formValuesOfRule(rule, 2), assign: 'user', assignStaff: '', assignOther: '' };
    expect(ruleOfFormValues(values, [])).toEqual({ errors: { assignStaff: 'pick the person, or type their email or Teams id below' } });
    const typed = ruleOfFormValues({ ...values, assignStaff: 'aad-1', assignOther: ' ana@example.com ' }, []);
    expect('ok' in typed && typed.ok.person).toBe('ana@example.com');
    const picked = ruleOfFormValues({ ...values, assignStaff: 'aad-1' }, []);
    expect('ok' in picked && picked.ok.rule.assign).toEqual({ mode: 'user', staff: 'aad-1' });
  });

  it('carry the CSAT switch: on by default, off when unticked, on for a card sent before the switch existed', () => {
    const values = formValuesOfRule(rule, 2);
    expect(values.csat).toBe('true');
    const off = ruleOfFormValues({ ...values, csat: 'false' }, []);
    expect('ok' in off && off.ok.rule.csat).toBe(false);
    const older = ruleOfFormValues({ ...values, csat: '' }, []);
    expect('ok' in older && older.ok.rule.csat).toBe(true);
    expect(formValuesOfRule(handoverRuleSchema.parse({ ...rule, csat: false }), 2).csat).toBe('false');
  });

  it('refuse a name another rule of the bot has', () => {
    expect(ruleOfFormValues(formValuesOfRule(rule, 2), ['Disputes'])).toEqual({ errors: { name: 'another rule is already named "Disputes"' } });
  });
});
