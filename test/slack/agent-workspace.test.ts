import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { api, waitFor } from '../support/test-service.js';
import { blockActionBody, postToSlackEndpoint, slashCommandBody, threadMessageEvent } from './slack-stand-in.js';
import { startSlackService, type SlackStandIn } from '../support/slack-service.js';
import { storedConversation, escalationPosts, storedStaff } from '../support/stored-state.js';

const CHANNEL = 'C0WORKSPACE';
const form = 'application/x-www-form-urlencoded';
let slack: SlackStandIn;
let service: RunningService;
let stop: () => Promise<void>;
let events = 0;

beforeAll(async () => {
  ({ slack, service, stop } = await startSlackService({ service: { demoSlackChannel: CHANNEL } }));
});
afterAll(() => stop?.());

async function claimedEscalation(holder = { id: 'U_HOLDER', name: 'holly' }) {
  const turn = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'I want to talk to a human' } });
  const conversationId = turn.body.conversationId as string;
  const ref = await waitFor(async () => (await escalationPosts(service, conversationId)).slack as { channel: string; ts: string } | undefined);
  await postToSlackEndpoint(service.url, blockActionBody('handover_claim', conversationId, holder, CHANNEL), form);
  await waitFor(async () => (await storedConversation(service, conversationId))?.status === 'assigned');
  await waitFor(async () => {
    const staff = await storedStaff(service, holder.id, 'operator');
    return staff !== null && (await service.ctx.staff.lastConversationOf(staff.id)) === conversationId;
  });
  return { conversationId, token: turn.body.token as string, ref };
}

async function replyInThread(ref: { channel: string; ts: string }, user: string, text: string) {
  const body = threadMessageEvent({ eventId: `EvWs${(events += 1)}`, channel: ref.channel, threadTs: ref.ts, user, text });
  const response = await postToSlackEndpoint(service.url, body, 'application/json');
  expect(response.status).toBe(200);
}

const transcript = async (conversationId: string, token: string) =>
  (await api(service, 'GET', `/api/v1/conversations/${conversationId}`, { token })).body as { messages: Array<{ from: string; text: string }>; tags: string[]; status: string; assignee: { name: string } | null; tasks: Array<{ note: string }> };

async function command(text: string, user: { id: string; name: string }) {
  const response = await postToSlackEndpoint(service.url, slashCommandBody(text, user, CHANNEL), form);
  expect(response.status).toBe(200);
  return (JSON.parse(response.text) as { text: string }).text;
}

describe('who speaks to the customer', () => {
  it('relays only the holder’s replies (✅), keeps note: and // internal (📝), and tells anyone else to claim first', async () => {
    const { conversationId, token, ref } = await claimedEscalation();
    await replyInThread(ref, 'U_BYSTANDER', 'I think they mean the March invoice');
    await replyInThread(ref, 'U_HOLDER', 'note: customer is a VIP, be nice');
    await replyInThread(ref, 'U_HOLDER', '// checking the invoice first');
    await replyInThread(ref, 'U_HOLDER', 'Hello! I am looking at your invoice now.');

    const told = await waitFor(async () => slack.callsTo('chat.postEphemeral').find((call) => call.args.user === 'U_BYSTANDER'));
    expect(told.args.text).toBe('Not sent to the customer — claim it first.');
    expect(told.args.thread_ts).toBe(ref.ts);
    await waitFor(async () => slack.callsTo('reactions.add').filter((call) => call.args.channel === ref.channel).length >= 3);
    const reactions = slack.callsTo('reactions.add').filter((call) => call.args.channel === ref.channel).map((call) => call.args.name).sort();
    expect(reactions).toEqual(['memo', 'memo', 'white_check_mark']);

    const view = await transcript(conversationId, token);
    expect(view.messages.filter((m) => m.from === 'agent').map((m) => m.text)).toEqual(['Hello! I am looking at your invoice now.']);
    expect(JSON.stringify(view.messages)).not.toContain('VIP');
    expect(JSON.stringify(view.messages)).not.toContain('March invoice');
  });

  it('says so in the escalation post', async () => {
    const { conversationId } = await claimedEscalation();
    const post = slack.callsTo('chat.postMessage').find((call) => JSON.stringify(call.args.blocks ?? '').includes(conversationId))!;
    expect(JSON.stringify(post.args.blocks)).toContain('`note:` or `//`');
  });
});

