import { MAX_RULES_PER_BOT } from '../../src/rules/handover-rule-schema.js';
import type { Bot } from '../../src/types.js';
import { rulesToYaml } from '../rules-yaml.js';

export const SAVE_RULES_VERB = 'save_rules';

/** The rules editor as an Adaptive Card form: the bot's rules as YAML, saved with Action.Execute. */
export function settingsCard(bot: Bot, note: string | null = null, yaml = rulesToYaml(bot.rules)) {
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body: [
      { type: 'TextBlock', text: `Handover rules of ${bot.name} (${bot.id})`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: `At most ${MAX_RULES_PER_BOT}; the first enabled rule whose triggers match runs.`, wrap: true, isSubtle: true },
      { type: 'Input.Text', id: 'rules', isMultiline: true, value: yaml, label: 'Rules (YAML)' },
      ...(note ? [{ type: 'TextBlock', text: note, wrap: true, color: 'Attention' }] : []),
    ],
    actions: [{ type: 'Action.Execute', title: 'Save', verb: SAVE_RULES_VERB, data: { botId: bot.id } }],
  };
}
