// `npx tsx eval/check-disjoint.ts <file.jsonl>`: which rows of a new set
// equal a row of any other .jsonl file under eval/data or training/, with
// case, accents and punctuation ignored (or repeat a row of the set
// itself). Prints only the new set's own texts, never the row or file they
// matched, so checking a new frozen set reveals nothing of the older ones.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJsonLines } from '../training/contact-corpus.js';

export function comparable(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function jsonLinesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonLinesUnder(path);
    return name.endsWith('.jsonl') ? [path] : [];
  });
}

const root = fileURLToPath(new URL('..', import.meta.url));
const target = resolve(process.argv[2] ?? '');
const others = new Set<string>();
for (const file of [...jsonLinesUnder(join(root, 'eval', 'data')), ...jsonLinesUnder(join(root, 'training'))]) {
  if (resolve(file) === target) continue;
  for (const row of readJsonLines<{ text?: string }>(file)) if (typeof row.text === 'string') others.add(comparable(row.text));
}
const seen = new Set<string>();
let matches = 0;
for (const row of readJsonLines<{ text: string }>(target)) {
  const key = comparable(row.text);
  if (others.has(key) || seen.has(key)) {
    matches += 1;
    console.log(`equals another row: ${row.text}`);
  }
  seen.add(key);
}
console.log(`${matches} of ${seen.size} rows equal another row`);
