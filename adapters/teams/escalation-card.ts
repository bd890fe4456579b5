import { escalationStatus, triggerLabel, type EscalationView } from '../../src/handover/escalation-view.js';
import { outOfHoursLine } from '../../src/business-hours/out-of-hours.js';

export const CLAIM_VERB = 'claim';
export const RESOLVE_VERB = 'resolve';
export const RETURN_VERB = 'return_to_bot';

/** Customer words as a RichTextBlock: TextRuns are plain text, so no markdown link or mention can be smuggled in. */
function plain(text: string, options: Record<string, unknown> = {}) {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: text.slice(0, 1000), ...options }] };
}

/** The escalation as an Adaptive Card (1.4) with Action.Execute Claim, Resolve and Return to bot. */
export function escalationCard(view: EscalationView, note: string | null = null) {
  const { bot, conversation, handover, task, transcript } = view;
  const trigger = triggerLabel(handover);
  const status = escalationStatus(conversation);
  const actions = [];
  if (conversation.status === 'waiting') actions.push({ type: 'Action.Execute', title: 'Claim', verb: CLAIM_VERB, data: { conversationId: conversation.id }, style: 'positive' });
  if (conversation.status === 'waiting' || conversation.status === 'assigned') {
    actions.push({ type: 'Action.Execute', title: 'Resolve', verb: RESOLVE_VERB, data: { conversationId: conversation.id } });
    actions.push({ type: 'Action.Execute', title: 'Return to bot', verb: RETURN_VERB, data: { conversationId: conversation.id } });
  }
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body: [
      { type: 'TextBlock', text: `${trigger} — ${bot.name}`, weight: 'Bolder', size: 'Medium', wrap: true },
      // the summary quotes the customer (and may come from a model): a plain TextRun like their own words
      ...(handover?.summary ? [plain(handover.summary.replace(/\s+/g, ' '))] : []),
      plain(`${conversation.customer.name ?? conversation.customer.email ?? 'A customer'} needs the team. ${handover?.reason ?? ''}`.trim()),
      {
        type: 'Container',
        separator: true,
        items: transcript.slice(-8).map((message) => plain(`${message.from}: ${message.text.replace(/\s+/g, ' ').slice(0, 300)}`)),
      },
      {
        type: 'FactSet',
        facts: [
          { title: 'Status', value: status },
          ...(outOfHoursLine(handover) ? [{ title: 'Hours', value: outOfHoursLine(handover)! }] : []),
          { title: 'Tags', value: conversation.tags.join(', ') || '—' },
          ...(task ? [{ title: 'Follow-up', value: `${task.note} (due ${task.dueAt.toISOString()})` }] : []),
          { title: 'Conversation', value: conversation.id },
        ],
      },
      ...(note ? [{ type: 'TextBlock', text: note, wrap: true, color: 'Attention' }] : []),
      {
        type: 'TextBlock',
        text: 'Only whoever claimed it speaks to the customer: mention Handover in a reply to send it (✅). Start with "note:" or "//" to keep it internal. Mention Handover with resolve, return, transfer @someone, tag <tag> or task 2h <note> to act on this conversation.',
        wrap: true,
        isSubtle: true,
        size: 'Small',
      },
    ],
    actions,
  };
}
