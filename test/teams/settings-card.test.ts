import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import { settingsCard } from '../../adapters/teams/settings-card.js';
import { ruleEditorCard } from '../../adapters/teams/settings-rule-editor-card.js';
import { RULE_FORM_MAX_CHARS, formValuesOfRule, type RuleFormValues } from '../../adapters/teams/settings-rule-form.js';
import { DEFAULT_CLOSING_MESSAGE, handoverRuleSchema } from '../../src/rules/handover-rule-schema.js';
import { settingsHistory } from '../../src/settings/settings-history.js';
import { testBot } from '../support/test-bot.js';
import { waitFor } from '../support/test-service.js';
import { CHANNEL, teamsMessage } from './connector-stand-in.js';
import { button, buttons, expectValidCard, filledIn, inputs, settingsCardDriver } from './settings-card-driver.js';
import { startTeamsService, type ConnectorStandIn } from '../support/teams-service.js';

// Universal Actions as Teams sends them: an `adaptiveCard/action` invoke whose
// value.action carries the button's verb and its data merged with the card's inputs.

let teams: Awaited<ReturnType<typeof startTeamsService>>;
let connector: ConnectorStandIn;
let service: RunningService;
const LEAD = { id: 'aad-lead', name: 'Lead' };
const DEPUTY = { id: 'aad-deputy', name: 'Dana' };
const STAFF = { id: 'aad-staff', name: 'Sam' };
const configBot = (id: string, rules: number) =>
  botConfigSchema.parse({ id, name: `Bot ${id}`, labs: true, rules: Array.from({ length: rules }, (_, i) => ({ name: `Rule ${i + 1}`, triggers: ['contact_request'] })) });

beforeAll(async () => {
  teams = await startTeamsService({ admins: [LEAD.id, DEPUTY.id], service: { botConfigs: [configBot('flow', 1), configBot('full', 5), configBot('checks', 1), configBot('race', 2), configBot('people', 0), configBot('guarded', 2), configBot('burst', 3), configBot('gone', 2)] } });
  ({ connector, service } = teams);
});
afterAll(() => teams?.stop());

const { click, settingsCardOf } = settingsCardDriver(
  () => service,
  () => connector,
  LEAD,
);
const text = (card: unknown) => JSON.stringify(card);
const botNow = async (botId: string) => (await service.ctx.bots.find(botId, { fresh: true }))!;
const settingsHistoryOf = (botId: string) => settingsHistory(service.ctx, botId, 'operator', 10);

