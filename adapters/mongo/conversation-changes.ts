import type { UpdateQuery } from 'mongoose';
import type { ConversationChange, StoredConversation, TranscriptPosition } from '../../src/ports/conversation-repository.js';
import type { ConversationDocument } from './handover-store.js';
import { toConversation } from './to-domain.js';

/** The update operators of a typed conversation change. */
export function conversationUpdate(change: ConversationChange = {}): UpdateQuery<ConversationDocument> {
  const update: UpdateQuery<ConversationDocument> = {};
  const set: Record<string, unknown> = {};
  for (const field of ['status', 'paused', 'assignee', 'failedTurns', 'lastHandoverId'] as const) {
    if (change[field] !== undefined) set[field] = change[field];
  }
  if (Object.keys(set).length > 0) update.$set = set;
  if (change.incrementFailedTurns) update.$inc = { failedTurns: 1 };
  if (change.addTags?.length) update.$addToSet = { tags: { $each: change.addTags } };
  const push: Record<string, unknown> = {};
  if (change.addHandover) push.handovers = change.addHandover;
  if (change.addTaskId) push.taskIds = change.addTaskId;
  if (Object.keys(push).length > 0) update.$push = push;
  return update;
}

/** The transcript's place in the document: chunks, and what earlier versions embedded or paged. */
export interface MongoTranscriptPosition extends TranscriptPosition {
  messageCount?: number;
  messages?: ConversationDocument['messages'];
}

export function toStoredConversation(doc: ConversationDocument): StoredConversation {
  const transcript: MongoTranscriptPosition = { appends: doc.chunkCount ?? 0 };
  if (doc.messageCount) transcript.messageCount = doc.messageCount;
  if (doc.messages) transcript.messages = doc.messages;
  // Object.assign, not a spread with fields the source lacks: V8 gives every object made by such a spread a
  // hidden class of its own (a turn makes one of these, and its readers' inline caches go megamorphic)
  return Object.assign(toConversation(doc), { taskIds: doc.taskIds ?? [], handovers: doc.handovers ?? [], transcript });
}

/** As much of the document as the transcript readers need, from a position handed back. */
export function transcriptDocument(conversation: Pick<StoredConversation, 'id' | 'transcript'>): ConversationDocument {
  const position = conversation.transcript as MongoTranscriptPosition;
  return { _id: conversation.id, chunkCount: position.appends, messageCount: position.messageCount, messages: position.messages } as ConversationDocument;
}
