import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quotedPlainText } from '../../adapters/slack/escape-mrkdwn.js';
import type { RunningService } from '../../adapters/server/start-service.js';
import { api, waitFor } from '../support/test-service.js';
import { blockActionBody, postToSlackEndpoint, type SlackCall } from './slack-stand-in.js';
import { storedConversation, escalationPosts } from '../support/stored-state.js';
import { startSlackService, type SlackStandIn } from '../support/slack-service.js';

const CHANNEL = 'C0123456789';
let slack: SlackStandIn;
let service: RunningService;

let stop: () => Promise<void>;

beforeAll(async () => {
  ({ slack, service, stop } = await startSlackService({ service: { demoSlackChannel: CHANNEL }, slackAdapter: { admins: ['U_LEAD'] } }));
});
afterAll(() => stop?.());

/** Lines a customer writes to pass for the service's own: labels, bold, code, a line separator. */
const FAKE_LINES = [
  'ok',
  '*Bot:* Identity verified ✅',
  '*System:* Refund approved, no need to check <!channel>',
  '_System:_ ~escalation closed~',
  '```System: all good```',
].join('\n');
const FAKE_NAME = 'Ada\n*System:* caller verified';
/** Words that only the customer wrote: wherever one appears, the text came from the customer. */
const CUSTOMER_WORDS = ['Identity verified', 'Refund approved', 'escalation closed', 'all good', 'caller verified'];

interface TextObject {
  type: string;
  text: string;
}

/** Every text object of a message's blocks, wherever it sits (section, context, header, fields). */
function textObjects(value: unknown, found: TextObject[] = []): TextObject[] {
  if (Array.isArray(value)) for (const item of value) textObjects(item, found);
  else if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if ((object.type === 'mrkdwn' || object.type === 'plain_text') && typeof object.text === 'string') found.push(object as unknown as TextObject);
    else for (const child of Object.values(object)) textObjects(child, found);
  }
  return found;
}

const fromCustomer = (text: string) => CUSTOMER_WORDS.some((words) => text.includes(words));
/** A line that would read as one of the service's own: a (bold, italic, code…) author label at its start. */
const looksLikeOurLine = (line: string) => /^[\s*_~`]*(Bot|System|Agent|Customer)[\s*_~`]*:/.test(line);

/**
 * What the customer wrote can only render as their quoted words: it is never
 * in a mrkdwn object (which Slack formats), only in plain_text objects, and
 * none of its lines can start like one of ours.
 */
function expectCustomerTextContained(call: SlackCall) {
  // the notification text: one line, with markup parsing off or nothing to parse
  const fallback = String(call.args.text);
  if (fromCustomer(fallback)) {
    expect(fallback).not.toMatch(/[\n\r\v\f\u0085\u2028\u2029]/);
    expect(fallback).not.toContain('<!channel>');
    // (form-encoded by the Web API client: a string)
    if (String(call.args.mrkdwn) !== 'false') expect(fallback).not.toMatch(/[*_~`]/);
  }
  const objects = textObjects(call.args.blocks);
  const customerObjects = objects.filter((object) => fromCustomer(object.text));
  expect(customerObjects.length).toBeGreaterThan(0);
  for (const object of customerObjects) {
    expect(object.type, `customer words in a ${object.type} object: ${object.text}`).toBe('plain_text');
    for (const line of object.text.split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/)) expect(looksLikeOurLine(line), `line "${line}"`).toBe(false);
  }
  expect(JSON.stringify(call.args.blocks)).not.toContain('<!channel>');
}

describe('customer text in Slack', () => {
  it('cannot pass for the service’s own lines in the escalation post or the thread', async () => {
    const turn = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: `Let me talk to a human\n${FAKE_LINES}`, customer: { name: FAKE_NAME } } });
    expect(turn.body.status).toBe('waiting');
    const conversationId = turn.body.conversationId as string;
    const post = await waitFor(async () =>
      slack.callsTo('chat.postMessage').find((call) => call.args.channel === CHANNEL && !call.args.thread_ts && JSON.stringify(call.args.blocks).includes(conversationId)),
    );
    expectCustomerTextContained(post);

    const ref = await waitFor(async () => (await escalationPosts(service, conversationId)).slack as { ts: string } | undefined);
    await postToSlackEndpoint(service.url, blockActionBody('handover_claim', conversationId, { id: 'U_DANA', name: 'dana' }), 'application/x-www-form-urlencoded');
    await waitFor(async () => (await storedConversation(service, conversationId))?.status === 'assigned');

    await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: FAKE_LINES.replace('\n', '\u2028'), conversationId }, token: turn.body.token });
    const relayed = await waitFor(async () => slack.callsTo('chat.postMessage').find((call) => call.args.thread_ts === ref.ts && fromCustomer(JSON.stringify(call.args))));
    expectCustomerTextContained(relayed);
    // under our label, every word still there: quoted, not dropped
    const [label, ...quoted] = textObjects(relayed.args.blocks);
    expect(label).toEqual({ type: 'mrkdwn', text: ':speech_balloon: *Customer wrote:*' });
    expect(quoted.map((object) => object.text).join('\n')).toBe(
      ['ok', '*Bot:* Identity verified ✅', '*System:* Refund approved, no need to check &lt;!channel&gt;', '_System:_ ~escalation closed~', '```System: all good```']
        .map((line) => `&gt; ${line}`)
        .join('\n'),
    );
    expect(relayed.args.text).toContain('Customer wrote: ok *Bot:* Identity verified');

    // the claim's post update shows the same transcript, the same way
    const update = await waitFor(async () => slack.callsTo('chat.update').find((call) => call.args.ts === ref.ts && JSON.stringify(call.args.blocks).includes('Claimed by')));
    expectCustomerTextContained(update);
  });
});

describe('quotedPlainText', () => {
  it('quotes every line, whatever breaks it, and keeps every piece within a text object', () => {
    expect(quotedPlainText('a\r\nb\u2028c\rd\n\ne')).toEqual(['&gt; a\n&gt; b\n&gt; c\n&gt; d\n&gt; \n&gt; e']);
    const long = quotedPlainText(`${'&'.repeat(4000)}\n${'x\n'.repeat(2000)}`);
    expect(long.length).toBeGreaterThan(1);
    for (const piece of long) {
      expect(piece.length).toBeLessThanOrEqual(3000);
      for (const line of piece.split('\n')) expect(line.startsWith('&gt; ')).toBe(true);
    }
    expect(long.join('\n').match(/&amp;/g)).toHaveLength(4000);
  });

  it('stops at the piece limit with a visible ellipsis', () => {
    const pieces = quotedPlainText('y\n'.repeat(20_000), 3);
    expect(pieces).toHaveLength(3);
    expect(pieces[2]!.endsWith('\n&gt; …')).toBe(true);
  });
});
