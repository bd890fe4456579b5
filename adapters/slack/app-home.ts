import type { View } from '@slack/types';
import type { HandoverContext } from '../../src/handover-context.js';
import type { StaffMember } from '../../src/types.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import { openConversationsOf } from '../../src/conversation/open-conversations.js';

export const AVAILABILITY_ACTION = 'handover_availability';

/** App Home: my open conversations and tasks, and my availability for auto-assignment. */
export async function appHome(ctx: HandoverContext, staff: StaffMember): Promise<View> {
  const { conversations, tasks } = await openConversationsOf(ctx, staff, 20);
  const conversationLines = conversations.map(
    (conversation) => `• \`${conversation.id}\` — ${escapeMrkdwn(String(conversation.customer?.name ?? 'a customer'))} (${conversation.botId})`,
  );
  const taskLines = tasks.map(
    (task) => `• ${escapeMrkdwn(task.note)} — due <!date^${Math.floor(task.dueAt.getTime() / 1000)}^{date_short_pretty} {time}|${task.dueAt.toISOString()}>${task.status === 'overdue' ? ' *(overdue)*' : ''}`,
  );
  return {
    type: 'home',
    blocks: [
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
      { type: 'section', text: { type: 'mrkdwn', text: `*My open conversations*\n${conversationLines.join('\n') || 'None.'}` } },
      { type: 'section', text: { type: 'mrkdwn', text: `*My follow-up tasks*\n${taskLines.join('\n') || 'None.'}` } },
    ],
  };
}
