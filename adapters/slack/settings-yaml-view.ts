import type { View } from '@slack/types';
import { MAX_RULES_PER_BOT } from '../../src/rules/handover-rule-schema.js';
import { rulesToYaml } from '../rules-yaml.js';
import type { Bot } from '../../src/types.js';
import { settingsMetadata } from './settings-metadata.js';

export const YAML_CALLBACK = 'handover_settings';
export const RULES_BLOCK = 'rules';
export const RULES_INPUT = 'rules_yaml';
const YAML_MAX = 3000;

/**
 * "Advanced (YAML)", pushed over the settings modal: the bot's rules as YAML
 * in one text field (every field of every rule, at most six), checked on
 * submit with the same schema as the config file; mistakes are shown in the
 * view. The form (rule-editor-view.ts) is the main path.
 */
export function settingsYamlView(bot: Bot): View {
  const yaml = rulesToYaml(bot.rules);
  // more than the text input holds: a cut list saved back would lose rules
  if (yaml.length > YAML_MAX) {
    return {
      type: 'modal',
      title: { type: 'plain_text', text: 'Rules as YAML' },
      close: { type: 'plain_text', text: 'Back' },
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `The rules of *${bot.name}* are longer than ${YAML_MAX} characters as YAML, more than Slack's text field holds: edit them with the form, one rule at a time.`.slice(0, 3000) } }],
    };
  }
  return {
    type: 'modal',
    callback_id: YAML_CALLBACK,
    private_metadata: settingsMetadata({ botId: bot.id, revision: bot.revision }),
    title: { type: 'plain_text', text: 'Rules as YAML' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Back' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `Rules of *${bot.name}* (\`${bot.id}\`), at most ${MAX_RULES_PER_BOT}. The first enabled rule whose triggers match runs.`,
        },
      },
      {
        type: 'input',
        block_id: RULES_BLOCK,
        label: { type: 'plain_text', text: 'Rules (YAML)' },
        element: { type: 'plain_text_input', action_id: RULES_INPUT, multiline: true, initial_value: yaml, max_length: YAML_MAX },
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'triggers: contact_request, lack_of_information, failed_resolution, sensitive_topic · assign: {mode: claim} | {mode: user, staff: U0123} | {mode: auto} · task: {enabled, note, dueInMinutes} · closingMessage · pauseBot · tags · sensitiveTopics · notify: {slack, teams, email, webhook}',
          },
        ],
      },
    ],
  };
}
