import type { App, Context } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { CONFIG_REFUSAL } from '../../src/commands/handover-command.js';
import { HandoverError, SettingsChangedError } from '../../src/errors.js';
import { staffErrorText } from '../../src/notify/notification-texts.js';
import { RuleInvalidError } from '../../src/settings/apply-settings-change.js';
import { changeBotSettings } from '../../src/settings/change-bot-settings.js';
import type { SettingsChange } from '../../src/settings/settings-change.js';
import type { Bot } from '../../src/types.js';
import { businessHoursFromForm, hoursFieldErrors } from './business-hours-form-values.js';
import { BUSINESS_HOURS_CALLBACK, HOURS_FIELD } from './business-hours-view.js';
import type { ViewStateValues } from './rule-form-values.js';
import { changedMeanwhileNotice, NOT_YOURS, ownBot, type SettingsListenerDeps } from './settings-listener-deps.js';
import { readSettingsMetadata } from './settings-metadata.js';
import { staffCapacityFromForm } from './staff-capacity-form-values.js';
import { CAPACITY_FIELD, STAFF_CAPACITY_CALLBACK } from './staff-capacity-view.js';

type Refresh = (client: WebClient, context: Context, viewId: string, botId: string, notice?: string) => Promise<void>;

/**
 * The business-hours and staff-capacity forms pushed over the settings
 * modal (view_submission): each saved as one change against the revision
 * the settings showed, errors next to their fields, then back to the
 * settings, which show the saved value.
 */
export function registerHoursAndCapacitySubmissions(app: App, deps: SettingsListenerDeps, refresh: Refresh): void {
  const { ctx, log } = deps;

  const submission = (callbackId: string, firstField: string, toChange: (values: ViewStateValues, bot: Bot) => SettingsChange | { errors: Record<string, string> }) =>
    app.view(callbackId, async ({ ack, body, view, client, context }) => {
      const refuse = (errors: Record<string, string>) => ack({ response_action: 'errors', errors });
      if (!(await deps.mayConfigure(client, context, body.user.id))) return refuse({ [firstField]: CONFIG_REFUSAL });
      const meta = readSettingsMetadata(view.private_metadata);
      const bot = meta ? await ownBot(deps, context, meta.botId) : null;
      if (!meta || !bot) return refuse({ [firstField]: NOT_YOURS });
      const values = view.state.values as ViewStateValues;
      const change = toChange(values, bot);
      if ('errors' in change) return refuse(change.errors);
      const parentId = view.previous_view_id ?? view.root_view_id ?? null;
      try {
        const actor = await deps.staffOf(client, context, body.user.id, body.user.name);
        await changeBotSettings(ctx, { botId: bot.id, tenant: deps.tenantOf(context), actor: { id: actor.id, name: actor.name }, expectedRevision: meta.revision, change });
      } catch (error) {
        if (error instanceof RuleInvalidError) return refuse(change.kind === 'businessHours' ? hoursFieldErrors(error.issues, values) : { [firstField]: error.issues[0]?.message.slice(0, 150) ?? error.message.slice(0, 150) });
        if (error instanceof SettingsChangedError) {
          await refuse({ [firstField]: `${error.changedBy ?? 'Someone'} changed these settings meanwhile; nothing was saved. Go back to see their change.`.slice(0, 150) });
          if (parentId) await refresh(client, context, parentId, bot.id, changedMeanwhileNotice(error));
          return;
        }
        log.error({ error: (error as Error).message, botId: bot.id, change: change.kind }, 'settings not saved');
        return refuse({ [firstField]: error instanceof HandoverError ? staffErrorText(error).slice(0, 150) : 'Something went wrong; nothing was saved. Try again.' });
      }
      await ack();
      if (parentId) await refresh(client, context, parentId, bot.id);
    });

  submission(BUSINESS_HOURS_CALLBACK, HOURS_FIELD.zone, (values, bot) => {
    const form = businessHoursFromForm(values, bot.businessHours);
    return 'errors' in form ? form : { kind: 'businessHours', businessHours: form.businessHours };
  });
  submission(STAFF_CAPACITY_CALLBACK, CAPACITY_FIELD, (values) => {
    const form = staffCapacityFromForm(values);
    return 'error' in form ? { errors: { [CAPACITY_FIELD]: form.error } } : { kind: 'staffCapacity', staffCapacity: form.staffCapacity };
  });
}
