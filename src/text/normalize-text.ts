/**
 * Text normalisation shared by the detectors and the knowledge-base responder:
 * lower case, accents folded ("está" → "esta"), apostrophes dropped so
 * "don't" and "dont" meet, everything that is not a letter or digit a space.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words of the normalised text. */
export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized === '' ? [] : normalized.split(' ');
}