describe('acting from the thread', () => {
  it('tags, adds a task, transfers and resolves the escalation last touched, telling the customer', async () => {
    const { conversationId, token } = await claimedEscalation({ id: 'U_FIRST', name: 'first' });
    expect(await command('tag vip', { id: 'U_FIRST', name: 'first' })).toContain('Tagged `vip`');
    expect(await command('task 2h call back about the refund', { id: 'U_FIRST', name: 'first' })).toContain('call back about the refund');
    expect(await command('transfer <@U0SECOND1|second>', { id: 'U_FIRST', name: 'first' })).toContain('has the conversation now');

    let view = await transcript(conversationId, token);
    expect(view.tags).toContain('vip');
    expect(view.tasks.map((task) => task.note)).toContain('call back about the refund');
    expect(view.assignee?.name).toBe('Person U0SECOND1');
    expect(view.messages.at(-1)).toMatchObject({ from: 'system', text: 'Person U0SECOND1 from the team is taking over the conversation.' });
    // the first holder no longer speaks for the team
    expect(await command('transfer <@U0FIRST01|first>', { id: 'U_FIRST', name: 'first' })).toContain('Only Person U0SECOND1 can hand');

    expect(await command('resolve', { id: 'U_FIRST', name: 'first' })).toContain('Resolved');
    view = await transcript(conversationId, token);
    expect(view.status).toBe('resolved');
  });

  it('asks someone who has touched no escalation to do so first, and explains bad usage', async () => {
    expect(await command('resolve', { id: 'U_NEWCOMER', name: 'new' })).toContain('Claim an escalation or reply in its thread first');
    await claimedEscalation({ id: 'U_USAGE', name: 'usage' });
    expect(await command('task soon call', { id: 'U_USAGE', name: 'usage' })).toContain('Usage: `task <30m|2h|1d> <note>`');
    expect(await command('transfer', { id: 'U_USAGE', name: 'usage' })).toContain('Say who to transfer to');
  });

  it('assigns an unclaimed escalation from the post’s user picker', async () => {
    const turn = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'put me through to an agent' } });
    const conversationId = turn.body.conversationId as string;
    await waitFor(async () => (await escalationPosts(service, conversationId)).slack);
    const payload = JSON.parse(decodeURIComponent(blockActionBody('handover_transfer', conversationId, { id: 'U_LEAD', name: 'lead' }, CHANNEL).slice('payload='.length)));
    payload.actions = [{ type: 'users_select', action_id: 'handover_transfer', block_id: `handover_actions:${conversationId}`, selected_user: 'U_PICKED', action_ts: '1700000003.000300' }];
    await postToSlackEndpoint(service.url, `payload=${encodeURIComponent(JSON.stringify(payload))}`, form);
    const stored = await waitFor(async () => {
      const doc = await storedConversation(service, conversationId);
      return doc?.status === 'assigned' ? doc : null;
    });
    expect(stored.assignee?.name).toBe('Person U_PICKED');
    await waitFor(async () => slack.callsTo('chat.update').find((call) => JSON.stringify(call.args.blocks).includes('Claimed by Person U_PICKED')));
  });

  it('hands a conversation back to the bot with Return to bot, telling the customer', async () => {
    const { conversationId, token, ref } = await claimedEscalation({ id: 'U_RETURNER', name: 'ret' });
    await postToSlackEndpoint(service.url, blockActionBody('handover_return', conversationId, { id: 'U_RETURNER', name: 'ret' }, CHANNEL), form);
    // the status is written a moment before the transcript chunk with the customer's line (adapters/mongo/transcript.ts)
    const view = await waitFor(async () => {
      const current = await transcript(conversationId, token);
      return current.status === 'bot' && current.messages.some((message) => message.text.includes('handed you back')) ? current : null;
    });
    expect(view.messages.at(-1)!.text).toContain('handed you back to the bot');
    await waitFor(async () => slack.callsTo('chat.update').find((call) => call.args.ts === ref.ts && JSON.stringify(call.args.blocks).includes('With the bot')));
    const after = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'How long is a session?', conversationId }, token });
    expect(after.body.replies[0].text).toContain('60 minutes');
  });
});
