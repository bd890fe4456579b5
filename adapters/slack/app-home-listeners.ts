import type { App, BlockAction, ButtonAction, CheckboxesAction, Context } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { botsOfTenant } from '../../src/bots/tenant-bots.js';
import { updateStaffPreferences } from '../../src/staff/save-staff-member.js';
import type { StaffMember } from '../../src/types.js';
import { appHome, AVAILABILITY_ACTION, NOTIFY_PREFERENCES_ACTION, OPEN_SETTINGS_ACTION } from './app-home.js';
import { openSettings, type SettingsListenerDeps } from './settings-listeners.js';

/** App Home lists at most this many bots of an admin's workspace. */
const HOME_BOTS = 20;

/** App Home: published when opened and after each change made from it. */
export function registerAppHomeListeners(app: App, deps: SettingsListenerDeps): void {
  const { ctx } = deps;
  const publish = async (client: WebClient, context: Context, staff: StaffMember) => {
    const slackUserId = staff.slackUserId!;
    const adminBots = (await deps.mayConfigure(client, context, slackUserId)) ? await botsOfTenant(ctx, deps.tenantOf(context), HOME_BOTS) : null;
    await client.views.publish({ user_id: slackUserId, view: await appHome(ctx, staff, adminBots) });
  };

  app.event('app_home_opened', async ({ event, client, context }) => {
    await publish(client, context, await deps.staffOf(client, context, event.user));
  });

  app.action<BlockAction<ButtonAction>>(AVAILABILITY_ACTION, async ({ ack, body, action, client, context }) => {
    await ack();
    const staff = await deps.staffOf(client, context, body.user.id, body.user.name);
    const updated = await updateStaffPreferences(ctx, staff.id, { available: action.value === 'on' });
    if (updated) await publish(client, context, updated);
  });

  app.action<BlockAction<CheckboxesAction>>(NOTIFY_PREFERENCES_ACTION, async ({ ack, body, action, client, context }) => {
    await ack();
    const on = new Set(action.selected_options.map((option) => option.value));
    const staff = await deps.staffOf(client, context, body.user.id, body.user.name);
    const updated = await updateStaffPreferences(ctx, staff.id, { notifyOnConversationAssigned: on.has('conversation'), notifyOnTaskAssigned: on.has('task') });
    if (updated) await publish(client, context, updated);
  });

  app.action<BlockAction<ButtonAction>>(OPEN_SETTINGS_ACTION, async ({ ack, body, action, client, context }) => {
    await ack();
    const staff = await deps.staffOf(client, context, body.user.id, body.user.name);
    const bot = await ctx.bots.find(action.value ?? '', { fresh: true });
    // only an admin, only their own workspace's bot; anyone else gets the home they may see
    if (!bot || bot.tenant !== deps.tenantOf(context) || !(await deps.mayConfigure(client, context, body.user.id))) return publish(client, context, staff);
    await openSettings(client, body.trigger_id, bot);
  });
}
