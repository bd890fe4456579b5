import type { App, BlockAction, ButtonAction, CheckboxesAction, Context } from '@slack/bolt';
import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { CONFIG_REFUSAL } from '../../src/commands/handover-command.js';
import { HandoverError, RuleLimitError, SettingsChangedError, UnknownStaffError } from '../../src/errors.js';
import { staffErrorText } from '../../src/notify/notification-texts.js';
import { MAX_RULES_PER_BOT } from '../../src/rules/handover-rule-schema.js';
import { RuleInvalidError } from '../../src/settings/apply-settings-change.js';
import { changeBotSettings } from '../../src/settings/change-bot-settings.js';
import type { SettingsChange } from '../../src/settings/settings-change.js';
import type { Bot } from '../../src/types.js';
import { parseSubmittedRules } from '../rules-yaml.js';
import { businessHoursView } from './business-hours-view.js';
import { FIELD, RULE_EDITOR_CALLBACK, ruleEditorView } from './rule-editor-view.js';
import { fieldErrors, ruleFromForm, type ViewStateValues } from './rule-form-values.js';
import {
  ADD_RULE_ACTION,
  CAPACITY_ACTION,
  DELETE_RULE_ACTION,
  EDIT_RULE_ACTION,
  HOURS_ACTION,
  MOVE_RULE_UP_ACTION,
  settingsHomeView,
  SWITCHES_ACTION,
  YAML_ACTION,
} from './settings-home-view.js';
import { readSettingsMetadata, type SettingsViewMetadata } from './settings-metadata.js';
import { RULES_BLOCK, RULES_INPUT, settingsYamlView, YAML_CALLBACK } from './settings-yaml-view.js';
import { registerHoursAndCapacitySubmissions } from './settings-hours-listeners.js';
import { changedMeanwhileNotice, NOT_YOURS, ownBot, type SettingsListenerDeps } from './settings-listener-deps.js';
import { slackStaffLookup } from './slack-staff-lookup.js';
import { staffCapacityView } from './staff-capacity-view.js';

export { changedMeanwhileNotice, type SettingsListenerDeps } from './settings-listener-deps.js';

/** Opens a bot's settings modal (from `/handover settings` or App Home's Settings button). */
export async function openSettings(client: WebClient, triggerId: string, bot: Bot): Promise<void> {
  await client.views.open({ trigger_id: triggerId, view: settingsHomeView(bot) });
}

function noticeFor(error: unknown, log: Logger): string {
  if (error instanceof SettingsChangedError) return changedMeanwhileNotice(error);
  if (error instanceof HandoverError) return staffErrorText(error);
  log.error({ error: (error as Error).message }, 'settings change failed');
  return 'Something went wrong; nothing was saved. Try again.';
}

/**
 * The settings modal's listeners: the buttons and switches of the settings
 * view (each a change saved at once, then views.update), the rule editor,
 * the YAML view, and the business-hours and staff-capacity forms
 * (view_submission, errors shown next to their fields).
 */
