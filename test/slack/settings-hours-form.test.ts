import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { DEFAULT_CLOSING_MESSAGE, handoverRuleSchema } from '../../src/rules/handover-rule-schema.js';
import { businessHoursView } from '../../adapters/slack/business-hours-view.js';
import { claimConversation } from '../../src/handover/claim-conversation.js';
import { resolveConversation } from '../../src/handover/resolve-conversation.js';
import { saveStaffMember } from '../../src/staff/save-staff-member.js';
import { OPERATOR_TENANT } from '../../src/tenants/tenant.js';
import type { HandoverRule } from '../../src/types.js';
import { startSlackService, type SlackStandIn } from '../support/slack-service.js';
import { storedBot } from '../support/stored-state.js';
import { api } from '../support/test-service.js';
import { chosen, formState, openedView, viewActionBody, type User } from './settings-payloads.js';
import { postToSlackEndpoint, type SlackCall } from './slack-stand-in.js';
import { settingsModalDriver } from './settings-modal-driver.js';

const form = 'application/x-www-form-urlencoded';
const CHANNEL = 'C0HOURSFORM';
const lead: User = { id: 'U_ADMIN_LEAD', name: 'lead' };
const other: User = { id: 'U_ADMIN_OTHER', name: 'other' };
const staffer: User = { id: 'U_STAFF9', name: 'staffer' };
const SATURDAY_NOON_BERLIN = '2026-12-05T11:00:00Z';
const TUESDAY_TEN_BERLIN = '2026-12-08T09:00:00Z';
let slack: SlackStandIn;
let service: RunningService;
let stop: () => Promise<void>;
/** The service's clock: a test sets the moment the customer writes. */
let now = new Date(TUESDAY_TEN_BERLIN);

beforeAll(async () => {
  ({ slack, service, stop } = await startSlackService({ service: { clock: () => now } }));
});
afterAll(() => stop?.());
// every view the tests made Handover produce stays within Slack's limits
afterEach(() => expectWithinBlockKitLimits());

const rule = (name: string) => handoverRuleSchema.parse({ name, triggers: ['contact_request'] }) as HandoverRule;
async function newBot(id: string, tenant = 'operator') {
  await service.ctx.bots.create({ id, name: `Bot ${id}`, tenant, labs: true, handover: true, slackChannel: CHANNEL, rules: [rule('People')] });
}

const { nextCall, newViewId, command, openSettings, submit, expectWithinBlockKitLimits } = settingsModalDriver(() => ({ service, slack }), CHANNEL, lead);

async function push(view: Record<string, any>, actionId: string, user = lead) {
  const pushed = nextCall('views.push');
  const response = await postToSlackEndpoint(service.url, viewActionBody(view, actionId, user, { value: actionId === 'settings_hours' ? 'hours' : 'capacity' }), form);
  expect(response.status).toBe(200);
  return openedView(await pushed(), newViewId(), { root: view.root_view_id, previous: view.id });
}


const sectionText = (view: Record<string, any>, blockId: string) => view.blocks.find((b: any) => b.block_id === blockId)?.text.text as string;
const office = { value: '9:00-17:00' };
const berlinWeek = (editor: Record<string, any>) => ({
  hours_always_open: { selected_options: [] },
  hours_zone: { selected_option: chosen(editor, 'hours_zone', 'Europe/Berlin')[0] },
  hours_mon: office,
  hours_tue: office,
  hours_wed: office,
  hours_thu: { value: '9-17' },
  hours_fri: { value: '09:00-12:00, 13:00-17:00' },
  hours_holidays: { value: '2026-12-25\n2026-12-26' },
});

async function customerAsksForPersonAt(botId: string, at: string) {
  now = new Date(at);
  const turn = await api(service, 'POST', `/api/v1/bots/${botId}/messages`, { body: { text: 'I want to talk to a person' } });
  expect(turn.status).toBe(200);
  return (turn.body.replies as Array<{ text: string }>).map((reply) => reply.text);
}

