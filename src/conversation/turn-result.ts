import type { Conversation, Message, TurnResult } from '../types.js';

export function turnResult(conversation: Conversation, replies: Message[], handover: TurnResult['handover'] = null): TurnResult {
  return {
    conversationId: conversation.id,
    status: conversation.status,
    paused: conversation.paused,
    tags: conversation.tags,
    assignee: conversation.assignee,
    replies: replies.map(({ id, from, text, at }) => ({ id, from, text, at })),
    handover,
  };
}
