import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { ruleEditorView } from '../../adapters/slack/rule-editor-view.js';
import { DEFAULT_CLOSING_MESSAGE, handoverRuleSchema } from '../../src/rules/handover-rule-schema.js';
import type { HandoverRule } from '../../src/types.js';
import { startSlackService, type SlackStandIn } from '../support/slack-service.js';
import { storedBot, storedConversation, storedStaff } from '../support/stored-state.js';
import { api } from '../support/test-service.js';
import { chosen, formState, openedView, viewActionBody, type User } from './settings-payloads.js';
import { postToSlackEndpoint, type SlackCall } from './slack-stand-in.js';
import { settingsModalDriver } from './settings-modal-driver.js';

const form = 'application/x-www-form-urlencoded';
const CHANNEL = 'C0SETTINGS1';
const lead: User = { id: 'U_ADMIN_LEAD', name: 'lead' };
const other: User = { id: 'U_ADMIN_OTHER', name: 'other' };
const staffer: User = { id: 'U_STAFF9', name: 'staffer' };
let slack: SlackStandIn;
let service: RunningService;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ slack, service, stop } = await startSlackService());
});
afterAll(() => stop?.());
// every view and message the tests made Handover produce stays within Slack's limits
afterEach(() => expectWithinBlockKitLimits());

const rule = (name: string, extra: Record<string, unknown> = {}) => handoverRuleSchema.parse({ name, triggers: ['contact_request'], ...extra }) as HandoverRule;
async function newBot(id: string, rules: HandoverRule[] = []) {
  await service.ctx.bots.create({ id, name: `Bot ${id}`, tenant: 'operator', labs: true, handover: true, slackChannel: CHANNEL, rules });
}
const ruleNames = async (botId: string) => (await storedBot(service, botId))!.rules.map((r) => r.name);

const { nextCall, newViewId, command, openSettings, submit, expectWithinBlockKitLimits } = settingsModalDriver(() => ({ service, slack }), CHANNEL, lead);

/** Clicks in a settings view; what Slack was then asked to do with that view (update) or over it (push). */
async function click(view: Record<string, any>, actionId: string, user: User, action: Record<string, unknown>, then: 'views.update' | 'views.push') {
  const done = nextCall(then, (call) => then === 'views.push' || call.args.view_id === view.id);
  const response = await postToSlackEndpoint(service.url, viewActionBody(view, actionId, user, action), form);
  expect(response.status).toBe(200);
  const call = await done();
  return then === 'views.push' ? openedView(call, newViewId(), { root: view.root_view_id, previous: view.id }) : openedView(call, view.id, { root: view.root_view_id });
}


const text = (view: Record<string, any>) => JSON.stringify(view.blocks);