describe('business hours and staff capacity in the Slack settings modal', () => {
  it('sets business hours by the form: a customer writing on Saturday hears when the team is back; Always open takes it back', async () => {
    await newBot('hours');
    const settings = await openSettings('hours');
    expect(sectionText(settings, 'settings_hours')).toContain('Always open');
    const editor = await push(settings, 'settings_hours');
    expect(editor.callback_id).toBe('handover_business_hours');

    const shown = nextCall('views.update', (call) => call.args.view_id === settings.id);
    expect(await submit(editor, formState(editor, berlinWeek(editor)))).toBeNull();
    const current = openedView(await shown(), settings.id);
    expect(sectionText(current, 'settings_hours')).toBe('*Business hours*: Mon–Thu 9:00–17:00, Fri 9:00–12:00, 13:00–17:00 (Europe/Berlin); 2 closed days');
    expect((await storedBot(service, 'hours'))!.businessHours).toEqual({
      timeZone: 'Europe/Berlin',
      weekly: { mon: [{ from: '09:00', to: '17:00' }], tue: [{ from: '09:00', to: '17:00' }], wed: [{ from: '09:00', to: '17:00' }], thu: [{ from: '09:00', to: '17:00' }], fri: [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '17:00' }] },
      holidays: ['2026-12-25', '2026-12-26'],
    });
    expect(await customerAsksForPersonAt('hours', SATURDAY_NOON_BERLIN)).toEqual([`${DEFAULT_CLOSING_MESSAGE} We're back Monday 9:00 (Berlin time).`]);

    // the form shows what is saved, and Always open turns the hours off
    const again = await push(current, 'settings_hours');
    expect(again.blocks.find((b: any) => b.block_id === 'hours_fri').element.initial_value).toBe('09:00-12:00, 13:00-17:00');
    expect(again.blocks.find((b: any) => b.block_id === 'hours_zone').element.initial_option.value).toBe('Europe/Berlin');
    expect(await submit(again, formState(again, { hours_always_open: { selected_options: chosen(again, 'hours_always_open', 'on') } }))).toBeNull();
    expect((await storedBot(service, 'hours'))!.businessHours).toBeNull();
    expect(await customerAsksForPersonAt('hours', SATURDAY_NOON_BERLIN)).toEqual([DEFAULT_CLOSING_MESSAGE]);

    const history = (await command('history hours', lead)).split('\n').slice(1);
    expect(history[0]).toContain('*lead* turned business hours off');
    expect(history[1]).toContain('*lead* set business hours to Mon–Thu 9:00–17:00, Fri 9:00–12:00, 13:00–17:00 (Europe/Berlin); 2 closed days');
  });

  it('takes a zone typed in when the list lacks it, and refuses a zone that does not exist next to the field', async () => {
    await newBot('zones');
    const editor = await push(await openSettings('zones'), 'settings_hours');
    const bad = await submit(editor, formState(editor, { ...berlinWeek(editor), hours_zone_other: { value: 'Mars/Olympus' } }));
    expect(bad).toEqual({ response_action: 'errors', errors: { hours_zone_other: expect.stringMatching(/IANA time zone/) } });
    expect((await storedBot(service, 'zones'))!.businessHours ?? null).toBeNull();

    expect(await submit(editor, formState(editor, { ...berlinWeek(editor), hours_zone_other: { value: 'America/Caracas' } }))).toBeNull();
    expect((await storedBot(service, 'zones'))!.businessHours!.timeZone).toBe('America/Caracas');
    // shown again in the typed field, not the list
    const again = await push(await openSettings('zones'), 'settings_hours');
    expect(again.blocks.find((b: any) => b.block_id === 'hours_zone_other').element.initial_value).toBe('America/Caracas');
  });

  it('shows what to fix next to each field and saves nothing', async () => {
    await newBot('bad-hours');
    const editor = await push(await openSettings('bad-hours'), 'settings_hours');
    const unreadable = await submit(editor, formState(editor, { ...berlinWeek(editor), hours_tue: { value: 'mornings' } }));
    expect(unreadable).toEqual({ response_action: 'errors', errors: { hours_tue: expect.stringMatching(/like 09:00-17:00/) } });
    const schema = await submit(editor, formState(editor, { ...berlinWeek(editor), hours_wed: { value: '17:00-09:00' }, hours_holidays: { value: '25.12.2026' } }));
    expect(schema).toEqual({ response_action: 'errors', errors: { hours_wed: expect.stringMatching(/opens before it closes/), hours_holidays: expect.stringMatching(/a date like 2026-12-25/) } });
    const noZone = await submit(editor, formState(editor, { ...berlinWeek(editor), hours_zone: { selected_option: null } }));
    expect(noZone).toEqual({ response_action: 'errors', errors: { hours_zone: expect.stringMatching(/time zone/) } });
    const noHours = await submit(editor, formState(editor, { hours_always_open: { selected_options: [] }, hours_zone: berlinWeek(editor).hours_zone }));
    expect(noHours).toEqual({ response_action: 'errors', errors: { hours_mon: expect.stringMatching(/at least one open range/) } });
    const bot = (await storedBot(service, 'bad-hours'))!;
    expect(bot.businessHours ?? null).toBeNull();
    expect(bot.revision).toBe(0);
  });

  it('refuses the hours from someone who is not an admin, and hours saved over someone else’s change', async () => {
    await newBot('guarded-hours');
    const settings = await openSettings('guarded-hours');
    const editor = await push(settings, 'settings_hours');
    const refused = await submit(editor, formState(editor, berlinWeek(editor)), staffer);
    expect(refused).toMatchObject({ response_action: 'errors', errors: { hours_zone: expect.stringMatching(/Only workspace admins/) } });

    const theirs = await push(await openSettings('guarded-hours', other), 'settings_capacity', other);
    expect(await submit(theirs, formState(theirs, { staff_capacity: { value: '2' } }), other)).toBeNull();
    const late = await submit(editor, formState(editor, berlinWeek(editor)));
    expect(late).toMatchObject({ response_action: 'errors', errors: { hours_zone: expect.stringMatching(/other changed these settings meanwhile/) } });
    expect(await storedBot(service, 'guarded-hours')).toMatchObject({ businessHours: null, staffCapacity: 2 });
  });

  it('refuses hours for another workspace’s bot, whatever view is sent', async () => {
    await newBot('elsewhere', 'slack:T0OTHER');
    const bot = (await storedBot(service, 'elsewhere'))!;
    const forged = openedView({ args: { view: businessHoursView(bot) } } as unknown as SlackCall, 'V_FORGED');
    const answer = await submit(forged, formState(forged, berlinWeek(forged)));
    expect(answer).toEqual({ response_action: 'errors', errors: { hours_zone: expect.stringMatching(/not one of your workspace/) } });
    expect((await storedBot(service, 'elsewhere'))!.businessHours ?? null).toBeNull();
  });

  it('sets the staff capacity by the form, shown in the settings and in /handover history', async () => {
    await newBot('capacity');
    const settings = await openSettings('capacity');
    expect(sectionText(settings, 'settings_capacity')).toContain('each person’s own limit');
    const editor = await push(settings, 'settings_capacity');
    expect(await submit(editor, formState(editor, { staff_capacity: { value: '0' } }))).toEqual({ response_action: 'errors', errors: { staff_capacity: expect.stringMatching(/from 1 to 100/) } });

    const shown = nextCall('views.update', (call) => call.args.view_id === settings.id);
    expect(await submit(editor, formState(editor, { staff_capacity: { value: '3' } }))).toBeNull();
    expect(sectionText(openedView(await shown(), settings.id), 'settings_capacity')).toBe('*Staff capacity*: 3 open conversations per person');
    expect((await storedBot(service, 'capacity'))!.staffCapacity).toBe(3);
    expect(await command('history capacity', lead)).toContain('*lead* set staff capacity to 3');
  });

  it('turns CSAT off for a rule by the rule editor: the customer of a resolved handover is no longer asked how we did', async () => {
    await newBot('csat');
    now = new Date(TUESDAY_TEN_BERLIN);
    const agent = await saveStaffMember(service.ctx, { slackUserId: 'U0CSATFORM' }, { name: 'Robin' }, OPERATOR_TENANT);
    /** A customer hands over, the team resolves; the status of the customer's answer to "How did we do?". */
    const rateAfterResolve = async () => {
      const turn = await api(service, 'POST', '/api/v1/bots/csat/messages', { body: { text: 'I want to talk to a person please' } });
      const { conversationId, token } = turn.body as { conversationId: string; token: string };
      expect((await claimConversation(service.ctx, conversationId, agent)).won).toBe(true);
      await resolveConversation(service.ctx, conversationId, agent, 'resolved');
      return (await api(service, 'POST', `/api/v1/conversations/${conversationId}/csat`, { body: { score: 5 }, token })).status;
    };
    expect(await rateAfterResolve()).toBe(200);

    const settings = await openSettings('csat');
    const pushed = nextCall('views.push');
    await postToSlackEndpoint(service.url, viewActionBody(settings, 'settings_rule_edit', lead, { value: '0' }), form);
    const editor = openedView(await pushed(), newViewId(), { root: settings.id, previous: settings.id });
    const csat = editor.blocks.find((b: any) => b.block_id === 'rule_csat');
    expect(csat.element.initial_options.map((o: any) => o.text.text)).toEqual(['Ask the customer how we did (CSAT)']);
    const shown = nextCall('views.update', (call) => call.args.view_id === settings.id);
    expect(await submit(editor, formState(editor, { rule_csat: { selected_options: [] } }))).toBeNull();
    expect(sectionText(openedView(await shown(), settings.id), 'rule_0')).toContain('no CSAT');
    expect((await storedBot(service, 'csat'))!.rules[0]!.csat).toBe(false);
    expect(await command('history csat', lead)).toContain('changed rule "People"');
    // not asked, so there is nothing to answer
    expect(await rateAfterResolve()).toBe(409);
  });
});
