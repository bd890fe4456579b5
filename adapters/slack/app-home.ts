import type { KnownBlock, PlainTextOption, View } from '@slack/types';
import type { HandoverContext } from '../../src/handover-context.js';
import type { Bot, StaffMember } from '../../src/types.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import { openConversationsOf } from '../../src/conversation/open-conversations.js';

export const AVAILABILITY_ACTION = 'handover_availability';
export const NOTIFY_PREFERENCES_ACTION = 'home_notify_preferences';
export const OPEN_SETTINGS_ACTION = 'home_open_settings';

const NOTIFY_OPTIONS: PlainTextOption[] = [
  { value: 'conversation', text: { type: 'plain_text', text: 'When a conversation gets assigned to me' } },
  { value: 'task', text: { type: 'plain_text', text: 'When a task gets assigned to me' } },
];

/**
 * App Home: my availability for auto-assignment, when I get direct
 * messages, my open conversations and tasks; for admins (`adminBots` not
 * null), their workspace's bots, each with a Settings button.
 */
export async function appHome(ctx: HandoverContext, staff: StaffMember, adminBots: Bot[] | null = null): Promise<View> {
  const { conversations, tasks } = await openConversationsOf(ctx, staff, 20);
  const conversationLines = conversations.map(
    (conversation) => `• \`${conversation.id}\` — ${escapeMrkdwn(String(conversation.customer?.name ?? 'a customer'))} (${conversation.botId})`,
  );
  const taskLines = tasks.map(
    (task) => `• ${escapeMrkdwn(task.note)} — due <!date^${Math.floor(task.dueAt.getTime() / 1000)}^{date_short_pretty} {time}|${task.dueAt.toISOString()}>${task.status === 'overdue' ? ' *(overdue)*' : ''}`,
  );
  const notifyOn = NOTIFY_OPTIONS.filter((option) => (option.value === 'conversation' ? staff.notifyOnConversationAssigned : staff.notifyOnTaskAssigned));
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Handover' } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: staff.available ? 'You are *available* for auto-assigned conversations.' : 'You are *not available* for auto-assignment.' },
      accessory: {
        type: 'button',
        action_id: AVAILABILITY_ACTION,
        text: { type: 'plain_text', text: staff.available ? 'Go unavailable' : 'Go available' },
        value: staff.available ? 'off' : 'on',
      },
    },
    { type: 'section', text: { type: 'mrkdwn', text: '*Send me a direct message*' } },
    {
      type: 'actions',
      block_id: 'home_notify',
      elements: [{ type: 'checkboxes', action_id: NOTIFY_PREFERENCES_ACTION, options: NOTIFY_OPTIONS, ...(notifyOn.length ? { initial_options: notifyOn } : {}) }],
    },
    { type: 'section', text: { type: 'mrkdwn', text: `*My open conversations*\n${conversationLines.join('\n') || 'None.'}`.slice(0, 3000) } },
    { type: 'section', text: { type: 'mrkdwn', text: `*My follow-up tasks*\n${taskLines.join('\n') || 'None.'}`.slice(0, 3000) } },
  ];
  if (adminBots) {
    blocks.push({ type: 'divider' }, { type: 'header', text: { type: 'plain_text', text: "Your workspace's bots" } });
    if (adminBots.length === 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'No bots yet.' }] });
    for (const bot of adminBots) {
      blocks.push({
        type: 'section',
        block_id: `home_bot_${bot.id}`,
        text: {
          type: 'mrkdwn',
          text: `*${escapeMrkdwn(bot.name)}* (\`${bot.id}\`)\nLabs ${bot.labs ? 'on' : 'off'} · Handover ${bot.handover ? 'on' : 'off'} · ${bot.rules.length} rule${bot.rules.length === 1 ? '' : 's'}`,
        },
        accessory: { type: 'button', action_id: OPEN_SETTINGS_ACTION, text: { type: 'plain_text', text: 'Settings' }, value: bot.id },
      });
    }
  }
  return { type: 'home', blocks };
}