describe('the Teams settings card', () => {
  it('shows the switches as toggles and the rules with Edit, Move up, Delete and Add rule', async () => {
    const card = await settingsCardOf('flow');
    const fields = inputs(card);
    expect(fields.get('labs')).toMatchObject({ type: 'Input.Toggle', value: 'true' });
    expect(fields.get('handover')).toMatchObject({ type: 'Input.Toggle', value: 'true' });
    expect(text(card)).toContain('1. Rule 1');
    expect(buttons(card).map((action) => action.title)).toEqual(['Save switches', 'Edit hours', 'Save capacity', 'Edit', 'Delete', 'Add rule']);
    // each button names the bot and the revision the card shows
    expect(button(card, 'Edit').data).toMatchObject({ botId: 'flow', revision: (await botNow('flow')).revision, index: 0 });
  });

  it('creates a rule with the form, edits it, moves it up and deletes it', async () => {
    let card = await settingsCardOf('flow');
    const editor = await click(button(card, 'Add rule'));
    const fields = inputs(editor);
    expect(fields.get('closingMessage')?.value).toBe(DEFAULT_CLOSING_MESSAGE);
    expect(fields.get('triggers')).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true });
    expect(fields.get('assign')?.choices.map((choice: { value: string }) => choice.value)).toEqual(['claim', 'user', 'auto']);
    expect(fields.get('failedTurns')).toMatchObject({ type: 'Input.Number' });
    expect(fields.get('sensitiveTopics')).toMatchObject({ type: 'Input.Text', isMultiline: true });

    card = await click(button(editor, 'Save rule'), {
      ...filledIn(editor),
      name: 'Sales leads',
      triggers: 'contact_request,sensitive_topic',
      sensitiveTopics: 'pricing\nenterprise plan',
      taskNote: 'Call the lead back',
      taskDue: '2h',
      pauseBot: 'false',
      tags: 'sales, lead',
      notifyEmails: 'sales@example.com',
      slaMinutes: '15',
      failedTurns: '3',
    });
    expect(text(card)).toContain('Saved: added rule \\"Sales leads\\" and set failed answers before handover to 3.');
    expect(text(card)).toContain('2. Sales leads');
    let bot = await botNow('flow');
    expect(bot.failedTurnsBeforeHandover).toBe(3);
    expect(bot.rules[1]).toMatchObject({
      name: 'Sales leads',
      triggers: ['contact_request', 'sensitive_topic'],
      sensitiveTopics: ['pricing', 'enterprise plan'],
      task: { enabled: true, note: 'Call the lead back', dueInMinutes: 120 },
      closingMessage: DEFAULT_CLOSING_MESSAGE,
      pauseBot: false,
      tags: ['sales', 'lead'],
      notify: { slack: true, teams: true, email: ['sales@example.com'], webhook: null },
      sla: { minutes: 15, fallback: 'none', backupSlackChannel: null },
    });

    const edit = await click(button(card, 'Edit', 1));
    expect(inputs(edit).get('name')?.value).toBe('Sales leads');
    expect(inputs(edit).get('taskDue')?.value).toBe('2h');
    card = await click(button(edit, 'Save rule'), { ...filledIn(edit), tags: 'sales', assign: 'auto' });
    expect(text(card)).toContain('Saved: changed rule \\"Sales leads\\".');
    bot = await botNow('flow');
    expect(bot.rules[1]).toMatchObject({ name: 'Sales leads', tags: ['sales'], assign: { mode: 'auto' }, sla: { minutes: 15 } });

    card = await click(button(card, 'Move up'));
    expect(text(card)).toContain('1. Sales leads');
    expect((await botNow('flow')).rules.map((rule) => rule.name)).toEqual(['Sales leads', 'Rule 1']);

    card = await click(button(card, 'Delete', 1));
    expect(text(card)).toContain('Saved: deleted rule \\"Rule 1\\".');
    expect((await botNow('flow')).rules.map((rule) => rule.name)).toEqual(['Sales leads']);
  });

  it('turns the switches off and on', async () => {
    const card = await settingsCardOf('flow');
    const saved = await click(button(card, 'Save switches'), { labs: 'true', handover: 'false' });
    expect(text(saved)).toContain('Saved: turned Handover off.');
    expect(inputs(saved).get('handover')?.value).toBe('false');
    expect((await botNow('flow')).handover).toBe(false);
    await click(button(saved, 'Save switches'), { labs: 'true', handover: 'true' });
    expect((await botNow('flow')).handover).toBe(true);
  });

  it('audits every change: history names who did what, newest first', async () => {
    const before = connector.calls.length;
    await teams.sendActivity(teamsMessage(connector.url, { text: 'history flow', from: STAFF }));
    const reply = await waitFor(async () => connector.calls.slice(before).find((call) => call.conversationId === CHANNEL && String(call.body?.text).includes('newest first')));
    const lines = String(reply.body.text).split('\n').slice(1).filter(Boolean);
    expect(lines.map((line) => line.replace(/^.*UTC — /, ''))).toEqual([
      '**Lead** turned Handover on',
      '**Lead** turned Handover off',
      '**Lead** deleted rule "Rule 1"',
      '**Lead** moved rule "Sales leads" up to position 1',
      '**Lead** changed rule "Sales leads"',
      '**Lead** added rule "Sales leads" and set failed answers before handover to 3',
    ]);
  });

  it('refuses a 7th rule', async () => {
    let card = await settingsCardOf('full');
    const editor = await click(button(card, 'Add rule'));
    card = await click(button(editor, 'Save rule'), { ...filledIn(editor), name: 'Sixth' });
    expect((await botNow('full')).rules).toHaveLength(6);
    // at six the form offers no Add rule
    expect(buttons(card).map((action) => action.title)).not.toContain('Add rule');
    expect(text(card)).toContain('A bot has at most 6 rules');

    // a card from before (or a hand-made invoke) cannot add one either
    const refused = await click(button(editor, 'Save rule'), { ...filledIn(editor), name: 'Seventh' });
    expect(text(refused)).toContain('changed these settings meanwhile (added rule \\"Sixth\\")');
    const stale = { verb: 'settings_rule_save', data: { botId: 'full', revision: (await botNow('full')).revision, index: -1 } };
    const limit = await click(stale, { ...filledIn(editor), name: 'Seventh' });
    expect(text(limit)).toContain('Not added: a bot has at most 6 rules');
    const opened = await click({ verb: 'settings_rule_new', data: { botId: 'full', revision: (await botNow('full')).revision } });
    expect(text(opened)).toContain('A bot has at most 6 rules');
    expect((await botNow('full')).rules.map((rule) => rule.name)).not.toContain('Seventh');
  });

  it('shows what to fix next to each field and saves nothing', async () => {
    const card = await settingsCardOf('checks');
    const editor = await click(button(card, 'Add rule'));
    const answer = await click(button(editor, 'Save rule'), {
      ...filledIn(editor),
      name: 'Rule 1',
      triggers: '',
      taskDue: 'soon',
      notifyWebhook: 'http://127.0.0.1/hook',
      notifyEmails: 'not-an-email',
    });
    const fields = inputs(answer);
    expect(text(answer)).toContain('Not saved: check the fields marked below.');
    expect(fields.get('name')?.errorMessage).toBe('another rule is already named "Rule 1"');
    expect(fields.get('triggers')?.errorMessage).toBe('a rule needs at least one trigger');
    expect(fields.get('taskDue')?.errorMessage).toBe('a duration such as 30m, 2h or 1d');
    expect(fields.get('notifyWebhook')?.errorMessage).toContain('internal address');
    expect(fields.get('notifyEmails')?.errorMessage).toBeTruthy();
    // also as a red line right under the field, which Teams always shows
    const body = text(answer);
    expect(body).toContain('"id":"taskDue","errorMessage":"a duration such as 30m, 2h or 1d"},{"type":"TextBlock","text":"⚠️ a duration such as 30m, 2h or 1d","color":"Attention"');
    // what was typed is kept
    expect(fields.get('taskDue')?.value).toBe('soon');
    expect((await botNow('checks')).rules.map((rule) => rule.name)).toEqual(['Rule 1']);
  });

  it('lets only admins change anything', async () => {
    const card = await settingsCardOf('guarded');
    const revision = (await botNow('guarded')).revision;
    for (const [action, inputs_] of [
      [button(card, 'Save switches'), { labs: 'false', handover: 'false' }],
      [button(card, 'Delete'), {}],
      [button(card, 'Move up'), {}],
      [button(card, 'Add rule'), {}],
      [{ verb: 'settings_rule_save', data: { botId: 'guarded', revision, index: -1 } }, { name: 'Sneaky', triggers: 'contact_request' }],
    ] as const) {
      const answer = await click(action, inputs_ as Record<string, string>, STAFF);
      expect(text(answer), action.verb).toContain('Only workspace admins');
    }
    const bot = await botNow('guarded');
    expect(bot).toMatchObject({ labs: true, handover: true, revision });
    expect(bot.rules.map((rule) => rule.name)).toEqual(['Rule 1', 'Rule 2']);
    // and the settings command itself
    await teams.sendActivity(teamsMessage(connector.url, { text: 'settings guarded', from: STAFF }));
    await waitFor(async () => connector.calls.find((call) => call.conversationId === CHANNEL && String(call.body?.text).includes('Only workspace admins')));
  });

  it('detects two admins editing at once and tells the second who changed what', async () => {
    const leadCard = await settingsCardOf('race');
    const deputyCard = await settingsCardOf('race', DEPUTY);
    const deputyEditor = await click(button(deputyCard, 'Edit', 1), {}, DEPUTY);

    await click(button(leadCard, 'Move up'));
    expect((await botNow('race')).rules.map((rule) => rule.name)).toEqual(['Rule 2', 'Rule 1']);

    const late = await click(button(deputyEditor, 'Save rule'), { ...filledIn(deputyEditor), name: 'Renamed' }, DEPUTY);
    expect(text(late)).toContain('Not saved: Lead changed these settings meanwhile (moved rule \\"Rule 2\\" up to position 1)');
    // the card now shows the settings as they are, at their current revision
    expect(button(late, 'Edit').data.revision).toBe((await botNow('race')).revision);
    const lateDelete = await click(button(deputyCard, 'Delete'), {}, DEPUTY);
    expect(text(lateDelete)).toContain('changed these settings meanwhile');
    expect((await botNow('race')).rules.map((rule) => rule.name)).toEqual(['Rule 2', 'Rule 1']);
  });
});