describe('the settings modal', () => {
  it('creates a rule by the form, edits it, moves it up and deletes another, each shown at once and listed by /handover history', async () => {
    await newBot('crud', [rule('First')]);
    const settings = await openSettings('crud');
    expect(settings.callback_id).toBe('handover_settings_home');
    expect(text(settings)).toContain('First');

    const editor = await click(settings, 'settings_rule_add', lead, { value: 'add' }, 'views.push');
    expect(editor.callback_id).toBe('handover_rule_editor');
    expect(editor.blocks.find((b: any) => b.block_id === 'rule_closing').element.initial_value).toBe(DEFAULT_CLOSING_MESSAGE);
    const shown = nextCall('views.update', (call) => call.args.view_id === settings.id);
    const answer = await submit(
      editor,
      formState(editor, {
        rule_name: { value: 'Sales leads' },
        rule_triggers: { selected_options: chosen(editor, 'rule_triggers', 'contact_request', 'sensitive_topic') },
        rule_topics: { value: 'refund\npricing' },
        rule_assign: { selected_option: chosen(editor, 'rule_assign', 'auto')[0] },
        rule_task_note: { value: 'Call them back' },
        rule_task_due: { value: '120' },
        rule_tags: { value: 'sales, lead' },
      }),
    );
    expect(answer).toBeNull();
    let current = openedView(await shown(), settings.id);
    expect(text(current)).toContain('Sales leads');
    expect((await storedBot(service, 'crud'))!.rules[1]).toMatchObject({
      name: 'Sales leads',
      triggers: ['contact_request', 'sensitive_topic'],
      sensitiveTopics: ['refund', 'pricing'],
      assign: { mode: 'auto' },
      task: { enabled: true, note: 'Call them back', dueInMinutes: 120 },
      closingMessage: DEFAULT_CLOSING_MESSAGE,
      tags: ['sales', 'lead'],
    });

    const edit = await click(current, 'settings_rule_edit', lead, { value: '1' }, 'views.push');
    expect(edit.blocks.find((b: any) => b.block_id === 'rule_name').element.initial_value).toBe('Sales leads');
    const reshown = nextCall('views.update', (call) => call.args.view_id === settings.id);
    expect(await submit(edit, formState(edit, { rule_name: { value: 'Sales and pricing' }, rule_pause: { selected_options: [] } }))).toBeNull();
    current = openedView(await reshown(), settings.id);
    expect((await storedBot(service, 'crud'))!.rules[1]).toMatchObject({ name: 'Sales and pricing', pauseBot: false, tags: ['sales', 'lead'], sensitiveTopics: ['refund', 'pricing'] });

    current = await click(current, 'settings_rule_up', lead, { value: '1' }, 'views.update');
    expect(await ruleNames('crud')).toEqual(['Sales and pricing', 'First']);
    expect(text(current).indexOf('Sales and pricing')).toBeLessThan(text(current).indexOf('First'));
    current = await click(current, 'settings_rule_delete', lead, { value: '1' }, 'views.update');
    expect(await ruleNames('crud')).toEqual(['Sales and pricing']);
    expect(text(current)).not.toContain('First');

    const history = await command('history crud', lead);
    const lines = history.split('\n').slice(1);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC — \*lead\* deleted rule "First"$/);
    expect(lines[1]).toContain('moved rule "Sales and pricing" up to position 1');
    expect(lines[2]).toContain('changed rule "Sales leads" (now "Sales and pricing")');
    expect(lines[3]).toContain('added rule "Sales leads"');
  });

  it('switches Labs and Handover from the modal', async () => {
    await newBot('switches');
    const settings = await openSettings('switches');
    const labsOnly = settings.blocks.find((b: any) => b.block_id === 'settings_switches').elements[0].options.filter((o: any) => o.value === 'labs');
    const after = await click(settings, 'settings_switches', lead, { type: 'checkboxes', selected_options: labsOnly }, 'views.update');
    expect(await storedBot(service, 'switches')).toMatchObject({ labs: true, handover: false });
    expect(after.blocks.find((b: any) => b.block_id === 'settings_switches').elements[0].initial_options.map((o: any) => o.value)).toEqual(['labs']);
    expect(await command('history switches', lead)).toContain('turned Handover off');
  });

  it('refuses a 7th rule in the form', async () => {
    await newBot('full', Array.from({ length: 6 }, (_, i) => rule(`r${i + 1}`)));
    const settings = await openSettings('full');
    expect(text(settings)).toContain('6 of 6');
    const pushes = slack.callsTo('views.push').length;
    const refused = await click(settings, 'settings_rule_add', lead, { value: 'add' }, 'views.update');
    expect(text(refused)).toContain('already has 6 rules, the most a bot can have');
    expect(slack.callsTo('views.push')).toHaveLength(pushes);

    // an editor for a new rule submitted all the same
    const editor = openedView({ args: { view: ruleEditorView((await storedBot(service, 'full'))!, null) } } as unknown as SlackCall, 'V_SEVENTH', { previous: settings.id });
    const answer = await submit(editor, formState(editor, { rule_name: { value: 'r7' } }));
    expect(answer).toMatchObject({ response_action: 'errors', errors: { rule_name: expect.stringMatching(/at most 6 rules/) } });
    expect(await ruleNames('full')).toHaveLength(6);
  });

  it('shows validation errors next to their fields and saves nothing', async () => {
    await newBot('invalid');
    const editor = await click(await openSettings('invalid'), 'settings_rule_add', lead, { value: 'add' }, 'views.push');
    const answer = await submit(
      editor,
      formState(editor, { rule_name: { value: 'Bad one' }, rule_tags: { value: 'ok, not-ok!' }, rule_webhook: { value: 'http://127.0.0.1:8080/hook' } }),
    );
    expect(answer.response_action).toBe('errors');
    expect(answer.errors).toEqual({ rule_tags: expect.stringMatching(/A tag is 1-40 letters/), rule_webhook: expect.stringMatching(/internal address/) });
    const noPerson = await submit(editor, formState(editor, { rule_name: { value: 'Nobody picked' }, rule_assign: { selected_option: chosen(editor, 'rule_assign', 'user')[0] } }));
    expect(noPerson).toEqual({ response_action: 'errors', errors: { rule_assignee: 'Pick the person who gets these conversations.' } });
    expect(await ruleNames('invalid')).toEqual([]);
  });

  it('refuses anyone who is not an admin, whatever they send', async () => {
    await newBot('guarded', [rule('Keep me')]);
    expect(await command('settings guarded', staffer)).toMatch(/Only workspace admins/);
    const settings = await openSettings('guarded');
    const refused = await click(settings, 'settings_rule_delete', staffer, { value: '0' }, 'views.update');
    expect(text(refused)).toMatch(/Only workspace admins/);
    const editor = await click(settings, 'settings_rule_add', lead, { value: 'add' }, 'views.push');
    const answer = await submit(editor, formState(editor, { rule_name: { value: 'Sneaky' } }), staffer);
    expect(answer).toMatchObject({ response_action: 'errors', errors: { rule_name: expect.stringMatching(/Only workspace admins/) } });
    expect(await ruleNames('guarded')).toEqual(['Keep me']);
  });

  it('detects two admins editing the same revision: the second is told who changed what, and nothing is overwritten', async () => {
    await newBot('shared', [rule('Existing')]);
    const mine = await openSettings('shared', lead);
    const theirs = await openSettings('shared', other);
    const myEditor = await click(mine, 'settings_rule_add', lead, { value: 'add' }, 'views.push');
    const theirEditor = await click(theirs, 'settings_rule_add', other, { value: 'add' }, 'views.push');
    expect(await submit(myEditor, formState(myEditor, { rule_name: { value: 'From lead' } }), lead)).toBeNull();

    const theirParent = nextCall('views.update', (call) => call.args.view_id === theirs.id);
    const late = await submit(theirEditor, formState(theirEditor, { rule_name: { value: 'From other' } }), other);
    expect(late).toMatchObject({ response_action: 'errors', errors: { rule_name: expect.stringMatching(/lead changed these settings meanwhile/) } });
    expect(text(openedView(await theirParent(), theirs.id))).toMatch(/lead changed these settings meanwhile \(added rule \\"From lead\\"\)/);

    // their settings view, still at the old revision, cannot delete either
    const refused = await click(theirs, 'settings_rule_delete', other, { value: '0' }, 'views.update');
    expect(text(refused)).toContain('changed these settings meanwhile');
    expect(await ruleNames('shared')).toEqual(['Existing', 'From lead']);
  });

  it('saves a rule naming someone who never used Handover: the next escalation is assigned to them and they are told', async () => {
    await newBot('named');
    const editor = await click(await openSettings('named'), 'settings_rule_add', lead, { value: 'add' }, 'views.push');
    const assignToNewHire = { rule_name: { value: 'To the new hire' }, rule_assign: { selected_option: chosen(editor, 'rule_assign', 'user')[0] }, rule_assignee: { selected_user: 'U0NEWHIRE1' } };
    expect(await submit(editor, formState(editor, assignToNewHire))).toBeNull();
    expect(await storedStaff(service, 'U0NEWHIRE1', 'operator')).toMatchObject({ name: 'Person U0NEWHIRE1' });

    const told = nextCall('chat.postMessage', (call) => call.args.channel === 'U0NEWHIRE1');
    const turn = await api(service, 'POST', '/api/v1/bots/named/messages', { body: { text: 'I want to talk to a human' } });
    expect(turn.body.status).toBe('assigned');
    expect((await storedConversation(service, turn.body.conversationId))!.assignee?.name).toBe('Person U0NEWHIRE1');
    expect((await told()).args.text).toContain(turn.body.conversationId);
  });

  it('posts an escalation whose named person cannot be found as waiting for a claim, saying whom the rule meant', async () => {
    // stored before rules were checked (or the person left since)
    await newBot('stale-name', [rule('VIP desk', { assign: { mode: 'user', staff: 'U0LEFT0001' } })]);
    const posted = nextCall('chat.postMessage', (call) => call.args.channel === CHANNEL && JSON.stringify(call.args.blocks ?? '').includes('could not be found'));
    const turn = await api(service, 'POST', '/api/v1/bots/stale-name/messages', { body: { text: 'I want to talk to a human' } });
    expect(turn.body.status).toBe('waiting');
    const blocks = JSON.stringify((await posted()).args.blocks);
    expect(blocks).toContain('Rule *VIP desk* names <@U0LEFT0001>, who could not be found; claim it.');
    expect(blocks).toContain('handover_claim');
  });

  it('refuses a rule naming someone Slack does not know in the workspace', async () => {
    await newBot('unknown');
    const editor = await click(await openSettings('unknown'), 'settings_rule_add', lead, { value: 'add' }, 'views.push');
    const answer = await submit(
      editor,
      formState(editor, { rule_name: { value: 'To a ghost' }, rule_assign: { selected_option: chosen(editor, 'rule_assign', 'user')[0] }, rule_assignee: { selected_user: 'U0GONE1' } }),
    );
    expect(answer).toEqual({ response_action: 'errors', errors: { rule_assignee: expect.stringMatching(/Slack does not know this person/) } });
    expect(await ruleNames('unknown')).toEqual([]);
  });
});
