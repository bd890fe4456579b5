/**
 * Multinomial logistic regression over sparse vectors, trained by SGD when a
 * knowledge base is loaded (no model files, nothing downloaded).
 */
export class IntentClassifier {
  private readonly weights: Float32Array;
  private readonly bias: Float32Array;
  private readonly scores: Float64Array;

  constructor(
    private readonly features: number,
    private readonly classes: number,
  ) {
    this.weights = new Float32Array(features * classes);
    this.bias = new Float32Array(classes);
    this.scores = new Float64Array(classes);
  }

  train(examples: Array<Array<[number, number]>>, labels: number[], epochs = 8): void {
    const order = examples.map((_, i) => i);
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let epoch = 0; epoch < epochs; epoch += 1) {
      for (let i = order.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const rate = 1 / (1 + epoch);
      for (const i of order) this.step(examples[i]!, labels[i]!, rate);
    }
  }

  /** The most likely class and its probability. */
  predict(vector: Array<[number, number]>): { label: number; probability: number } {
    const probabilities = this.probabilities(vector);
    let label = 0;
    for (let c = 1; c < this.classes; c += 1) if (probabilities[c]! > probabilities[label]!) label = c;
    return { label, probability: probabilities[label] ?? 0 };
  }

  private step(vector: Array<[number, number]>, label: number, rate: number): void {
    const probabilities = this.probabilities(vector);
    for (let c = 0; c < this.classes; c += 1) {
      const gradient = probabilities[c]! - (c === label ? 1 : 0);
      // most classes barely move for a given example: skipping them keeps training fast
      if (gradient > -1e-3 && gradient < 1e-3) continue;
      this.bias[c] = this.bias[c]! - rate * gradient;
      for (const [feature, value] of vector) {
        const k = feature * this.classes + c;
        this.weights[k] = this.weights[k]! - rate * gradient * value;
      }
    }
  }

  private probabilities(vector: Array<[number, number]>): Float64Array {
    const scores = this.scores;
    for (let c = 0; c < this.classes; c += 1) scores[c] = this.bias[c]!;
    for (const [feature, value] of vector) {
      if (feature >= this.features) continue;
      const base = feature * this.classes;
      for (let c = 0; c < this.classes; c += 1) scores[c] = scores[c]! + this.weights[base + c]! * value;
    }
    let max = -Infinity;
    for (let c = 0; c < this.classes; c += 1) if (scores[c]! > max) max = scores[c]!;
    let sum = 0;
    for (let c = 0; c < this.classes; c += 1) {
      scores[c] = Math.exp(scores[c]! - max);
      sum += scores[c]!;
    }
    for (let c = 0; c < this.classes; c += 1) scores[c] = scores[c]! / sum;
    return scores;
  }
}
