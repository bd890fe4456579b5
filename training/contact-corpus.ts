import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The labelled contact-request messages in eval/data: the public corpora
 * (see eval/data/README.md for sources and licences) and the per-language
 * sets we wrote ourselves (eval/data/ours/contact_*.jsonl).
 */
export const EVAL_DATA_DIR = fileURLToPath(new URL('../eval/data/', import.meta.url));

export interface ContactRow {
  text: string;
  isRequest: boolean;
  /** The corpus a row comes from, for leave-one-source-out. */
  source: ContactSource;
  /** Language of our own rows (de, fr, es, pt, it, zh); undefined for the public corpora. */
  language?: string;
}

export type ContactSource = 'rasa demos' | 'rasa nlu data' | 'clinc150' | 'bitext' | 'microsoft' | 'ours';

export function sourceOf(source: string): ContactSource {
  if (source.startsWith('RasaHQ/NLU-training-data')) return 'rasa nlu data';
  if (source.startsWith('RasaHQ/')) return 'rasa demos';
  if (source.startsWith('clinc/')) return 'clinc150';
  if (source.startsWith('bitext/')) return 'bitext';
  if (source.startsWith('microsoft/')) return 'microsoft';
  if (source.startsWith('handover')) return 'ours';
  throw new Error(`unknown source ${source}`);
}

export function readJsonLines<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

interface RawRow {
  text: string;
  label: string;
  source: string;
  language?: string;
}

export function readContactCorpus(dataDir = EVAL_DATA_DIR): ContactRow[] {
  const files = ['contact_dev.jsonl', 'contact_dev_extra.jsonl'].map((file) => join(dataDir, file));
  const ours = join(dataDir, 'ours');
  if (existsSync(ours)) {
    for (const file of readdirSync(ours).sort()) if (file.startsWith('contact_')) files.push(join(ours, file));
  }
  return files.flatMap((file) =>
    readJsonLines<RawRow>(file).map((row) => ({
      text: row.text,
      isRequest: row.label === 'contact_request',
      source: sourceOf(row.source),
      ...(row.language ? { language: row.language } : {}),
    })),
  );
}
