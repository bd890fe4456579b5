/** Wilson score interval at 95 %: honest for small counts and for proportions near 0 or 1. */
export function wilson(successes: number, trials: number): [number, number] {
  if (trials === 0) return [0, 1];
  const z = 1.959964;
  const p = successes / trials;
  const denominator = 1 + (z * z) / trials;
  const centre = (p + (z * z) / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export interface PrecisionRecall {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

const fixed = (value: number) => value.toFixed(3);

/** "precision 0.981 [0.962, 0.991] (…/…), recall …" */
export function describe({ truePositives, falsePositives, falseNegatives }: PrecisionRecall): string {
  const predicted = truePositives + falsePositives;
  const actual = truePositives + falseNegatives;
  const precision = predicted === 0 ? NaN : truePositives / predicted;
  const recall = actual === 0 ? NaN : truePositives / actual;
  const [pLow, pHigh] = wilson(truePositives, predicted);
  const [rLow, rHigh] = wilson(truePositives, actual);
  const p = predicted === 0 ? 'precision — (nothing flagged)' : `precision ${fixed(precision)} [${fixed(pLow)}, ${fixed(pHigh)}] (${truePositives}/${predicted})`;
  const r = actual === 0 ? 'recall — (no requests)' : `recall ${fixed(recall)} [${fixed(rLow)}, ${fixed(rHigh)}] (${truePositives}/${actual})`;
  return `${p}, ${r}`;
}

export function count(predictions: readonly boolean[], labels: readonly boolean[]): PrecisionRecall {
  const result = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  predictions.forEach((predicted, i) => {
    if (predicted && labels[i]) result.truePositives += 1;
    else if (predicted) result.falsePositives += 1;
    else if (labels[i]) result.falseNegatives += 1;
  });
  return result;
}
