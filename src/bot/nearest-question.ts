import { stem } from '../detection/sensitive-topic.js';
import { tokenize } from '../text/normalize-text.js';
import type { KnowledgeBaseEntry } from './responder.js';

/**
 * How close a message comes to a knowledge base's questions: TF-IDF vectors
 * of stemmed content words and word pairs, cosine similarity through an
 * inverted index (cost grows with the message's words, not the base's size).
 * An entry's score is the mean of its closest variants, plus the margin over
 * the runner-up entry.
 */

const STOP_WORDS = new Set(['a', 'an', 'the', 'is', 'are', 'do', 'does', 'i', 'me', 'my', 'you', 'your', 'to', 'of', 'in', 'on', 'for', 'it', 'can', 'please', 'what', 'how', 'and', 'or', 'be', 'at', 'with', 'we', 'us', 'our', 'this', 'that', 'there', 'tell', 'would', 'could', 'will', 'like', 'know', 'want', 'need']);

function terms(text: string): string[] {
  const words = tokenize(text);
  const content = words.filter((word) => !STOP_WORDS.has(word)).map(stem);
  const features = [...content];
  for (let i = 0; i + 1 < content.length; i += 1) features.push(`${content[i]} ${content[i + 1]}`);
  // keep question words as weak features: "when" and "how much" tell questions apart
  for (const word of words) if (word === 'when' || word === 'where' || word === 'who' || word === 'much') features.push(`#${word}`);
  return features;
}

const TOP_K = 3;
const CONFIDENCE_SCALE = 1;
const MARGIN_WEIGHT = 1;

function insertTop(top: number[], score: number): void {
  if (top.length < TOP_K) {
    top.push(score);
    return;
  }
  let lowest = 0;
  for (let i = 1; i < top.length; i += 1) if (top[i]! < top[lowest]!) lowest = i;
  if (score > top[lowest]!) top[lowest] = score;
}

interface Variant {
  entry: number;
  norm: number;
}

export interface NearestQuestion {
  /** The closest entry (index into the entries) and how close, 0..1; -1 when nothing is shared. */
  closest(text: string): { entry: number; similarity: number };
}

export function createNearestQuestion(entries: readonly KnowledgeBaseEntry[]): NearestQuestion {
  const variantTerms: Array<{ entry: number; counts: Map<string, number> }> = [];
  const documentFrequency = new Map<string, number>();
  entries.forEach((entry, index) => {
    for (const question of entry.questions) {
      const counts = new Map<string, number>();
      for (const term of terms(question)) counts.set(term, (counts.get(term) ?? 0) + 1);
      if (counts.size === 0) continue;
      variantTerms.push({ entry: index, counts });
      for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  });
  const total = variantTerms.length;
  const entrySizes = entries.map(() => 0);
  for (const { entry } of variantTerms) entrySizes[entry] = (entrySizes[entry] ?? 0) + 1;
  const idf = (term: string) => Math.log(1 + total / (documentFrequency.get(term) ?? 0.5));

  const postings = new Map<string, Array<[variant: number, weight: number]>>();
  const variants: Variant[] = variantTerms.map(({ entry, counts }, id) => {
    let squares = 0;
    for (const [term, count] of counts) {
      const weight = (1 + Math.log(count)) * idf(term);
      squares += weight * weight;
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push([id, weight]);
    }
    return { entry, norm: Math.sqrt(squares) };
  });

  return {
    closest(text: string) {
      const counts = new Map<string, number>();
      for (const term of terms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
      const dots = new Float64Array(variants.length);
      const touched: number[] = [];
      let squares = 0;
      for (const [term, count] of counts) {
        const weight = (1 + Math.log(count)) * idf(term);
        squares += weight * weight;
        for (const [variant, variantWeight] of postings.get(term) ?? []) {
          if (dots[variant] === 0) touched.push(variant);
          dots[variant] = dots[variant]! + weight * variantWeight;
        }
      }
      const queryNorm = Math.sqrt(squares);
      // Each entry's score: the mean of its TOP_K closest variants, so one
      // lucky variant counts less than several agreeing ones.
      const topByEntry = new Map<number, number[]>();
      for (const variant of touched) {
        const score = dots[variant]! / (queryNorm * variants[variant]!.norm);
        const entry = variants[variant]!.entry;
        const top = topByEntry.get(entry);
        if (!top) topByEntry.set(entry, [score]);
        else insertTop(top, score);
      }
      let best = -1;
      let bestScore = 0;
      let secondScore = 0;
      for (const [entry, top] of topByEntry) {
        const k = Math.min(TOP_K, entrySizes[entry]!);
        const score = top.reduce((sum, value) => sum + value, 0) / k;
        if (score > bestScore) {
          secondScore = bestScore;
          bestScore = score;
          best = entry;
        } else if (score > secondScore) secondScore = score;
      }
      return { entry: best, similarity: Math.min(1, bestScore * CONFIDENCE_SCALE + (bestScore - secondScore) * MARGIN_WEIGHT) };
    },
  };
}
