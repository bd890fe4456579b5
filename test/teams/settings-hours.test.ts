import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import { claimConversation } from '../../src/handover/claim-conversation.js';
import { resolveConversation } from '../../src/handover/resolve-conversation.js';
import { DEFAULT_CLOSING_MESSAGE } from '../../src/rules/handover-rule-schema.js';
import { saveStaffMember } from '../../src/staff/save-staff-member.js';
import { OPERATOR_TENANT } from '../../src/tenants/tenant.js';
import { api } from '../support/test-service.js';
import { button, cardText, filledIn, inputs, settingsCardDriver } from './settings-card-driver.js';
import { startTeamsService, type ConnectorStandIn } from '../support/teams-service.js';

// Business hours, staff capacity and the rule's CSAT switch set through the
// Teams settings cards (Action.Execute invokes as Teams sends them), and what
// customers and the team then notice.

let teams: Awaited<ReturnType<typeof startTeamsService>>;
let connector: ConnectorStandIn;
let service: RunningService;
const LEAD = { id: 'aad-hours-lead', name: 'Lead' };
const DEPUTY = { id: 'aad-hours-deputy', name: 'Dana' };
const STAFF = { id: 'aad-hours-staff', name: 'Sam' };
/** The domain's clock: each test sets the moment the customer writes. */
let now = new Date('2026-12-05T11:00:00Z'); // a Saturday, 12:00 in Berlin
const configBot = (id: string) =>
  botConfigSchema.parse({ id, name: `Bot ${id}`, labs: true, rules: [{ name: 'People', triggers: ['contact_request'], task: { enabled: false } }] });

beforeAll(async () => {
  teams = await startTeamsService({ admins: [LEAD.id, DEPUTY.id], service: { clock: () => now, botConfigs: [configBot('hours'), configBot('zones'), configBot('rating'), configBot('seats'), configBot('guarded'), configBot('race')] } });
  ({ connector, service } = teams);
});
afterAll(() => teams?.stop());

const { click, say, settingsCardOf } = settingsCardDriver(
  () => service,
  () => connector,
  LEAD,
);
const botNow = async (botId: string) => (await service.ctx.bots.find(botId, { fresh: true }))!;

/** A customer asks for a person in web chat: what the bot answers them. */
async function askForPerson(botId: string) {
  const turn = await api(service, 'POST', `/api/v1/bots/${botId}/messages`, { body: { text: 'I want to talk to a person' } });
  expect(turn.status).toBe(200);
  expect(turn.body.status).toBe('waiting');
  return turn.body as { conversationId: string; token: string; replies: Array<{ text: string }> };
}

describe('business hours in the Teams settings card', () => {
  it('set by the form: a customer writing on Saturday hears the team is back Monday 9:00', async () => {
    now = new Date('2026-12-05T11:00:00Z');
    expect((await askForPerson('hours')).replies.map((reply) => reply.text)).toEqual([DEFAULT_CLOSING_MESSAGE]);

    let card = await settingsCardOf('hours');
    expect(cardText(card)).toContain('Business hours: Always open');
    const form = await click(button(card, 'Edit hours'));
    const fields = inputs(form);
    expect(fields.get('alwaysOpen')).toMatchObject({ type: 'Input.Toggle', value: 'true' });
    expect(fields.get('timeZone')).toMatchObject({ type: 'Input.ChoiceSet' });
    expect(fields.get('timeZone')!.choices.map((choice: { value: string }) => choice.value)).toContain('Europe/Berlin');
    expect(fields.get('mon')).toMatchObject({ type: 'Input.Text', value: '09:00-17:00' });
    expect(fields.get('sat')).toMatchObject({ type: 'Input.Text', value: '' });
    expect(fields.get('holidays')).toMatchObject({ type: 'Input.Text', isMultiline: true });

    card = await click(button(form, 'Save hours'), { ...filledIn(form), alwaysOpen: 'false', timeZone: 'Europe/Berlin', holidays: '2026-12-25' });
    expect(cardText(card)).toContain('Saved: set business hours to Mon–Fri 9:00–17:00 (Europe/Berlin); 1 closed day.');
    expect(cardText(card)).toContain('Business hours: Mon–Fri 9:00–17:00 (Europe/Berlin); 1 closed day');
    expect((await botNow('hours')).businessHours).toMatchObject({ timeZone: 'Europe/Berlin', holidays: ['2026-12-25'], weekly: { mon: [{ from: '09:00', to: '17:00' }] } });

    expect((await askForPerson('hours')).replies.map((reply) => reply.text)).toEqual([`${DEFAULT_CLOSING_MESSAGE} We're back Monday 9:00 (Berlin time).`]);
    // on a working day within the hours the closing message says nothing more
    now = new Date('2026-12-07T10:00:00Z');
    expect((await askForPerson('hours')).replies.map((reply) => reply.text)).toEqual([DEFAULT_CLOSING_MESSAGE]);

    // the form opens with what was saved; saved unchanged it changes nothing; "always open" turns them off again
    const again = await click(button(card, 'Edit hours'));
    expect(filledIn(again)).toMatchObject({ alwaysOpen: 'false', timeZone: 'Europe/Berlin', fri: '09:00-17:00', holidays: '2026-12-25' });
    const revision = (await botNow('hours')).revision;
    expect(cardText(await click(button(again, 'Save hours'), filledIn(again)))).toContain('Nothing changed.');
    expect((await botNow('hours')).revision).toBe(revision);
    card = await click(button(again, 'Save hours'), { ...filledIn(again), alwaysOpen: 'true' });
    expect(cardText(card)).toContain('Saved: turned business hours off.');
    expect((await botNow('hours')).businessHours).toBeNull();
  });

  it('refuses a time zone that does not exist next to the field, and saves nothing', async () => {
    const before = await botNow('zones');
    const form = await click(button(await settingsCardOf('zones'), 'Edit hours'));
    const answer = await click(button(form, 'Save hours'), { ...filledIn(form), alwaysOpen: 'false', timeZoneOther: 'Europe/Berlinn', tue: '9 till 5' });
    const fields = inputs(answer);
    expect(fields.get('timeZoneOther')).toMatchObject({ value: 'Europe/Berlinn', errorMessage: expect.stringContaining('IANA time zone') });
    expect(fields.get('tue')).toMatchObject({ value: '9 till 5', errorMessage: expect.stringContaining('09:00-17:00') });
    expect(cardText(answer)).toContain('⚠️ timeZone must be an IANA time zone');
    expect(cardText(answer)).toContain('Not saved: check the fields marked below.');
    const after = await botNow('zones');
    expect([after.businessHours ?? null, after.revision]).toEqual([before.businessHours ?? null, before.revision]);
  });
});

