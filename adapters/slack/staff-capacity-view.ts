import type { View } from '@slack/types';
import type { Bot } from '../../src/types.js';
import { settingsMetadata } from './settings-metadata.js';

export const STAFF_CAPACITY_CALLBACK = 'handover_staff_capacity';
export const CAPACITY_FIELD = 'staff_capacity';

/** The bot's staff capacity in words, for the settings modal. */
export function staffCapacityText(bot: Pick<Bot, 'staffCapacity'>): string {
  return bot.staffCapacity ? `${bot.staffCapacity} open conversation${bot.staffCapacity === 1 ? '' : 's'} per person` : 'each person’s own limit (5 unless they set theirs)';
}

/** A small form pushed over the settings modal: how many open conversations auto-assignment gives each person for this bot. */
export function staffCapacityView(bot: Bot): View {
  return {
    type: 'modal',
    callback_id: STAFF_CAPACITY_CALLBACK,
    private_metadata: settingsMetadata({ botId: bot.id, revision: bot.revision }),
    title: { type: 'plain_text', text: 'Staff capacity' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Back' },
    blocks: [
      {
        type: 'input',
        block_id: CAPACITY_FIELD,
        optional: true,
        label: { type: 'plain_text', text: 'Open conversations per person for this bot' },
        hint: { type: 'plain_text', text: 'Auto-assignment gives nobody more; the rest wait in the queue. Empty: each person’s own limit.' },
        element: { type: 'number_input', action_id: CAPACITY_FIELD, is_decimal_allowed: false, min_value: '1', max_value: '100', ...(bot.staffCapacity ? { initial_value: String(bot.staffCapacity) } : {}) },
      },
    ],
  };
}
