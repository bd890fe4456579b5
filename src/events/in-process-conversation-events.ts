import { EventEmitter } from 'node:events';
import type { ConversationEvent, ConversationEvents } from '../ports/conversation-events.js';

/** Conversation events within one process. */
export function createInProcessConversationEvents(): ConversationEvents {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish(conversationId, event) {
      emitter.emit(conversationId, event);
    },
    subscribe(conversationId, listener) {
      emitter.on(conversationId, listener);
      return () => emitter.off(conversationId, listener);
    },
  };
}