describe('who may change the hours and capacity in Teams', () => {
  it('refuses anyone but an admin, and saves nothing', async () => {
    const card = await settingsCardOf('guarded');
    const before = await botNow('guarded');
    const form = await click(button(card, 'Edit hours'));
    for (const [action, filled] of [
      [button(card, 'Edit hours'), {}],
      [button(form, 'Save hours'), { ...filledIn(form), alwaysOpen: 'false', timeZone: 'Europe/Berlin' }],
      [button(card, 'Save capacity'), { staffCapacity: '1' }],
    ] as const) {
      expect(cardText(await click(action, filled, STAFF)), action.verb).toContain('Only workspace admins');
    }
    const after = await botNow('guarded');
    expect([after.businessHours ?? null, after.staffCapacity ?? null, after.revision]).toEqual([null, null, before.revision]);
  });

  it('tells the second of two admins editing the hours who changed what, and shows the hours as they are now', async () => {
    const card = await settingsCardOf('race');
    const leadForm = await click(button(card, 'Edit hours'));
    const deputyForm = await click(button(card, 'Edit hours'), {}, DEPUTY);
    await click(button(leadForm, 'Save hours'), { ...filledIn(leadForm), alwaysOpen: 'false', timeZone: 'Europe/London' });
    const late = await click(button(deputyForm, 'Save hours'), { ...filledIn(deputyForm), alwaysOpen: 'false', timeZone: 'America/New_York' }, DEPUTY);
    expect(cardText(late)).toContain('Not saved: Lead changed these settings meanwhile (set business hours to Mon–Fri 9:00–17:00 (Europe/London))');
    expect(inputs(late).get('timeZone')!.value).toBe('Europe/London');
    expect((await botNow('race')).businessHours?.timeZone).toBe('Europe/London');
  });
});

describe('the rule editor’s CSAT switch in Teams', () => {
  it('turned off by the form: the resolved customer is not asked how we did', async () => {
    const editor = await click(button(await settingsCardOf('rating'), 'Edit'));
    expect(inputs(editor).get('csat')).toMatchObject({ type: 'Input.Toggle', value: 'true' });
    const card = await click(button(editor, 'Save rule'), { ...filledIn(editor), csat: 'false' });
    expect(cardText(card)).toContain('Saved: changed rule "People".');
    expect(cardText(card)).toContain('no satisfaction question');
    expect((await botNow('rating')).rules[0]!.csat).toBe(false);

    const { conversationId, token } = await askForPerson('rating');
    const agent = await saveStaffMember(service.ctx, { teamsUserId: 'aad-hours-agent' }, { name: 'Robin' }, OPERATOR_TENANT);
    expect((await claimConversation(service.ctx, conversationId, agent)).won).toBe(true);
    await resolveConversation(service.ctx, conversationId, agent);
    // not asked, so a rating is refused
    expect((await api(service, 'POST', `/api/v1/conversations/${conversationId}/csat`, { body: { score: 5 }, token })).status).toBe(409);
  });
});

describe('staff capacity in the Teams settings card', () => {
  it('is saved from the card, shown on it and in history', async () => {
    let card = await settingsCardOf('seats');
    expect(inputs(card).get('staffCapacity')).toMatchObject({ type: 'Input.Number', min: 1, max: 100 });
    expect(inputs(card).get('staffCapacity')!.value).toBeUndefined();

    const refused = await click(button(card, 'Save capacity'), { ...filledIn(card), staffCapacity: '0' });
    expect(inputs(refused).get('staffCapacity')).toMatchObject({ errorMessage: '"0": a whole number from 1 to 100, or empty for each person’s own limit' });
    // not shown back as the value: out of range, Teams would refuse to send the card's other buttons
    expect(inputs(refused).get('staffCapacity')!.value).toBeUndefined();
    expect((await botNow('seats')).staffCapacity ?? null).toBeNull();

    card = await click(button(card, 'Save capacity'), { ...filledIn(card), staffCapacity: '3' });
    expect(cardText(card)).toContain('Saved: set staff capacity to 3.');
    expect(inputs(card).get('staffCapacity')!.value).toBe(3);
    expect((await botNow('seats')).staffCapacity).toBe(3);

    const history = await say('history seats', (reply) => reply.includes('newest first'));
    expect(String(history.body.text)).toContain('**Lead** set staff capacity to 3');
  });
});
