import { EventEmitter } from 'node:events';
import type { ConversationEvent, ConversationEvents } from '../ports/conversation-events.js';
import type { ConversationRepository } from '../ports/conversation-repository.js';
import type { QueueStanding } from '../types.js';

/** Far enough back to catch a message another replica stamped a moment before it committed. */
const LOOKBACK_MS = 5_000;
const SEEN_LIMIT = 20_000;
/** Appends read again on each poll: an append counted before its messages were written is caught on the next one. */
const APPENDS_REREAD = 2;

/**
 * Conversation events shared by every replica without change streams
 * (the embedded database has none): events published here reach local watchers at once,
 * and a poll of the watched conversations picks up what other replicas
 * wrote (an agent reply that landed on replica A reaches a stream on B).
 */
export function createSharedConversationEvents(
  conversations: ConversationRepository,
  options: {
    pollMs: number;
    /** The standings in a bot's queue, so a waiting customer hears of claims made on other replicas. */
    queueOf?: (botId: string) => Promise<Map<string, QueueStanding>>;
  },
): ConversationEvents & { stop(): void } {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const watched = new Map<string, number>();
  const seenMessages = new Set<string>();
  const lastStatus = new Map<string, string>();
  const appendsPolled = new Map<string, number>();
  const lastQueue = new Map<string, string>();

  const remember = (messageId: string) => {
    seenMessages.add(messageId);
    if (seenMessages.size > SEEN_LIMIT) seenMessages.delete(seenMessages.values().next().value!);
  };

  /**
   * What the poll compares with is kept for conversations not yet watched too (a stream opened just after a
   * status change here must hear of the next change made elsewhere), but only for the most recent ones: kept for
   * every conversation that ever escalated, it grew for the life of the process.
   */
  const keep = (map: Map<string, string>, conversationId: string, value: string) => {
    map.set(conversationId, value);
    if (map.size <= SEEN_LIMIT) return;
    for (const oldest of map.keys()) {
      if (watched.has(oldest)) continue;
      map.delete(oldest);
      return;
    }
  };

  let polling = false;
  const poll = async () => {
    if (polling || watched.size === 0) return;
    polling = true;
    try {
      const since = `msg_${(Date.now() - LOOKBACK_MS).toString(36).padStart(9, '0')}`;
      // one read per watched conversation, by id
      const found = await Promise.all([...watched.keys()].map((id) => conversations.find(id)));
      await pollQueues(found.filter((conversation) => conversation?.status === 'waiting').map((conversation) => conversation!));
      for (const conversation of found) {
        if (!conversation) continue;
        const appends = conversation.transcript.appends;
        const from = Math.max(0, Math.min(appendsPolled.get(conversation.id) ?? appends, appends) - APPENDS_REREAD);
        appendsPolled.set(conversation.id, appends);
        for (const message of await conversations.readTranscriptSince(conversation, from)) {
          if (message.id <= since || seenMessages.has(message.id)) continue;
          remember(message.id);
          emitter.emit(conversation.id, { type: 'message', message } satisfies ConversationEvent);
        }
        const status = JSON.stringify([conversation.status, conversation.paused, conversation.assignee?.id ?? null]);
        const previous = lastStatus.get(conversation.id);
        lastStatus.set(conversation.id, status);
        if (previous === undefined || previous === status) continue;
        const { status: value, paused, assignee } = conversation;
        emitter.emit(conversation.id, { type: 'status', status: value, paused, assignee } satisfies ConversationEvent);
      }
    } catch {
      // the database is briefly unreachable: the next poll catches up (LOOKBACK_MS)
    } finally {
      polling = false;
    }
  };
  /** One queue read per bot with a waiting conversation watched here. */
  const pollQueues = async (waiting: Array<{ id: string; botId: string }>) => {
    if (!options.queueOf || waiting.length === 0) return;
    const bots = new Map<string, Map<string, QueueStanding>>();
    for (const botId of new Set(waiting.map((conversation) => conversation.botId))) bots.set(botId, await options.queueOf(botId));
    for (const { id, botId } of waiting) {
      const standing = bots.get(botId)?.get(id);
      if (!standing) continue;
      const seen = JSON.stringify(standing);
      if (lastQueue.get(id) === seen) continue;
      lastQueue.set(id, seen);
      emitter.emit(id, { type: 'queue', queue: standing } satisfies ConversationEvent);
    }
  };
  const timer = setInterval(() => void poll(), options.pollMs);
  timer.unref();

  return {
    publish(conversationId, event) {
      if (event.type === 'message') remember(event.message.id);
      else if (event.type === 'queue') keep(lastQueue, conversationId, JSON.stringify(event.queue));
      else keep(lastStatus, conversationId, JSON.stringify([event.status, event.paused, event.assignee?.id ?? null]));
      emitter.emit(conversationId, event);
    },
    subscribe(conversationId, listener) {
      watched.set(conversationId, (watched.get(conversationId) ?? 0) + 1);
      emitter.on(conversationId, listener);
      return () => {
        emitter.off(conversationId, listener);
        const count = (watched.get(conversationId) ?? 1) - 1;
        if (count > 0) watched.set(conversationId, count);
        else {
          watched.delete(conversationId);
          lastStatus.delete(conversationId);
          appendsPolled.delete(conversationId);
          lastQueue.delete(conversationId);
        }
      };
    },
    stop() {
      clearInterval(timer);
    },
  };
}
