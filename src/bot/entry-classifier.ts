import type { TextVector } from './text-features.js';

/**
 * Which knowledge-base entry a message asks about: a linear score per entry,
 * learnt from the entries' question variants when the knowledge base is
 * loaded (no model files, nothing downloaded).
 *
 * Training starts from each entry's centroid (the mean of its questions'
 * vectors, scaled) and corrects it with an averaged large-margin perceptron:
 * whenever another entry scores within MARGIN of a question's own entry, the
 * question's features move towards its entry and away from that rival.
 *
 * Scoring a question against every entry is most of the cost of training,
 * so only the first pass does it; it remembers each question's closest
 * rivals, and the later passes score only those; it beat both the
 * centroids alone and a logistic regression trained for full passes
 * (docs/decisions.md).
 *
 * A message's score for an entry is about CENTROID_SCALE times its cosine
 * similarity to the entry's questions, pushed up or down by what training
 * learnt; the responder turns the best score into a confidence.
 */
const MARGIN = 0.5;
const CENTROID_SCALE = 3;
const PASSES = 3;
const RIVALS = 5;

export class EntryClassifier {
  /** Feature-major: the weights of all entries for one feature are contiguous. */
  private readonly weights: Float32Array;

  constructor(
    private readonly entries: number,
    featureCount: number,
    questions: readonly TextVector[],
    labels: readonly number[],
  ) {
    this.weights = new Float32Array(featureCount * entries);
    this.startFromCentroids(questions, labels);
    if (entries > 1) this.train(questions, labels);
  }

  /** Writes every entry's score for the message into `scores` (length: entries). */
  score(message: TextVector, scores: Float64Array): void {
    const { entries, weights } = this;
    const { features, weights: values } = message;
    scores.fill(0);
    // unrolled by four: this loop is most of the time spent on a message
    const blocks = entries - (entries % 4);
    for (let j = 0; j < features.length; j += 1) {
      const base = features[j]! * entries;
      const value = values[j]!;
      let entry = 0;
      for (; entry < blocks; entry += 4) {
        scores[entry] = scores[entry]! + value * weights[base + entry]!;
        scores[entry + 1] = scores[entry + 1]! + value * weights[base + entry + 1]!;
        scores[entry + 2] = scores[entry + 2]! + value * weights[base + entry + 2]!;
        scores[entry + 3] = scores[entry + 3]! + value * weights[base + entry + 3]!;
      }
      for (; entry < entries; entry += 1) scores[entry] = scores[entry]! + value * weights[base + entry]!;
    }
  }

  private scoreOf(message: TextVector, entry: number): number {
    const { entries, weights } = this;
    let score = 0;
    for (let j = 0; j < message.features.length; j += 1) score += message.weights[j]! * weights[message.features[j]! * entries + entry]!;
    return score;
  }

  private startFromCentroids(questions: readonly TextVector[], labels: readonly number[]): void {
    const { entries, weights } = this;
    questions.forEach((question, i) => {
      for (let j = 0; j < question.features.length; j += 1) {
        const k = question.features[j]! * entries + labels[i]!;
        weights[k] = weights[k]! + question.weights[j]!;
      }
    });
    const squares = new Float64Array(entries);
    for (let base = 0; base < weights.length; base += entries) {
      for (let entry = 0; entry < entries; entry += 1) squares[entry] = squares[entry]! + weights[base + entry]! ** 2;
    }
    const scale = Array.from(squares, (sum) => (sum > 0 ? CENTROID_SCALE / Math.sqrt(sum) : 0));
    for (let base = 0; base < weights.length; base += entries) {
      for (let entry = 0; entry < entries; entry += 1) weights[base + entry] = weights[base + entry]! * scale[entry]!;
    }
  }

  private train(questions: readonly TextVector[], labels: readonly number[]): void {
    const { entries, weights } = this;
    const rivalCount = Math.min(RIVALS, entries - 1);
    const rivals = new Int32Array(questions.length * rivalCount);
    const rivalScores = new Float64Array(rivalCount);
    const scores = new Float64Array(entries);
    // averaged perceptron: `total` sums each update times the step it
    // happened at, so the mean of all intermediate weights is
    // weights - total / steps, without keeping them
    const total = new Float32Array(weights.length);
    const order = questions.map((_, i) => i);
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    let step = 1;

    for (let pass = 0; pass < PASSES; pass += 1) {
      for (let i = order.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (const i of order) {
        const question = questions[i]!;
        const own = labels[i]!;
        const at = i * rivalCount;
        let ownScore: number;
        let intruder = -1;
        let intruderScore = -Infinity;
        if (pass === 0) {
          this.score(question, scores);
          ownScore = scores[own]!;
          // remember the closest rivals, best first
          rivalScores.fill(-Infinity);
          for (let entry = 0; entry < entries; entry += 1) {
            const score = scores[entry]!;
            if (entry === own || score <= rivalScores[rivalCount - 1]!) continue;
            let k = rivalCount - 1;
            for (; k > 0 && rivalScores[k - 1]! < score; k -= 1) {
              rivalScores[k] = rivalScores[k - 1]!;
              rivals[at + k] = rivals[at + k - 1]!;
            }
            rivalScores[k] = score;
            rivals[at + k] = entry;
          }
          intruder = rivals[at]!;
          intruderScore = rivalScores[0]!;
        } else {
          ownScore = this.scoreOf(question, own);
          for (let k = at; k < at + rivalCount; k += 1) {
            const score = this.scoreOf(question, rivals[k]!);
            if (score > intruderScore) {
              intruderScore = score;
              intruder = rivals[k]!;
            }
          }
        }
        if (intruderScore + MARGIN > ownScore) {
          for (let j = 0; j < question.features.length; j += 1) {
            const base = question.features[j]! * entries;
            const delta = question.weights[j]!;
            weights[base + own] = weights[base + own]! + delta;
            weights[base + intruder] = weights[base + intruder]! - delta;
            total[base + own] = total[base + own]! + step * delta;
            total[base + intruder] = total[base + intruder]! - step * delta;
          }
        }
        step += 1;
      }
    }
    for (let k = 0; k < weights.length; k += 1) weights[k] = weights[k]! - total[k]! / step;
  }
}
