import type { StoredConversation } from '../ports/conversation-repository.js';
import type { Conversation } from '../types.js';

/** A stored conversation as the rest of the product sees it (without its storage bookkeeping). */
export function plainConversation({ taskIds: _tasks, handovers: _handovers, transcript: _transcript, ...conversation }: StoredConversation): Conversation {
  return conversation;
}
