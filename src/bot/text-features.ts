import { stem } from '../detection/sensitive-topic.js';
import { tokenize } from '../text/normalize-text.js';

/**
 * Features of a message for matching it to knowledge-base questions: stemmed
 * words, word pairs, and character 4-grams (which carry typos and word forms
 * the stemmer misses).
 */
export function textFeatures(text: string): string[] {
  const words = tokenize(text);
  const stems = words.map(stem);
  const features: string[] = [...stems];
  for (let i = 0; i + 1 < stems.length; i += 1) features.push(`${stems[i]} ${stems[i + 1]}`);
  const padded = ` ${words.join(' ')} `;
  for (let i = 0; i + 4 <= padded.length; i += 1) features.push(`#${padded.slice(i, i + 4)}`);
  return features;
}

/** A message as a sparse, L2-normalised TF-IDF vector over a fixed vocabulary. */
export class FeatureSpace {
  private readonly index = new Map<string, number>();
  private documentFrequency: number[] = [];
  private documents = 0;

  /** Learns the vocabulary and document frequencies from the training texts. */
  fit(texts: string[]): Array<Array<[number, number]>> {
    const counted = texts.map((text) => this.count(textFeatures(text), true));
    this.documents = counted.length;
    return counted.map((counts) => this.weigh(counts));
  }

  vector(text: string): Array<[number, number]> {
    return this.weigh(this.count(textFeatures(text), false));
  }

  get size(): number {
    return this.index.size;
  }

  private count(features: string[], grow: boolean): Map<number, number> {
    const counts = new Map<number, number>();
    for (const feature of features) {
      let id = this.index.get(feature);
      if (id === undefined) {
        if (!grow) continue;
        id = this.index.size;
        this.index.set(feature, id);
        this.documentFrequency.push(0);
      }
      const previous = counts.get(id);
      if (previous === undefined && grow) this.documentFrequency[id] = (this.documentFrequency[id] ?? 0) + 1;
      counts.set(id, (previous ?? 0) + 1);
    }
    return counts;
  }

  private weigh(counts: Map<number, number>): Array<[number, number]> {
    const vector: Array<[number, number]> = [];
    let squares = 0;
    for (const [id, count] of counts) {
      const weight = (1 + Math.log(count)) * Math.log(1 + this.documents / (this.documentFrequency[id] || 1));
      vector.push([id, weight]);
      squares += weight * weight;
    }
    const norm = Math.sqrt(squares) || 1;
    for (const entry of vector) entry[1] /= norm;
    return vector;
  }
}
