import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import { startSlackService } from '../support/slack-service.js';
import { api, waitFor } from '../support/test-service.js';
import { startChatCompletionsStandIn } from './chat-completions-stand-in.js';

const CHANNEL = 'C0123456789';
const KNOWLEDGE_BASE = [{ id: 'hours', questions: ['What are your opening hours?', 'When are you open?'], answer: 'We are open 9am to 5pm, Monday to Friday.' }];
const MODEL_SUMMARY = 'The customer wants <!channel> a *refund* for order 42. The assistant explained the returns policy.';

let model: Awaited<ReturnType<typeof startChatCompletionsStandIn>>;
let running: Awaited<ReturnType<typeof startSlackService>>;

beforeAll(async () => {
  // answers: the summary when asked for one (no tools), otherwise "can't answer"
  model = await startChatCompletionsStandIn((call) => (call.tools?.length ? { tool: 'cannot_answer', arguments: { reason: 'Refunds are not in the entries.' } } : { text: MODEL_SUMMARY }));
  const bot = (id: string, assistant: boolean) =>
    botConfigSchema.parse({
      id,
      name: `Shop ${id}`,
      labs: true,
      slackChannel: CHANNEL,
      knowledgeBase: KNOWLEDGE_BASE,
      ...(assistant ? { assistant: { baseUrl: model.url, model: 'summarizer', timeoutMs: 2_000 } } : {}),
      rules: [{ name: 'default', triggers: ['contact_request', 'lack_of_information', 'failed_resolution', 'sensitive_topic'] }],
    });
  running = await startSlackService({ service: { botConfigs: [bot('ai', true), bot('faq', false)] } });
});
afterAll(async () => {
  await running?.stop();
  await model?.close();
});

async function escalationPost(botId: string, texts: string[]) {
  let turn = await api(running.service, 'POST', `/api/v1/bots/${botId}/messages`, { body: { text: texts[0] } });
  for (const text of texts.slice(1)) {
    turn = await api(running.service, 'POST', `/api/v1/bots/${botId}/messages`, { body: { text, conversationId: turn.body.conversationId }, token: turn.body.token ?? undefined });
    if (turn.body.handover) break;
  }
  expect(turn.body.status).toBe('waiting');
  const conversationId = turn.body.conversationId as string;
  return waitFor(async () =>
    running.slack.callsTo('chat.postMessage').find((call) => call.args.channel === CHANNEL && !call.args.thread_ts && JSON.stringify(call.args.blocks).includes(conversationId)),
  );
}

describe('the escalation post starts with a summary for the team', () => {
  it("shows the model's summary first, as plain text that pings nobody", async () => {
    const post = await escalationPost('ai', ['I want my money back for order 42']);
    const [header, summary] = post.args.blocks;
    expect(header.type).toBe('header');
    expect(summary).toEqual({ type: 'section', text: { type: 'plain_text', emoji: false, text: expect.stringContaining('The customer wants &lt;!channel&gt; a *refund* for order 42.') } });
    expect(summary.text.text).not.toContain('<!channel>');
    expect(summary.text.text).toContain('The assistant explained the returns policy.');
    const summaryCall = model.calls.find((call) => !call.tools?.length)!;
    expect(summaryCall.messages.at(-1)!.content).toContain('customer: I want my money back for order 42');
  });

  it("quotes the customer and the bot's last answer when the bot has no model", async () => {
    // turn 1 answered from the knowledge base, turn 2 asks for a person
    const post = await escalationPost('faq', ['When are you open?', 'Can I talk to a real person please?']);
    const summary = post.args.blocks[1];
    expect(summary.type).toBe('section');
    expect(summary.text.text).toBe(
      'The customer asked “When are you open?” and last wrote “Can I talk to a real person please?”. The bot replied once, last with “We are open 9am to 5pm, Monday to Friday.”.',
    );
  });
});
