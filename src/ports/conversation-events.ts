import type { ConversationStatus, MessageAuthor, Person, QueueStanding } from '../types.js';

/** Live updates for a conversation's watchers (the web chat's event stream). */
export type ConversationEvent =
  | { type: 'message'; message: { id: string; from: MessageAuthor; text: string; at: Date; author: Person | null } }
  | { type: 'status'; status: ConversationStatus; paused: boolean; assignee: Person | null }
  /** A waiting customer's place in the queue changed. */
  | { type: 'queue'; queue: QueueStanding };

export interface ConversationEvents {
  publish(conversationId: string, event: ConversationEvent): void;
  /** Returns the function that stops the subscription. */
  subscribe(conversationId: string, listener: (event: ConversationEvent) => void): () => void;
}
