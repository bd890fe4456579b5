import type { ConversationRepository, StoredConversation, TurnAppend } from '../../src/ports/conversation-repository.js';
import { conversationUpdate, toStoredConversation, transcriptDocument } from './conversation-changes.js';
import type { ConversationDocument, HandoverStore } from './handover-store.js';
import { freshenConversation, knownConversation, rememberConversation } from './known-conversations.js';
import {
  appendCustomerTurn,
  appendCustomerTurnAt,
  appendToConversation,
  createConversation,
  readStoredAnswer,
  readTranscript,
  readTranscriptSince,
  readTranscriptTail,
  type ConversationChanges,
} from './transcript.js';
import { updateConversation } from './update-conversation.js';

/** Enough for every conversation active on a process at once; older ones are read again. */
const BOTS_REMEMBERED = 50_000;

/** A turn's decision about a stored conversation, with its change in the storage's terms. */
function storageDecision<Decision extends TurnAppend>(decide: (before: StoredConversation) => Decision) {
  return (before: ConversationDocument) => {
    const decision = decide(toStoredConversation(before));
    const update = decision.change ? (conversationUpdate(decision.change) as ConversationChanges) : null;
    // not `{ ...decision, update }`: a spread adding a field gives each object its own hidden class (see createConversation)
    return Object.assign({}, decision, { update });
  };
}

export function mongoConversations(store: HandoverStore): ConversationRepository {
  /**
   * A conversation's bot never changes, so the process keeps it once seen: a
   * turn checks it before writing, and FerretDB looks up by `_id` alone
   * without a scan (a filter on `_id` and `botId` reads the whole collection).
   * A conversation this process last wrote is in known-conversations.ts, bot
   * and all; only those read here are kept here too, so an id is not held
   * twice for every conversation started on this process.
   */
  const botsOf = new Map<string, string>();
  const rememberBot = (conversationId: string, botId: string) => {
    botsOf.delete(conversationId);
    botsOf.set(conversationId, botId);
    if (botsOf.size > BOTS_REMEMBERED) botsOf.delete(botsOf.keys().next().value!);
  };
  const stored = (doc: ConversationDocument | null) => (doc ? toStoredConversation(doc) : null);
  const find = async (conversationId: string) => {
    const doc = await store.conversations.findById(conversationId).lean<ConversationDocument>();
    if (doc) freshenConversation(store, doc);
    return stored(doc);
  };

  return {
    find,
    async findAsLastWritten(conversationId) {
      const known = knownConversation(store, conversationId);
      if (known) return toStoredConversation(known);
      const doc = await store.conversations.findById(conversationId).lean<ConversationDocument>();
      if (doc) rememberConversation(store, doc);
      return stored(doc);
    },
    async exists(conversationId) {
      return (await store.conversations.exists({ _id: conversationId })) !== null;
    },
    async botOf(conversationId) {
      const known = knownConversation(store, conversationId)?.botId ?? botsOf.get(conversationId);
      if (known) return known;
      const doc = await store.conversations.findById(conversationId).select('botId').lean();
      if (doc) rememberBot(conversationId, doc.botId);
      return doc?.botId ?? null;
    },
    async create({ conversation, taskIds, handovers, messages, answered, tailReadNext }) {
      const { id, ...fields } = conversation;
      await createConversation(store, { _id: id, ...fields, channelRefs: {}, taskIds, handovers }, messages, { answered, keepChunk: tailReadNext });
    },
    async append(conversationId, messages, change) {
      return stored(await appendToConversation(store, conversationId, messages, conversationUpdate(change)));
    },
    appendCustomerTurn<Decision extends TurnAppend>(message: Parameters<ConversationRepository['appendCustomerTurn']>[0], decide: (before: StoredConversation) => Decision) {
      return appendCustomerTurn(store, message, storageDecision(decide));
    },
    appendCustomerTurnAt<Decision extends TurnAppend>(message: Parameters<ConversationRepository['appendCustomerTurnAt']>[0], appends: number, decide: (before: StoredConversation) => Decision) {
      return appendCustomerTurnAt(store, message, appends, storageDecision(decide));
    },
    async update(conversationId, change) {
      return stored(await updateConversation(store, conversationId, conversationUpdate(change)));
    },
    readTranscript(conversation) {
      return readTranscript(store, transcriptDocument(conversation));
    },
    readStoredAnswer(conversation, messageId) {
      return readStoredAnswer(store, transcriptDocument(conversation), messageId);
    },
    readTranscriptSince(conversation, fromAppend) {
      return readTranscriptSince(store, transcriptDocument(conversation), fromAppend);
    },
    readTranscriptTail(conversation, lines, lastAppend) {
      return readTranscriptTail(store, transcriptDocument(conversation), lines, lastAppend);
    },
    async assignedTo(staffId, limit) {
      const docs = await store.conversations.find({ 'assignee.id': staffId, status: 'assigned' }).limit(limit).lean();
      return docs.map(toStoredConversation);
    },
    countWithStatus(status) {
      return store.conversations.countDocuments({ status });
    },
  };
}
