// `npx handover classify` and `npx handover answer --kb FILE` (spec §6):
// JSON lines in on stdin, one JSON line out per input line.
import { createInterface } from 'node:readline';
import { createKnowledgeBaseResponder } from '../bot/knowledge-base-responder.js';
import { loadKnowledgeBaseFile } from '../bot/knowledge-base-file.js';
import { detectContactRequest } from '../detection/contact-request.js';
import { DEFAULT_SENSITIVE_TOPICS, matchSensitiveTopic } from '../detection/sensitive-topic.js';

const USAGE = 'usage: handover classify < lines.jsonl | handover answer --kb FILE < lines.jsonl';

type LineHandler = (text: string) => Record<string, unknown>;

function classify(text: string) {
  const contact = detectContactRequest(text);
  return {
    contact_request: contact.isRequest,
    sensitive_topic: matchSensitiveTopic(text, DEFAULT_SENSITIVE_TOPICS),
    scores: { contact_request: contact.score },
  };
}

function answerer(kbPath: string): LineHandler {
  const responder = createKnowledgeBaseResponder(loadKnowledgeBaseFile(kbPath));
  return (text) => {
    const answer = responder.answer(text);
    return { answered: answer.answered, id: answer.entryId, confidence: Math.round(answer.confidence * 1e4) / 1e4 };
  };
}

function handlerFor(args: string[]): LineHandler {
  const [command, ...rest] = args;
  if (command === 'classify' && rest.length === 0) return classify;
  if (command === 'answer') {
    const kbAt = rest.indexOf('--kb');
    const kbPath = kbAt >= 0 ? rest[kbAt + 1] : undefined;
    if (kbPath && rest.length === 2) return answerer(kbPath);
    throw new Error('answer needs --kb FILE');
  }
  throw new Error(command ? `unknown command "${command}"` : 'no command');
}

async function main(): Promise<void> {
  let handle: LineHandler;
  try {
    handle = handlerFor(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`handover: ${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    process.stdout.write(`${JSON.stringify(handleLine(handle, line))}\n`);
  }
}

function handleLine(handle: LineHandler, line: string): Record<string, unknown> {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { error: 'not a JSON line' };
  }
  const text = (input as { text?: unknown } | null)?.text;
  if (typeof text !== 'string') return { error: 'each line needs a "text" string' };
  return handle(text);
}

await main();
