import type { KnownBlock } from '@slack/types';
import type { Conversation } from '../../src/types.js';
import type { EscalationView } from '../escalation-view.js';
import { clip, escapeMrkdwn } from './escape-mrkdwn.js';

export const CLAIM_ACTION = 'handover_claim';
export const RESOLVE_ACTION = 'handover_resolve';

const TRIGGER_LABEL: Record<string, string> = {
  contact_request: 'Asked for a person',
  lack_of_information: 'The bot had no answer',
  failed_resolution: 'The bot failed to help',
  sensitive_topic: 'Sensitive topic',
};

const AUTHOR_LABEL: Record<string, string> = { customer: 'Customer', bot: 'Bot', agent: 'Agent', system: 'System' };

/** The escalation post: who, which bot, why, the last lines, tags, task, and what to do. */
export function escalationBlocks(view: EscalationView): KnownBlock[] {
  const { bot, conversation, handover, task, transcript } = view;
  const customer = escapeMrkdwn(conversation.customer.name ?? conversation.customer.email ?? 'A customer');
  const trigger = handover ? TRIGGER_LABEL[handover.trigger] ?? handover.trigger : 'Handover';
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`${trigger} — ${bot.name}`, 150) } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(`*${customer}* needs the team.${handover ? `\n${escapeMrkdwn(handover.reason)}` : ''}`),
      },
    },
  ];
  const lines = transcript
    .slice(-8)
    .map((message) => `*${AUTHOR_LABEL[message.from] ?? message.from}:* ${escapeMrkdwn(message.text.replace(/\s+/g, ' ').slice(0, 300))}`);
  if (lines.length > 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(lines.join('\n')) } });
  const facts = [
    `*Status:* ${statusLine(conversation)}`,
    `*Tags:* ${conversation.tags.length ? conversation.tags.map(escapeMrkdwn).join(', ') : '—'}`,
    task ? `*Follow-up:* ${escapeMrkdwn(task.note)}, due <!date^${Math.floor(task.dueAt.getTime() / 1000)}^{date_short_pretty} {time}|${task.dueAt.toISOString()}>` : null,
    `*Conversation:* \`${conversation.id}\``,
  ].filter((fact): fact is string => fact !== null);
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(facts.join('  ·  ')) }] });

  const buttons = [];
  if (conversation.status === 'waiting') {
    buttons.push({ type: 'button' as const, action_id: CLAIM_ACTION, text: { type: 'plain_text' as const, text: 'Claim' }, style: 'primary' as const, value: conversation.id });
  }
  if (conversation.status === 'waiting' || conversation.status === 'assigned') {
    buttons.push({ type: 'button' as const, action_id: RESOLVE_ACTION, text: { type: 'plain_text' as const, text: 'Resolve' }, value: conversation.id });
  }
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: 'Reply in this thread to answer the customer. Claim first so they know who is helping.' }],
  });
  return blocks;
}

function statusLine(conversation: Conversation): string {
  switch (conversation.status) {
    case 'waiting':
      return 'waiting for someone to claim it';
    case 'assigned':
      return `claimed by ${conversation.assignee ? escapeMrkdwn(conversation.assignee.name) : 'someone'}`;
    case 'resolved':
      return 'resolved — the bot is back';
    default:
      return 'with the bot';
  }
}

/** The notification text (also what screen readers and notifications show). */
export function escalationSummary(view: EscalationView): string {
  const trigger = view.handover ? TRIGGER_LABEL[view.handover.trigger] ?? view.handover.trigger : 'Handover';
  return clip(`${trigger}: ${escapeMrkdwn(view.conversation.customer.name ?? 'a customer')} on ${escapeMrkdwn(view.bot.name)}`, 300);
}
