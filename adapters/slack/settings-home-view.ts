import type { KnownBlock, View } from '@slack/types';
import { MAX_RULES_PER_BOT } from '../../src/rules/handover-rule-schema.js';
import type { Bot, HandoverRule } from '../../src/types.js';
import { describeBusinessHours } from '../../src/settings/describe-business-hours.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import { staffCapacityText } from './staff-capacity-view.js';
import { settingsMetadata } from './settings-metadata.js';

export const SETTINGS_HOME_CALLBACK = 'handover_settings_home';
export const SWITCHES_ACTION = 'settings_switches';
export const ADD_RULE_ACTION = 'settings_rule_add';
export const EDIT_RULE_ACTION = 'settings_rule_edit';
export const MOVE_RULE_UP_ACTION = 'settings_rule_up';
export const DELETE_RULE_ACTION = 'settings_rule_delete';
export const YAML_ACTION = 'settings_yaml';
export const HOURS_ACTION = 'settings_hours';
export const CAPACITY_ACTION = 'settings_capacity';

export const TRIGGER_LABELS = {
  contact_request: 'Contact request',
  lack_of_information: 'Lack of information',
  failed_resolution: 'Failed resolution',
  sensitive_topic: 'Sensitive topics',
} as const;

/**
 * A bot's settings as a modal: the Labs and Handover switches, business
 * hours and staff capacity (each with Edit, a pushed form) and the rules,
 * each with Edit / Move up / Delete, and Add rule. Every button acts at once
 * (block_actions, then views.update), so the modal has no Save of its own.
 * `notice`: what happened (a change refused, someone else's change shown).
 */
export function settingsHomeView(bot: Bot, notice?: string): View {
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(bot.name)}* (\`${escapeMrkdwn(bot.id)}\`)` } },
  ];
  if (notice) blocks.push({ type: 'section', block_id: 'settings_notice', text: { type: 'mrkdwn', text: `:warning: ${escapeMrkdwn(notice).slice(0, 2900)}` } });
  const switches = [
    { text: { type: 'plain_text' as const, text: 'Labs' }, description: { type: 'plain_text' as const, text: 'Labs features for this bot (handover needs it)' }, value: 'labs' },
    { text: { type: 'plain_text' as const, text: 'Human handover' }, description: { type: 'plain_text' as const, text: 'Hand conversations to the team when a rule matches' }, value: 'handover' },
  ];
  const on = switches.filter((option) => (option.value === 'labs' ? bot.labs : bot.handover));
  blocks.push({
    type: 'actions',
    block_id: 'settings_switches',
    elements: [{ type: 'checkboxes', action_id: SWITCHES_ACTION, options: switches, ...(on.length ? { initial_options: on } : {}) }],
  });
  blocks.push({ type: 'divider' });
  blocks.push({
    type: 'section',
    block_id: 'settings_hours',
    text: { type: 'mrkdwn', text: `*Business hours*: ${escapeMrkdwn(describeBusinessHours(bot.businessHours)).slice(0, 2900)}` },
    accessory: { type: 'button', action_id: HOURS_ACTION, text: { type: 'plain_text', text: 'Edit' }, value: 'hours' },
  });
  blocks.push({
    type: 'section',
    block_id: 'settings_capacity',
    text: { type: 'mrkdwn', text: `*Staff capacity*: ${staffCapacityText(bot)}` },
    accessory: { type: 'button', action_id: CAPACITY_ACTION, text: { type: 'plain_text', text: 'Edit' }, value: 'capacity' },
  });
  blocks.push({ type: 'divider' });
  blocks.push({
    type: 'section',
    text: { type: 'mrkdwn', text: `*Rules* (${bot.rules.length} of ${MAX_RULES_PER_BOT}): the first enabled rule whose triggers match runs.` },
  });
  bot.rules.forEach((rule, index) => {
    blocks.push({ type: 'section', block_id: `rule_${index}`, text: { type: 'mrkdwn', text: ruleSummary(rule, index, bot) } });
    blocks.push({
      type: 'actions',
      block_id: `rule_actions_${index}`,
      elements: [
        { type: 'button', action_id: EDIT_RULE_ACTION, text: { type: 'plain_text', text: 'Edit' }, value: String(index) },
        ...(index > 0 ? [{ type: 'button' as const, action_id: MOVE_RULE_UP_ACTION, text: { type: 'plain_text' as const, text: 'Move up' }, value: String(index) }] : []),
        {
          type: 'button',
          action_id: DELETE_RULE_ACTION,
          style: 'danger',
          text: { type: 'plain_text', text: 'Delete' },
          value: String(index),
          confirm: {
            title: { type: 'plain_text', text: 'Delete this rule?' },
            text: { type: 'plain_text', text: `"${rule.name}" stops handing conversations over.`.slice(0, 300) },
            confirm: { type: 'plain_text', text: 'Delete' },
            deny: { type: 'plain_text', text: 'Keep it' },
            style: 'danger',
          },
        },
      ],
    });
  });
  if (bot.rules.length === 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'No rules yet: nothing is handed over.' }] });
  blocks.push({
    type: 'actions',
    block_id: 'settings_add',
    elements: [
      { type: 'button', action_id: ADD_RULE_ACTION, style: 'primary', text: { type: 'plain_text', text: 'Add rule' }, value: 'add' },
      { type: 'button', action_id: YAML_ACTION, text: { type: 'plain_text', text: 'Advanced (YAML)' }, value: 'yaml' },
    ],
  });
  if (bot.rules.length >= MAX_RULES_PER_BOT) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${MAX_RULES_PER_BOT} rules is the most a bot can have: delete one before adding another.` }] });
  }
  return {
    type: 'modal',
    callback_id: SETTINGS_HOME_CALLBACK,
    private_metadata: settingsMetadata({ botId: bot.id, revision: bot.revision }),
    title: { type: 'plain_text', text: 'Handover settings' },
    close: { type: 'plain_text', text: 'Done' },
    blocks,
  };
}

function ruleSummary(rule: HandoverRule, index: number, bot: Bot): string {
  const triggers = rule.triggers
    .map((trigger) => (trigger === 'failed_resolution' ? `${TRIGGER_LABELS[trigger]} (${bot.failedTurnsBeforeHandover}×)` : TRIGGER_LABELS[trigger]))
    .join(', ');
  const assign = rule.assign.mode === 'claim' ? 'Claim button' : rule.assign.mode === 'auto' ? 'auto-assign' : /^[UW][A-Z0-9]+$/.test(rule.assign.staff) ? `<@${rule.assign.staff}>` : escapeMrkdwn(rule.assign.staff);
  const task = rule.task.enabled ? `task due in ${rule.task.dueInMinutes} min` : 'no task';
  const state = rule.enabled ? '' : ' _(off)_';
  return `*${index + 1}. ${escapeMrkdwn(rule.name)}*${state}\n${escapeMrkdwn(triggers)} · ${assign} · ${task}${rule.pauseBot ? ' · pauses the bot' : ''}${rule.csat === false ? ' · no CSAT' : ''}`.slice(0, 3000);
}
