import type { Conversation, HandoverRecord, Message, Person } from '../types.js';

/** A handover as its conversation keeps it (the conversation and bot are the conversation's own). */
export type HandoverEntry = Omit<HandoverRecord, 'conversationId' | 'botId'>;

/**
 * Where a conversation's transcript stands, as the storage adapter last saw
 * it: handed back to the repository to read the transcript without reading
 * the conversation again. `appends` counts the appends so far; the rest is
 * the adapter's own.
 */
export interface TranscriptPosition {
  readonly appends: number;
}

/** A conversation as stored: with its follow-up tasks, its handovers and where its transcript stands. */
export interface StoredConversation extends Conversation {
  taskIds: string[];
  handovers: HandoverEntry[];
  transcript: TranscriptPosition;
}

/** What a write changes in a conversation besides appending to its transcript. */
export interface ConversationChange {
  status?: Conversation['status'];
  paused?: boolean;
  assignee?: Person | null;
  failedTurns?: number;
  incrementFailedTurns?: boolean;
  lastHandoverId?: string | null;
  /** Added once each (a tag already there stays once). */
  addTags?: string[];
  addHandover?: HandoverEntry;
  addTaskId?: string;
}

/** A new conversation with the first messages of its transcript. */
export interface NewStoredConversation {
  conversation: Conversation;
  taskIds: string[];
  handovers: HandoverEntry[];
  messages: Message[];
  /** The messages are a customer's message and the bot's answer to it (found again by readStoredAnswer). */
  answered?: boolean;
  /**
   * The conversation's last messages are read on its next turn (an AI
   * assistant's prompt): the storage may keep these first messages in
   * memory instead of reading them back.
   */
  tailReadNext?: boolean;
}

/** What a customer's turn adds, decided from the conversation as it was before the customer's message. */
export interface TurnAppend {
  /** The bot's answer, stored with the customer's message as its answer. */
  replies: Message[];
  /** Further changes, when the turn makes any (most make none). */
  change: ConversationChange | null;
}

/** Conversations and their transcripts. */
export interface ConversationRepository {
  find(conversationId: string): Promise<StoredConversation | null>;
  /**
   * The conversation as this process last wrote or read it, read only when
   * it does not know it: may be behind what another replica wrote since, so
   * only for a turn whose write then checks (appendCustomerTurnAt).
   */
  findAsLastWritten(conversationId: string): Promise<StoredConversation | null>;
  exists(conversationId: string): Promise<boolean>;
  /** The bot a conversation belongs to (null: no such conversation). */
  botOf(conversationId: string): Promise<string | null>;
  /** Fails with a ConflictError-like duplicate when the id is taken. */
  create(conversation: NewStoredConversation): Promise<void>;
  /** Appends messages with `change` applied in the same write; null when there is no such conversation. */
  append(conversationId: string, messages: Message[], change?: ConversationChange): Promise<StoredConversation | null>;
  /**
   * A customer's turn in one write: the message is appended and becomes the
   * last customer text; `decide` sees the conversation as it was before it.
   * Returns what `decide` returned, or null when there is no such conversation.
   */
  appendCustomerTurn<Decision extends TurnAppend>(message: Message, decide: (before: StoredConversation) => Decision): Promise<Decision | null>;
  /**
   * appendCustomerTurn, but only while the transcript still has `appends`
   * appends (what the caller asked its answer from): 'moved', with nothing
   * written, when another turn was appended since.
   */
  appendCustomerTurnAt<Decision extends TurnAppend>(message: Message, appends: number, decide: (before: StoredConversation) => Decision): Promise<Decision | 'moved' | null>;
  update(conversationId: string, change: ConversationChange): Promise<StoredConversation | null>;
  /** The whole transcript, in order. */
  readTranscript(conversation: Pick<StoredConversation, 'id' | 'transcript'>): Promise<Message[]>;
  /** The bot's answer stored with a customer message, or null when there is none (yet). */
  readStoredAnswer(conversation: Pick<StoredConversation, 'id' | 'transcript'>, messageId: string): Promise<Message[] | null>;
  /** The messages of the appends from `fromAppend` on. */
  readTranscriptSince(conversation: Pick<StoredConversation, 'id' | 'transcript'>, fromAppend: number): Promise<Message[]>;
  /** The last `lines` messages; a caller that has just appended `lastAppend` passes it, and it is not read again. */
  readTranscriptTail(conversation: Pick<StoredConversation, 'id' | 'transcript'>, lines: number, lastAppend?: Message[]): Promise<Message[]>;
  /** A staff member's open conversations (App Home), at most `limit`. */
  assignedTo(staffId: string, limit: number): Promise<StoredConversation[]>;
  /** How many conversations are in a status (metrics). */
  countWithStatus(status: Conversation['status']): Promise<number>;
}
