// `npx handover classify` and `npx handover answer --kb FILE` (spec §6):
// JSON lines in on stdin, one JSON line out per input line, streamed.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadKnowledgeBaseFile } from '../bot/knowledge-base-file.js';
import { createKnowledgeBaseResponder } from '../bot/knowledge-base-responder.js';
import { detectContactRequest } from '../detection/contact-request.js';
import { DEFAULT_SENSITIVE_TOPICS, matchSensitiveTopic } from '../detection/sensitive-topic.js';
import { HandoverError } from '../errors.js';

const USAGE = 'usage: handover classify | handover answer --kb FILE (JSON lines {"text": ...} on stdin, one JSON line out per line) | handover doctor | handover outbox [list|retry] | handover keys create|list|revoke|webhook';

type MessageHandler = (text: string) => Record<string, unknown>;

class UsageError extends HandoverError {
  constructor(message: string) {
    super('usage', message);
  }
}

const inputLineSchema = z.object({ text: z.string() });

function classify(text: string): Record<string, unknown> {
  const contact = detectContactRequest(text);
  return {
    contact_request: contact.isRequest,
    department: contact.department,
    sensitive_topic: matchSensitiveTopic(text, DEFAULT_SENSITIVE_TOPICS),
    scores: { contact_request: contact.score },
  };
}

function answerFrom(knowledgeBasePath: string): MessageHandler {
  const responder = createKnowledgeBaseResponder(loadKnowledgeBaseFile(knowledgeBasePath));
  return (text) => {
    const answer = responder.answer(text);
    return { answered: answer.answered, id: answer.entryId, confidence: Math.round(answer.confidence * 1e4) / 1e4 };
  };
}

function handlerFor(args: string[]): MessageHandler | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { kb: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    // node's message goes on with advice about "--"; its first sentence is the point
    throw new UsageError((error as Error).message.split('. ')[0]!);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const [command, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (command === 'classify') {
    if (values.kb !== undefined) throw new UsageError('classify takes no --kb');
    return classify;
  }
  if (command === 'answer') {
    if (!values.kb) throw new UsageError('answer needs --kb FILE (a YAML or JSON knowledge base)');
    return answerFrom(values.kb);
  }
  throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
}

/** One input line → one output object; a bad line gets an error object and the stream goes on. */
function handleLine(handle: MessageHandler, line: string): Record<string, unknown> {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { error: 'not a JSON line' };
  }
  const parsed = inputLineSchema.safeParse(input);
  if (!parsed.success) return { error: 'each line must be a JSON object with a "text" string' };
  return handle(parsed.data.text);
}

async function main(): Promise<void> {
  let handle: MessageHandler | 'help';
  try {
    handle = handlerFor(process.argv.slice(2));
  } catch (error) {
    // bad arguments or an unusable knowledge base: one line, exit 2
    const usage = error instanceof UsageError ? ` — ${USAGE}` : '';
    process.stderr.write(`handover: ${(error as Error).message}${usage}\n`);
    process.exit(2);
  }
  if (handle === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    // respect the reader's pace on large inputs instead of buffering output
    if (!process.stdout.write(`${JSON.stringify(handleLine(handle, line))}\n`)) await once(process.stdout, 'drain');
  }
}

await main();
