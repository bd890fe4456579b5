import { z } from 'zod';
import { parseConfigYaml, readConfigText } from '../config/config-text.js';
import type { KnowledgeBaseEntry } from './responder.js';
import { HandoverError } from '../errors.js';

/** The most entries a knowledge base holds, and questions an entry lists. */
export const MAX_KNOWLEDGE_BASE_ENTRIES = 2000;
export const MAX_QUESTIONS_PER_ENTRY = 50;

/** One entry of a knowledge base, as written in a knowledge-base or configuration file. */
export const knowledgeBaseEntrySchema = z.strictObject({
  id: z.string().trim().min(1, 'an entry needs an id').max(100),
  questions: z
    .array(z.string().trim().min(1, 'a question cannot be empty').max(500, 'a question is at most 500 characters'))
    .min(1, 'an entry needs at least one question')
    .max(MAX_QUESTIONS_PER_ENTRY, `at most ${MAX_QUESTIONS_PER_ENTRY} questions per entry`),
  answer: z.string().trim().min(1, 'an entry needs an answer').max(4000, 'an answer is at most 4000 characters'),
});

/** A whole knowledge base: a list of entries with distinct ids. */
export const knowledgeBaseSchema = z
  .array(knowledgeBaseEntrySchema)
  .max(MAX_KNOWLEDGE_BASE_ENTRIES, `at most ${MAX_KNOWLEDGE_BASE_ENTRIES} entries`)
  .superRefine((entries, context) => {
    const seen = new Map<string, number>();
    entries.forEach((entry, index) => {
      const first = seen.get(entry.id);
      if (first === undefined) seen.set(entry.id, index);
      else context.addIssue({ code: 'custom', path: [index, 'id'], message: `"${entry.id}" is already the id of entry ${first}` });
    });
  });

export class KnowledgeBaseFileError extends HandoverError {
  constructor(message: string) {
    super('knowledge_base_file', message);
  }
}

/** Where a zod issue is, in words: "entry 3, field questions.0". */
function placeOf(path: readonly PropertyKey[]): string {
  const [index, ...field] = path;
  if (index === undefined) return 'the file';
  return `entry ${String(index)}${field.length > 0 ? `, field ${field.map(String).join('.')}` : ''}`;
}

/** Reads a knowledge base file (YAML or JSON): a list of `{ id, questions, answer }`. */
export function loadKnowledgeBaseFile(path: string): KnowledgeBaseEntry[] {
  let text: string;
  try {
    text = readConfigText(path);
  } catch (error) {
    throw new KnowledgeBaseFileError(`knowledge base ${path}: cannot read it (${(error as Error).message})`);
  }
  let raw: unknown;
  try {
    // YAML is a superset of JSON: one parser reads both
    raw = parseConfigYaml(text);
  } catch (error) {
    throw new KnowledgeBaseFileError(`knowledge base ${path}: not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = knowledgeBaseSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const message = issue.path.length === 0 && issue.code === 'invalid_type' ? 'expected a list of { id, questions, answer } entries' : issue.message;
    throw new KnowledgeBaseFileError(`knowledge base ${path}: ${placeOf(issue.path)}: ${message}`);
  }
  return parsed.data;
}