export function registerSettingsListeners(app: App, deps: SettingsListenerDeps): void {
  const { ctx, log } = deps;

  /** Shows the bot as it is now in the settings view `viewId`, with a notice if any. */
  const refresh = async (client: WebClient, context: Context, viewId: string, botId: string, notice?: string) => {
    const bot = await ownBot(deps, context, botId);
    const view: View = bot ? settingsHomeView(bot, notice) : { type: 'modal', title: { type: 'plain_text', text: 'Handover settings' }, blocks: [{ type: 'section', text: { type: 'plain_text', text: NOT_YOURS } }] };
    await client.views.update({ view_id: viewId, view }).catch((error: Error) => log.warn({ error: error.message }, 'settings view not updated'));
  };

  /** A button or switch of the settings view: checked, then `act` with the view's bot and revision. */
  const onSettingsAction = <A extends ButtonAction | CheckboxesAction>(actionId: string, act: (input: { action: A; body: BlockAction<A>; client: WebClient; context: Context; meta: SettingsViewMetadata; viewId: string }) => Promise<void>) =>
    app.action<BlockAction<A>>(actionId, async ({ ack, action, body, client, context }) => {
      await ack();
      const meta = readSettingsMetadata(body.view?.private_metadata);
      const viewId = body.view?.id;
      if (!meta || !viewId) return;
      if (!(await deps.mayConfigure(client, context, body.user.id))) return refresh(client, context, viewId, meta.botId, CONFIG_REFUSAL);
      try {
        await act({ action, body, client, context, meta, viewId });
      } catch (error) {
        await refresh(client, context, viewId, meta.botId, noticeFor(error, log));
      }
    });

  const change = async (client: WebClient, context: Context, body: BlockAction, meta: SettingsViewMetadata, settingsChange: SettingsChange) => {
    const actor = await deps.staffOf(client, context, body.user.id, body.user.name);
    return changeBotSettings(ctx, { botId: meta.botId, tenant: deps.tenantOf(context), actor: { id: actor.id, name: actor.name }, expectedRevision: meta.revision, change: settingsChange });
  };

  onSettingsAction<CheckboxesAction>(SWITCHES_ACTION, async ({ action, body, client, context, meta, viewId }) => {
    const on = new Set(action.selected_options.map((option) => option.value));
    await change(client, context, body, meta, { kind: 'switches', labs: on.has('labs'), handover: on.has('handover') });
    await refresh(client, context, viewId, meta.botId);
  });

  for (const [actionId, kind] of [
    [MOVE_RULE_UP_ACTION, 'moveRuleUp'],
    [DELETE_RULE_ACTION, 'deleteRule'],
  ] as const) {
    onSettingsAction<ButtonAction>(actionId, async ({ action, body, client, context, meta, viewId }) => {
      await change(client, context, body, meta, { kind, index: Number(action.value) });
      await refresh(client, context, viewId, meta.botId);
    });
  }

  /** Pushes a view over the settings, unless the bot changed since the settings were shown (then they show the change instead). */
  const push = async (client: WebClient, context: Context, body: BlockAction, meta: SettingsViewMetadata, viewId: string, view: (bot: Bot) => View | string) => {
    const bot = await ownBot(deps, context, meta.botId);
    if (!bot) return refresh(client, context, viewId, meta.botId);
    if (bot.revision !== meta.revision) {
      const entry = await ctx.settingsAudit.ofRevision(bot.id, meta.revision + 1);
      return refresh(client, context, viewId, bot.id, changedMeanwhileNotice(new SettingsChangedError(bot.id, entry?.actor.name ?? null, entry?.summary ?? null)));
    }
    const next = view(bot);
    if (typeof next === 'string') return refresh(client, context, viewId, bot.id, next);
    await client.views.push({ trigger_id: body.trigger_id, view: next });
  };

  onSettingsAction<ButtonAction>(ADD_RULE_ACTION, ({ body, client, context, meta, viewId }) =>
    push(client, context, body, meta, viewId, (bot) =>
      bot.rules.length >= MAX_RULES_PER_BOT ? `${bot.name} already has ${MAX_RULES_PER_BOT} rules, the most a bot can have: delete one before adding another.` : ruleEditorView(bot, null),
    ),
  );
  onSettingsAction<ButtonAction>(EDIT_RULE_ACTION, ({ action, body, client, context, meta, viewId }) =>
    push(client, context, body, meta, viewId, (bot) => ruleEditorView(bot, Number(action.value))),
  );
  onSettingsAction<ButtonAction>(YAML_ACTION, ({ body, client, context, meta, viewId }) => push(client, context, body, meta, viewId, settingsYamlView));
  onSettingsAction<ButtonAction>(HOURS_ACTION, ({ body, client, context, meta, viewId }) => push(client, context, body, meta, viewId, businessHoursView));
  onSettingsAction<ButtonAction>(CAPACITY_ACTION, ({ body, client, context, meta, viewId }) => push(client, context, body, meta, viewId, staffCapacityView));
  registerHoursAndCapacitySubmissions(app, deps, refresh);

  app.view(RULE_EDITOR_CALLBACK, async ({ ack, body, view, client, context }) => {
    const refuse = (errors: Record<string, string>) => ack({ response_action: 'errors', errors });
    if (!(await deps.mayConfigure(client, context, body.user.id))) return refuse({ [FIELD.name]: CONFIG_REFUSAL });
    const meta = readSettingsMetadata(view.private_metadata);
    const bot = meta ? await ownBot(deps, context, meta.botId) : null;
    if (!meta || !bot) return refuse({ [FIELD.name]: NOT_YOURS });
    const index = meta.ruleIndex ?? null;
    // what the form does not show is kept from the rule as the editor showed it
    const form = ruleFromForm(view.state.values as ViewStateValues, index === null || bot.revision !== meta.revision ? undefined : bot.rules[index]);
    if ('errors' in form) return refuse(form.errors);
    const { rule, failedTurnsBeforeHandover } = form;
    const settingsChange: SettingsChange = index === null ? { kind: 'addRule', rule, failedTurnsBeforeHandover } : { kind: 'editRule', index, rule, failedTurnsBeforeHandover };
    const parentId = view.previous_view_id ?? view.root_view_id ?? null;
    let saved: Bot;
    try {
      const actor = await deps.staffOf(client, context, body.user.id, body.user.name);
      const lookupStaff = slackStaffLookup(client, { teamId: context.teamId, enterpriseId: context.enterpriseId });
      saved = await changeBotSettings(ctx, { botId: bot.id, tenant: deps.tenantOf(context), actor: { id: actor.id, name: actor.name }, expectedRevision: meta.revision, change: settingsChange, lookupStaff });
    } catch (error) {
      if (error instanceof RuleInvalidError) return refuse(fieldErrors(error.issues, rule));
      if (error instanceof UnknownStaffError) return refuse({ [FIELD.assignee]: 'Slack does not know this person in your workspace: pick a member of it.' });
      if (error instanceof RuleLimitError) return refuse({ [FIELD.name]: `A bot has at most ${MAX_RULES_PER_BOT} rules: delete one before adding another.` });
      if (error instanceof SettingsChangedError) {
        await refuse({ [FIELD.name]: `${error.changedBy ?? 'Someone'} changed these settings meanwhile; nothing was saved. Go back to see their change.`.slice(0, 150) });
        if (parentId) await refresh(client, context, parentId, bot.id, changedMeanwhileNotice(error));
        return;
      }
      log.error({ error: (error as Error).message, botId: bot.id }, 'rule not saved');
      return refuse({ [FIELD.name]: error instanceof HandoverError ? staffErrorText(error).slice(0, 150) : 'Something went wrong; nothing was saved. Try again.' });
    }
    // back to the settings, which show the saved rule
    await ack();
    if (parentId) await refresh(client, context, parentId, saved.id);
  });

  app.view(YAML_CALLBACK, async ({ ack, body, view, client, context }) => {
    const refuse = (error: string) => ack({ response_action: 'errors', errors: { [RULES_BLOCK]: error.slice(0, 150) } });
    if (!(await deps.mayConfigure(client, context, body.user.id))) return refuse('Only admins can change handover rules.');
    const meta = readSettingsMetadata(view.private_metadata);
    // a YAML modal opened before revisions existed carries the bot id alone
    const bot = await ownBot(deps, context, meta?.botId ?? view.private_metadata);
    if (!bot) return refuse(NOT_YOURS);
    const submitted = parseSubmittedRules(view.state.values[RULES_BLOCK]?.[RULES_INPUT]?.value ?? '');
    if ('error' in submitted) return refuse(submitted.error);
    const parentId = view.previous_view_id ?? null;
    try {
      const actor = await deps.staffOf(client, context, body.user.id, body.user.name);
      const lookupStaff = slackStaffLookup(client, { teamId: context.teamId, enterpriseId: context.enterpriseId });
      await changeBotSettings(ctx, {
        botId: bot.id,
        tenant: deps.tenantOf(context),
        actor: { id: actor.id, name: actor.name },
        expectedRevision: meta?.revision ?? bot.revision,
        change: { kind: 'replaceRules', rules: submitted.rules },
        lookupStaff,
      });
    } catch (error) {
      if (error instanceof UnknownStaffError) return refuse(`Slack does not know "${error.reference}" in your workspace: name a member of it.`);
      return refuse(noticeFor(error, log));
    }
    await ack();
    if (parentId) await refresh(client, context, parentId, bot.id);
    log.info({ botId: bot.id, rules: submitted.rules.length, userId: body.user.id }, 'rules changed in Slack');
  });
}
