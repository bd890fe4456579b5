import type { BotAnswer, Responder } from '../bot/responder.js';
import { detectContactRequest } from '../detection/contact-request.js';
import { isNegativeFeedback } from '../detection/negative-feedback.js';
import { tokenize } from '../text/normalize-text.js';

/** What the bot makes of one customer message, before any rule is judged. */
export interface CustomerTurnReading {
  contactRequest: boolean;
  /** Whom a contact request asks for, when the customer said. */
  department: string | null;
  negativeFeedback: boolean;
  repeatedQuestion: boolean;
  answer: BotAnswer;
  /** The bot could not help on this turn: no answer, "that didn't help", or the same question again. */
  failed: boolean;
}

const NO_ANSWER: BotAnswer = { answered: false, entryId: null, answer: null, confidence: 0 };

/** What the message's words alone show (no answer, no earlier message): a turn that asks a model reads it once for both steps. */
export interface MessageDetection {
  contactRequest: boolean;
  department: string | null;
  negativeFeedback: boolean;
}

export function detectInMessage(text: string, contactRequestThreshold?: number): MessageDetection {
  const { isRequest: contactRequest, department } = detectContactRequest(text, contactRequestThreshold);
  return { contactRequest, department, negativeFeedback: !contactRequest && isNegativeFeedback(text) };
}

export function readCustomerTurn(
  responder: Responder,
  text: string,
  previousText: string | null,
  contactRequestThreshold?: number,
  detected: MessageDetection = detectInMessage(text, contactRequestThreshold),
): CustomerTurnReading {
  const { contactRequest, department, negativeFeedback } = detected;
  // "That didn't help" is about the last answer, not a question for the knowledge base.
  const answer = negativeFeedback ? NO_ANSWER : responder.answer(text);
  const repeatedQuestion = !negativeFeedback && previousText !== null && isSameQuestion(text, previousText);
  const failed = !contactRequest && (negativeFeedback || repeatedQuestion || !answer.answered);
  return { contactRequest, department, negativeFeedback, repeatedQuestion, answer, failed };
}

/** Asking again in nearly the same words means the answer did not help. */
function isSameQuestion(a: string, b: string): boolean {
  const wordsA = new Set(tokenize(a));
  const wordsB = new Set(tokenize(b));
  if (wordsA.size < 2 || wordsB.size < 2) return false;
  let shared = 0;
  for (const word of wordsA) if (wordsB.has(word)) shared += 1;
  return shared / (wordsA.size + wordsB.size - shared) >= 0.8;
}
