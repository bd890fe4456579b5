import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { startSlackService, type SlackStandIn } from '../support/slack-service.js';
import { storedStaff } from '../support/stored-state.js';
import { homeActionBody, type User } from './settings-payloads.js';
import { appHomeOpenedEvent, postToSlackEndpoint } from './slack-stand-in.js';
import { settingsModalDriver } from './settings-modal-driver.js';

const form = 'application/x-www-form-urlencoded';
const admin: User = { id: 'U_ADMIN_HOME', name: 'boss' };
const member: User = { id: 'U_MEMBER_HOME', name: 'member' };
let slack: SlackStandIn;
let service: RunningService;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ slack, service, stop } = await startSlackService());
  await service.ctx.bots.create({ id: 'home-bot', name: 'Home Bot', tenant: 'operator', labs: true, handover: true, rules: [] });
  await service.ctx.bots.create({ id: 'elsewhere', name: 'Elsewhere Bot', tenant: 'slack:T9', labs: true, handover: true, rules: [] });
});
afterAll(() => stop?.());
afterEach(() => expectWithinBlockKitLimits());

const { nextCall, expectWithinBlockKitLimits } = settingsModalDriver(() => ({ service, slack }), 'C0APPHOME1', admin);

async function openHome(user: User) {
  const published = nextCall('views.publish', (call) => call.args.user_id === user.id);
  await postToSlackEndpoint(service.url, appHomeOpenedEvent(user.id), 'application/json');
  return (await published()).args.view as Record<string, any>;
}

describe('App Home', () => {
  it('shows everyone the two notification checkboxes, and saves what they tick', async () => {
    const home = await openHome(member);
    const notify = home.blocks.find((b: any) => b.block_id === 'home_notify').elements[0];
    expect(notify.options.map((o: any) => o.text.text)).toEqual(['When a conversation gets assigned to me', 'When a task gets assigned to me']);
    expect(notify.initial_options).toHaveLength(2);
    expect(JSON.stringify(home)).not.toContain('home_open_settings');

    const republished = nextCall('views.publish', (call) => call.args.user_id === member.id);
    const onlyTasks = notify.options.filter((o: any) => o.value === 'task');
    await postToSlackEndpoint(service.url, homeActionBody(home, 'home_notify_preferences', member, { type: 'checkboxes', selected_options: onlyTasks }), form);
    const after = (await republished()).args.view;
    expect(after.blocks.find((b: any) => b.block_id === 'home_notify').elements[0].initial_options.map((o: any) => o.value)).toEqual(['task']);
    expect(await storedStaff(service, member.id, 'operator')).toMatchObject({ notifyOnConversationAssigned: false, notifyOnTaskAssigned: true });
  });

  it("shows an admin their workspace's bots, each with a Settings button that opens the settings modal", async () => {
    const home = await openHome(admin);
    const text = JSON.stringify(home.blocks);
    expect(text).toContain('Home Bot');
    expect(text).not.toContain('Elsewhere Bot');
    const opened = nextCall('views.open', () => true);
    await postToSlackEndpoint(service.url, homeActionBody(home, 'home_open_settings', admin, { value: 'home-bot' }), form);
    const modal = (await opened()).args;
    expect(modal.trigger_id).toMatch(/^trigger\.U_ADMIN_HOME\./);
    expect(modal.view).toMatchObject({ callback_id: 'handover_settings_home', private_metadata: JSON.stringify({ botId: 'home-bot', revision: 0 }) });
  });

  it('opens no settings for someone who is not an admin, or for another workspace’s bot', async () => {
    const home = await openHome(admin);
    const opens = slack.callsTo('views.open').length;
    for (const [user, botId] of [[member, 'home-bot'], [admin, 'elsewhere']] as const) {
      const republished = nextCall('views.publish', (call) => call.args.user_id === user.id);
      await postToSlackEndpoint(service.url, homeActionBody(home, 'home_open_settings', user, { value: botId }), form);
      await republished();
    }
    expect(slack.callsTo('views.open')).toHaveLength(opens);
  });
});
