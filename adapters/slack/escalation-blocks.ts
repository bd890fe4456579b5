import type { KnownBlock } from '@slack/types';
import { escalationStatus, triggerLabel, type EscalationView } from '../../src/handover/escalation-view.js';
import { clip, escapeMrkdwn, oneLine, withoutMarkup } from './escape-mrkdwn.js';
import { outOfHoursLine } from '../../src/business-hours/out-of-hours.js';
import { namedAssigneeMissingMrkdwn } from './named-assignee-missing.js';

export const CLAIM_ACTION = 'handover_claim';
export const RESOLVE_ACTION = 'handover_resolve';
export const TRANSFER_ACTION = 'handover_transfer';
export const RETURN_ACTION = 'handover_return';

const AUTHOR_LABEL: Record<string, string> = { customer: 'Customer', bot: 'Bot', agent: 'Agent', system: 'System' };

/** The escalation post: who, which bot, why, the last lines, tags, task, and what to do. */
export function escalationBlocks(view: EscalationView): KnownBlock[] {
  const { bot, conversation, handover, task, transcript } = view;
  const customer = oneLine(conversation.customer.name ?? conversation.customer.email ?? 'A customer');
  const trigger = triggerLabel(handover);
  // Words from outside (the customer's name and messages, a handing-off bot's reason) only ever go in
  // plain_text, which Slack never parses for formatting, and on one line: they cannot pass for our lines.
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`${trigger} — ${bot.name}`, 150) } },
    // the summary quotes the customer (and may come from a model): plain_text on one line, like their own words
    ...(handover?.summary ? [{ type: 'section' as const, text: { type: 'plain_text' as const, emoji: false, text: clip(escapeMrkdwn(oneLine(handover.summary))) } }] : []),
    {
      type: 'section',
      text: {
        type: 'plain_text',
        emoji: false,
        text: clip(escapeMrkdwn(`${customer} needs the team.${handover ? `\n${oneLine(handover.reason)}` : ''}`)),
      },
    },
  ];
  for (const message of transcript.slice(-8)) {
    const words = escapeMrkdwn(oneLine(message.text).slice(0, 300));
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: `*${AUTHOR_LABEL[message.from] ?? escapeMrkdwn(message.from)}:*` },
        // (a text object must not be empty)
        { type: 'plain_text', emoji: false, text: message.from === 'customer' ? `&gt; ${words}` : words || '—' },
      ],
    });
  }
  const facts = [
    `*Status:* ${escapeMrkdwn(escalationStatus(conversation))}`,
    outOfHoursLine(handover) ? `*${escapeMrkdwn(outOfHoursLine(handover)!)}*` : null,
    `*Tags:* ${conversation.tags.length ? conversation.tags.map(escapeMrkdwn).join(', ') : '—'}`,
    task ? `*Follow-up:* ${escapeMrkdwn(task.note)}, due <!date^${Math.floor(task.dueAt.getTime() / 1000)}^{date_short_pretty} {time}|${task.dueAt.toISOString()}>` : null,
    `*Conversation:* \`${conversation.id}\``,
  ].filter((fact): fact is string => fact !== null);
  if (handover?.namedAssigneeMissing) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(namedAssigneeMissingMrkdwn(handover.rule, handover.namedAssigneeMissing)) } });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(facts.join('  ·  ')) }] });

  const buttons = [];
  if (conversation.status === 'waiting') {
    buttons.push({ type: 'button' as const, action_id: CLAIM_ACTION, text: { type: 'plain_text' as const, text: 'Claim' }, style: 'primary' as const, value: conversation.id });
  }
  if (conversation.status === 'waiting' || conversation.status === 'assigned') {
    buttons.push({ type: 'button' as const, action_id: RESOLVE_ACTION, text: { type: 'plain_text' as const, text: 'Resolve' }, value: conversation.id });
    buttons.push({ type: 'button' as const, action_id: RETURN_ACTION, text: { type: 'plain_text' as const, text: 'Return to bot' }, value: conversation.id });
  }
  const withTeam = conversation.status === 'waiting' || conversation.status === 'assigned';
  if (buttons.length > 0) {
    blocks.push({
      type: 'actions',
      block_id: `handover_actions:${conversation.id}`,
      elements: [
        ...buttons,
        ...(withTeam
          ? [{ type: 'users_select' as const, action_id: TRANSFER_ACTION, placeholder: { type: 'plain_text' as const, text: conversation.status === 'waiting' ? 'Assign to…' : 'Transfer to…' } }]
          : []),
      ],
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: 'Only whoever claimed it speaks to the customer: their replies in this thread are sent (✅). Start with `note:` or `//` to keep a message internal. `/handover resolve | return | transfer @someone | tag <tag> | task 2h <note>` act on the escalation you last touched.',
      },
    ],
  });
  return blocks;
}

/** The notification text (also what screen readers and notifications show); chat.update parses it as mrkdwn whatever we ask. */
export function escalationSummary(view: EscalationView): string {
  const trigger = triggerLabel(view.handover);
  return clip(`${trigger}: ${withoutMarkup(escapeMrkdwn(oneLine(view.conversation.customer.name ?? 'a customer')))} on ${escapeMrkdwn(view.bot.name)}`, 300);
}
