import { normalizeText } from '../text/normalize-text.js';

/**
 * normalizeText for the customer message being classified, remembered for
 * the last message: on a customer turn the contact-request features, its
 * rules, the sensitive-topic match and the department hint each need the same
 * normalised text, and computing it once is the same string.
 */
let lastText: string | undefined;
let lastNormalized = '';

export function normalizedMessage(text: string): string {
  if (text !== lastText) {
    lastNormalized = normalizeText(text);
    lastText = text;
  }
  return lastNormalized;
}
