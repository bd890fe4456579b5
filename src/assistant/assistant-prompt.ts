import type { RetrievedEntry } from '../bot/responder.js';
import type { ChatMessage, ChatTool } from '../ports/chat-model.js';
import type { AssistantConfig, HandoverRule, Message } from '../types.js';

/** The model says it cannot answer from what it was given: the `lack_of_information` trigger. */
export const CANNOT_ANSWER_TOOL = 'cannot_answer';
/** The model asks for a person under a rule's guidance. */
export const HAND_OVER_TOOL = 'hand_over';

/** How many knowledge-base entries ground an answer. */
export const GROUNDING_ENTRIES = 3;
/** How many earlier messages the model sees. */
export const TRANSCRIPT_MESSAGES = 10;

const MESSAGE_CHARS = 2000;

/** Rules whose guidance lets the model hand over (enabled, with guidance). */
export function guidedRules(rules: readonly HandoverRule[]): HandoverRule[] {
  return rules.filter((rule) => rule.enabled && rule.guidance);
}

/**
 * The chat for one answer: the operator's system prompt, the knowledge base
 * entries closest to the message (the only facts it may use), the rules'
 * guidance, then the conversation. Customer words only ever go in user
 * messages, never into the system prompt. The parts that do not change from
 * turn to turn (the operator's prompt, the rules' guidance) are put together
 * once per bot's configuration.
 */
export function answerPrompt(config: AssistantConfig, rules: readonly HandoverRule[]): (entries: readonly RetrievedEntry[], transcript: readonly Message[], text: string) => ChatMessage[] {
  const guidance = guidedRules(rules).map((rule) => `- rule "${rule.name}": ${rule.guidance}`);
  const before = `${config.systemPrompt}\n\nAnswer only from these knowledge base entries. When they do not answer the customer, do not guess: call cannot_answer with a short reason.\n\nKnowledge base entries:\n`;
  const after = guidance.length ? `\n\nHand the conversation to a person (call hand_over with the rule's name and a short reason) when:\n${guidance.join('\n')}` : '';
  return (entries, transcript, text) => {
    const knowledge = entries.length
      ? entries.map(({ entry }, index) => `[${index + 1}] ${entry.questions[0] ?? entry.id}\n${entry.answer}`).join('\n\n')
      : '(no entries match this message)';
    return [{ role: 'system', content: before + knowledge + after }, ...chatLines(transcript), { role: 'user', content: text.slice(0, MESSAGE_CHARS) }];
  };
}

/** The functions the model may call instead of answering. */
export function answerTools(rules: readonly HandoverRule[]): ChatTool[] {
  const tools: ChatTool[] = [
    {
      name: CANNOT_ANSWER_TOOL,
      description: 'The knowledge base entries do not answer the customer: say so instead of guessing.',
      parameters: { type: 'object', properties: { reason: { type: 'string', description: 'What the customer asked that the entries do not cover, in one sentence.' } }, required: ['reason'], additionalProperties: false },
    },
  ];
  const names = guidedRules(rules).map((rule) => rule.name);
  if (names.length) {
    tools.push({
      name: HAND_OVER_TOOL,
      description: 'Hand the conversation to a person, as a rule\'s guidance asks.',
      parameters: {
        type: 'object',
        properties: { rule: { type: 'string', enum: names, description: 'The rule whose guidance applies.' }, reason: { type: 'string', description: 'Why, in one sentence, for the team.' } },
        required: ['rule', 'reason'],
        additionalProperties: false,
      },
    });
  }
  return tools;
}

/** The chat for the team's summary of a conversation being handed over. */
export function summaryMessages(transcript: readonly Message[], reason: string): ChatMessage[] {
  const lines = transcript.map((message) => `${message.from}: ${oneLine(message.text).slice(0, 500)}`).join('\n');
  return [
    {
      role: 'system',
      content:
        'You write the first lines of a note to a support team taking over a customer conversation from a bot. In 1 to 3 short sentences and nothing else: what the customer wants, and what the bot tried. Plain text, no markdown, no greeting.',
    },
    { role: 'user', content: `Why it is handed over: ${reason}\n\nConversation:\n${lines}` },
  ];
}

/** Earlier messages as the model's chat: the customer as the user, the bot and the team as the assistant. */
function chatLines(transcript: readonly Message[]): ChatMessage[] {
  const lines: ChatMessage[] = [];
  for (let index = Math.max(0, transcript.length - TRANSCRIPT_MESSAGES); index < transcript.length; index++) {
    const message = transcript[index]!;
    if (message.from !== 'system') lines.push({ role: message.from === 'customer' ? 'user' : 'assistant', content: message.text.slice(0, MESSAGE_CHARS) });
  }
  return lines;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
