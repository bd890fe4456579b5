import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../adapters/repo-root.js';
import modelFile from '../../src/detection/contact-request-model.json' with { type: 'json' };
import { contactRequestProbability } from '../../src/detection/contact-request.js';
import { contactRequestFeatures } from '../../src/detection/contact-request-features.js';
import { contactRequestProbabilityOf, decodeModel, type ContactRequestModelFile } from '../../src/detection/contact-request-model.js';

const model = decodeModel(modelFile as unknown as ContactRequestModelFile);

/** Customer messages of every kind the eval sets hold: requests and look-alikes in five languages, and other questions. */
function sampleMessages(): string[] {
  const texts = (path: string) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { text: string }).text);
  const ours = readdirSync(repoPath('eval', 'data', 'ours')).flatMap((file) => texts(repoPath('eval', 'data', 'ours', file)));
  const dev = texts(repoPath('eval', 'data', 'contact_dev.jsonl'));
  return [...ours.filter((_, i) => i % 4 === 0), ...dev.filter((_, i) => i % 10 === 0), '', '   ', '!!!', 'agent', '人工客服'];
}

describe('the detector on a customer turn', () => {
  it('gives exactly the probability the training path computes from the listed features, for hundreds of messages', () => {
    const messages = sampleMessages();
    expect(messages.length).toBeGreaterThan(300);
    const differing = messages.filter((text) => !Object.is(contactRequestProbability(text), contactRequestProbabilityOf(model, contactRequestFeatures(text))));
    expect(differing).toEqual([]);
  });
});
