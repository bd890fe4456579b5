import type { HandoverContext } from '../handover-context.js';
import type { Bot, Message } from '../types.js';

const QUOTE_CHARS = 160;

/**
 * The 1-3 sentences an escalation starts with: what the customer wants and
 * what the bot tried. A bot's AI assistant writes them when it has one (within
 * its timeout); otherwise, or when it fails, they are taken from the
 * transcript. Stored on the handover record, so every post, card, email and
 * webhook shows the same words.
 */
export async function writeEscalationSummary(ctx: HandoverContext, bot: Bot, transcript: readonly Message[], reason: string): Promise<string> {
  const assistant = ctx.responders.assistantFor(bot);
  const fromModel = assistant && transcript.length ? await assistant.summarize(transcript, reason) : null;
  return fromModel ?? extractiveSummary(transcript);
}

/** The customer's first and latest words, and what the bot answered, quoted from the transcript. */
export function extractiveSummary(transcript: readonly Message[]): string {
  const asked = transcript.filter((message) => message.from === 'customer' && message.text.trim());
  const replied = transcript.filter((message) => message.from === 'bot' && message.text.trim());
  const first = asked[0];
  const latest = asked.at(-1);
  const wants = !first
    ? 'The customer has not written yet.'
    : latest && latest !== first
      ? `The customer asked ${quote(first.text)} and last wrote ${quote(latest.text)}.`
      : `The customer asked ${quote(first.text)}.`;
  const lastReply = replied.at(-1);
  const tried = lastReply
    ? `The bot replied ${replied.length === 1 ? 'once' : `${replied.length} times`}, last with ${quote(lastReply.text)}.`
    : 'The bot did not answer.';
  return `${wants} ${tried}`;
}

function quote(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `“${line.length > QUOTE_CHARS ? `${line.slice(0, QUOTE_CHARS - 1)}…` : line}”`;
}
