import type { Message } from '../types.js';

/** The bot port: a knowledge base answers at once; a model (or another bot) answers asynchronously. */
export interface KnowledgeBaseEntry {
  id: string;
  questions: string[];
  answer: string;
}

export interface BotAnswer {
  answered: boolean;
  entryId: string | null;
  answer: string | null;
  /** 0..1: how sure the bot is that this entry answers the message. */
  confidence: number;
  /** Why the bot could not answer, when it can say (an AI assistant's "I can't answer this"). */
  unansweredReason?: string;
  /** An AI assistant asked for a handover under a rule's guidance: the rule's name and the assistant's reason. */
  handover?: { rule: string; reason: string };
}

/**
 * Answers from what it has at hand: a plain value, so a customer turn
 * awaits nothing for it (the turn's plan runs inside a synchronous store
 * update, see handle-customer-message.ts).
 */
export interface Responder {
  answer(text: string): BotAnswer;
}

/** An entry of the knowledge base with how well it matches a message (0..1, the same scale as BotAnswer.confidence). */
export interface RetrievedEntry {
  entry: KnowledgeBaseEntry;
  confidence: number;
}

/** The knowledge base's responder, which also ranks entries to ground a model's answer. */
export interface KnowledgeBaseResponder extends Responder {
  /** The `limit` entries closest to the message, best first (none when the message has no known words). */
  retrieve(text: string, limit: number): RetrievedEntry[];
}

/** What an asynchronous responder is told of a turn. */
export interface ResponderTurn {
  text: string;
  /**
   * The conversation's latest messages before this one, oldest first: read
   * only when the responder needs them (not when its model is known to be down).
   */
  transcript: () => Promise<readonly Message[]>;
}

/**
 * Answers by asking something slow (a language model): the turn asks it
 * before storing the message and plans with the answer. It never throws and
 * never takes longer than its own time budget: on failure it answers with
 * its fallback.
 */
export interface AsyncResponder {
  answer(turn: ResponderTurn): Promise<BotAnswer>;
  /** 1-3 sentences for the team about a conversation being handed over; null when it cannot (the caller writes one itself). */
  summarize(transcript: readonly Message[], reason: string): Promise<string | null>;
}
