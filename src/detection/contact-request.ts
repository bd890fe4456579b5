import modelFile from './contact-request-model.json' with { type: 'json' };
import { contactRequestProbabilityOfText, decodeModel, type ContactRequestModelFile } from './contact-request-model.js';
import { departmentHint, type DepartmentHint } from './department-hint.js';

/**
 * Does the customer ask to talk to a person? The hand-written rules
 * (contact-request-rules.ts) are one feature of a learned model
 * (contact-request-model.ts) that also reads words and character n-grams,
 * so phrasings the rules never saw still count. `score` is the calibrated
 * probability that the message is a request; it is one when it reaches the
 * bot's threshold (`contactRequestThreshold`, 0.5 unless set).
 */
export const DEFAULT_CONTACT_REQUEST_THRESHOLD = 0.5;

export interface ContactRequestReading {
  isRequest: boolean;
  /** Calibrated probability, 0..1. */
  score: number;
  /** Whom the customer asks for, when they say (only for requests). */
  department: DepartmentHint | null;
}

const model = decodeModel(modelFile as unknown as ContactRequestModelFile);

export function contactRequestProbability(text: string): number {
  return contactRequestProbabilityOfText(model, text);
}

export function detectContactRequest(text: string, threshold = DEFAULT_CONTACT_REQUEST_THRESHOLD): ContactRequestReading {
  const score = contactRequestProbability(text);
  const isRequest = score >= threshold;
  return { isRequest, score, department: isRequest ? departmentHint(text) : null };
}