describe('an editor left open while the rule is deleted', () => {
  it('saves nothing and says who deleted it', async () => {
    const card = await settingsCardOf('gone');
    const editor = await click(button(card, 'Edit', 1), {}, DEPUTY);
    await click(button(card, 'Delete', 1));
    const late = await click(button(editor, 'Save rule'), { ...filledIn(editor), tags: 'late' }, DEPUTY);
    expect(text(late)).toContain('Not saved: Lead changed these settings meanwhile (deleted rule \\"Rule 2\\")');
    expect((await botNow('gone')).rules.map((rule) => [rule.name, rule.tags])).toEqual([['Rule 1', ['human_handover']]]);
  });
});

describe('simultaneous clicks on cards of one revision', () => {
  it('save exactly one change and tell every other clicker who made it', async () => {
    const card = await settingsCardOf('burst');
    const clicks = [
      click(button(card, 'Delete', 0), {}, LEAD),
      click(button(card, 'Move up', 1), {}, DEPUTY),
      click(button(card, 'Delete', 2), {}, LEAD),
      click(button(card, 'Move up', 0), {}, DEPUTY),
      click(button(card, 'Save switches'), { labs: 'true', handover: 'false' }, LEAD),
    ];
    const answers = (await Promise.all(clicks)).map(text);
    const saved = answers.filter((answer) => answer.includes('Saved:'));
    expect(saved).toHaveLength(1);
    expect(answers.filter((answer) => answer.includes('changed these settings meanwhile'))).toHaveLength(4);
    const bot = await botNow('burst');
    expect(bot.revision).toBe(button(card, 'Edit').data.revision as number + 1);
    const history = await settingsHistoryOf('burst');
    expect(history).toHaveLength(1);
    // every refusal names the change that was saved
    for (const answer of answers.filter((answer) => !answer.includes('Saved:'))) expect(answer).toContain(history[0]!.summary.replace(/"/g, '\\"'));
  });
});

describe('a rule that names a Teams member', () => {
  it('finds them in the team roster when saved, though they never used Handover, and assigns them when it fires', async () => {
    connector.addMember({ id: '29:ana', name: 'Ana Lima', aadObjectId: 'aad-ana-lima', email: 'ana@example.com', userPrincipalName: 'ana@example.com' });
    const card = await settingsCardOf('people');
    const editor = await click(button(card, 'Add rule'));
    const saved = await click(button(editor, 'Save rule'), { ...filledIn(editor), name: 'To Ana', triggers: 'contact_request', assign: 'user', assignOther: 'ana@example.com' });
    expect(text(saved)).toContain('Saved: added rule \\"To Ana\\".');
    expect(text(saved)).toContain('assigned to Ana Lima');
    const rule = (await botNow('people')).rules[0]!;
    expect(rule.assign).toEqual({ mode: 'user', staff: 'aad-ana-lima' });

    const turn = await fetch(`${service.url}/api/v1/bots/people/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'I want to talk to a human' }) });
    expect((await turn.json()).assignee).toMatchObject({ name: 'Ana Lima' });

    // the person picker now lists her
    const again = await click(button(saved, 'Edit'));
    expect(inputs(again).get('assignStaff')).toMatchObject({ value: 'aad-ana-lima' });
    expect(inputs(again).get('assignStaff')?.choices).toContainEqual({ title: 'Ana Lima (ana@example.com)', value: 'aad-ana-lima' });
  });

  it('refuses, next to the field, someone the roster does not know', async () => {
    const card = await settingsCardOf('people');
    const editor = await click(button(card, 'Add rule'));
    const answer = await click(button(editor, 'Save rule'), { ...filledIn(editor), name: 'To nobody', assign: 'user', assignOther: 'nobody@example.com' });
    expect(inputs(answer).get('assignOther')?.errorMessage).toBe('Nobody "nobody@example.com" was found in this team: pick a member of the team.');
    const picked = await click(button(editor, 'Save rule'), { ...filledIn(editor), name: 'To nobody', assign: 'user', assignStaff: '' });
    expect(text(picked)).toContain('⚠️ pick the person, or type their email or Teams id below');
    expect((await botNow('people')).rules.map((rule) => rule.name)).toEqual(['To Ana']);
  });

  it('says so, and saves nothing, when the roster cannot be read', async () => {
    const card = await settingsCardOf('people');
    const editor = await click(button(card, 'Add rule'));
    connector.roster.refused = true;
    try {
      const answer = await click(button(editor, 'Save rule'), { ...filledIn(editor), name: 'To Bea', assign: 'user', assignOther: 'bea@example.com' });
      expect(text(answer)).toContain('Not saved: Teams did not tell us who that is just now. Try again in a moment.');
      expect(inputs(answer).get('assignOther')?.value).toBe('bea@example.com');
    } finally {
      connector.roster.refused = false;
    }
    expect((await botNow('people')).rules.map((rule) => rule.name)).toEqual(['To Ana']);
  });
});

describe('personal notification preferences', () => {
  it('are a card in the 1:1 chat whose toggles save', async () => {
    const kim = { id: 'aad-kim', name: 'Kim' };
    const personal = { ...teamsMessage(connector.url, { text: 'preferences', from: kim, conversationId: 'a:kim-personal' }), conversation: { id: 'a:kim-personal', conversationType: 'personal', tenantId: 't1' } };
    await teams.sendActivity(personal);
    const post = await waitFor(async () => connector.calls.find((call) => call.conversationId === 'a:kim-personal' && call.body?.attachments?.length));
    const card = expectValidCard(post.body.attachments[0].content);
    expect(inputs(card).get('notifyOnConversationAssigned')).toMatchObject({ type: 'Input.Toggle', title: 'When a conversation gets assigned to me', value: 'true' });
    expect(inputs(card).get('notifyOnTaskAssigned')).toMatchObject({ type: 'Input.Toggle', title: 'When a task gets assigned to me', value: 'true' });

    const saved = await click(button(card, 'Save'), { notifyOnConversationAssigned: 'false', notifyOnTaskAssigned: 'true', available: 'false' }, kim);
    expect(text(saved)).toContain('Saved.');
    expect(inputs(saved).get('notifyOnConversationAssigned')?.value).toBe('false');
    const staff = await service.ctx.staff.findInTenant(kim.id, 'operator');
    expect(staff).toMatchObject({ notifyOnConversationAssigned: false, notifyOnTaskAssigned: true, available: false });
  });

  it('are not shown in a channel, where everyone would see them', async () => {
    await teams.sendActivity(teamsMessage(connector.url, { text: 'preferences', from: STAFF }));
    await waitFor(async () => connector.calls.find((call) => call.conversationId === CHANNEL && String(call.body?.text).includes('in our 1:1 chat')));
  });
});

describe('the settings cards at their largest', () => {
  it('stay within what Teams takes (28 KB) and validate, with every field at its longest', () => {
    const rule = handoverRuleSchema.parse({
      name: 'x'.repeat(80),
      triggers: ['contact_request', 'sensitive_topic', 'failed_resolution', 'lack_of_information'],
      sensitiveTopics: Array.from({ length: 50 }, (_, i) => `${'t'.repeat(78)}${i}`.slice(0, 80)),
      closingMessage: 'c'.repeat(1000),
      tags: Array.from({ length: 20 }, (_, i) => `${'g'.repeat(38)}${i}`.slice(0, 40)),
      notify: { email: Array.from({ length: 20 }, (_, i) => `person${i}@${'e'.repeat(60)}.example.com`), webhook: `https://example.com/${'w'.repeat(1900)}` },
      task: { note: 'n'.repeat(500) },
      sla: { minutes: 30, fallback: 'backup', backupSlackChannel: 'C0123456789' },
    });
    const bot = testBot([], { id: 'big', name: 'B'.repeat(80), rules: Array.from({ length: 6 }, (_, i) => ({ ...rule, name: `${rule.name.slice(0, 78)}${i}` })) });
    const staff = Array.from({ length: 500 }, (_, i) => ({ title: `Person ${i} (${'p'.repeat(60)}@example.com)`, value: `${'0'.repeat(30)}${i}` }));
    const errors = Object.fromEntries(Object.keys(formValuesOfRule(rule, 2)).map((field) => [field, 'e'.repeat(120)]));
    for (const card of [settingsCard(bot), ruleEditorCard(bot, { index: 5, values: formValuesOfRule(rule, 2, staff[0]!.value), staffChoices: staff, errors })]) {
      expectValidCard(card);
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
    }
  });

  it('stay within 28 KB when the longest input the editor accepts comes back with an error on every field', () => {
    const longest = Object.fromEntries(
      Object.entries(RULE_FORM_MAX_CHARS).map(([field, max]) => [field, 'x'.repeat(max)]),
    ) as unknown as RuleFormValues;
    const errors = Object.fromEntries(Object.keys(longest).map((field) => [field, 'e'.repeat(120)]));
    const staff = Array.from({ length: 500 }, (_, i) => ({ title: `Person ${i}`, value: `aad-${i}` }));
    expect(JSON.stringify(longest).length).toBeGreaterThan(15_000);
    const card = ruleEditorCard(testBot([]), { index: null, values: longest, staffChoices: staff, errors });
    expectValidCard(card);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
  });
});
