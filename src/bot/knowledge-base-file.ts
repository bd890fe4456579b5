import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { KnowledgeBaseEntry } from './responder.js';

export const knowledgeBaseEntrySchema = z
  .object({
    id: z.string().trim().min(1).max(100),
    questions: z.array(z.string().trim().min(1).max(1000)).min(1, 'an entry needs at least one question'),
    answer: z.string().trim().min(1).max(4000),
  })
  .strict();

export const knowledgeBaseSchema = z.array(knowledgeBaseEntrySchema);

/** A knowledge base file (YAML or JSON): a list of `{ id, questions, answer }`. */
export function loadKnowledgeBaseFile(path: string): KnowledgeBaseEntry[] {
  const raw: unknown = parseYaml(readFileSync(path, 'utf8'));
  const parsed = knowledgeBaseSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [index, ...field] = issue.path;
    const place = index === undefined ? 'the file' : `entry ${String(index)}${field.length ? `, field ${field.join('.')}` : ''}`;
    throw new Error(`knowledge base ${path}: ${place}: ${issue.message}`);
  }
  return parsed.data;
}
