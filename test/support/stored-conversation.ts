import type { ConversationDocument } from '../../adapters/mongo/handover-store.js';

/** A demo bot's conversation document with the bot, as storage tests write it themselves. */
export function storedConversationFields(id: string, at: Date): Omit<ConversationDocument, 'chunkCount' | 'messageCount' | 'messages' | 'revision'> {
  return {
    _id: id,
    botId: 'demo',
    status: 'bot',
    paused: false,
    tags: [],
    assignee: null,
    customer: {},
    failedTurns: 0,
    lastCustomerText: 'Hello',
    lastHandoverId: null,
    channelRefs: {},
    taskIds: [],
    handovers: [],
    createdAt: at,
    updatedAt: at,
  };
}
