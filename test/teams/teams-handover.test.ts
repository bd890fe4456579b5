import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { api, waitFor } from '../support/test-service.js';
import { adaptiveCardProblems } from './adaptive-card-parser.js';
import { CHANNEL, cardAction, teamsMessage } from './connector-stand-in.js';
import { storedConversation, escalationPosts, teamsChannelOf, storedStaff } from '../support/stored-state.js';
import { startTeamsService, type ConnectorStandIn } from '../support/teams-service.js';

let teams: Awaited<ReturnType<typeof startTeamsService>>;
let connector: ConnectorStandIn;
let service: RunningService;
const LEAD = { id: 'aad-lead', name: 'Lead' };

beforeAll(async () => {
  teams = await startTeamsService({ admins: [LEAD.id] });
  ({ connector, service } = teams);
});
afterAll(() => teams?.stop());

const sendActivity = (activity: unknown) => teams.sendActivity(activity);

const repliesTo = (conversationId: string) => connector.calls.filter((call) => call.method === 'POST' && call.conversationId === conversationId);

describe('Teams commands', () => {
  it('subscribes a channel for an admin and refuses others', async () => {
    await sendActivity(teamsMessage(connector.url, { text: 'subscribe demo', from: { id: 'aad-staff', name: 'Staff' } }));
    const refused = await waitFor(async () => repliesTo(CHANNEL).find((call) => String(call.body.text).includes('Only workspace admins')));
    expect(refused).toBeDefined();
    expect(await teamsChannelOf(service, 'demo')).toBeNull();

    await sendActivity(teamsMessage(connector.url, { text: 'subscribe demo', from: LEAD }));
    await waitFor(async () => repliesTo(CHANNEL).find((call) => String(call.body.text).includes('This channel now receives')));
    expect(await teamsChannelOf(service, 'demo')).toMatchObject({ conversation: { id: CHANNEL }, serviceUrl: connector.url });
  });

  it('answers help and status by mention', async () => {
    await sendActivity(teamsMessage(connector.url, { text: 'status', from: LEAD }));
    const status = await waitFor(async () => repliesTo(CHANNEL).find((call) => String(call.body.text).includes('Labs: **on**')));
    expect(status.body.text).toContain('Rules: 1/6');
  });
});

describe('escalations in Teams', () => {
  async function escalate(text = 'I want to talk to a human') {
    const turn = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text, customer: { name: 'Grace' } } });
    const card = await waitFor(async () =>
      connector.calls.find((call) => call.path === '/v3/conversations' && JSON.stringify(call.body.activity?.attachments ?? []).includes(turn.body.conversationId)),
    );
    const post = await waitFor(async () => (await escalationPosts(service, turn.body.conversationId)).teams as { activityId: string } | undefined);
    return { conversationId: turn.body.conversationId as string, token: turn.body.token as string, card, post };
  }

  it('posts an Adaptive Card with Claim and Resolve actions', async () => {
    const { card } = await escalate('[click me](https://evil.example) let me talk to an agent');
    // a new post in the subscribed channel, not a reply to the subscribe command
    expect(card.body.channelData.channel.id).toBe(CHANNEL);
    const content = card.body.activity.attachments[0].content;
    expect(card.body.activity.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(adaptiveCardProblems(content)).toEqual([]);
    expect(content.actions.map((a: { verb: string; type: string }) => [a.type, a.verb])).toEqual([
      ['Action.Execute', 'claim'],
      ['Action.Execute', 'resolve'],
      ['Action.Execute', 'return_to_bot'],
    ]);
    // customer words only ever appear as plain TextRuns
    const runs = JSON.stringify(content.body);
    expect(runs).toContain('"type":"TextRun","text":"customer: [click me](https://evil.example) let me talk to an agent"');
  });

  it('gives the conversation to exactly one of 10 simultaneous claimers and tells the others who has it', async () => {
    const { conversationId } = await escalate();
    const claimers = Array.from({ length: 10 }, (_, i) => ({ id: `aad-${i}`, name: `Agent ${i}` }));
    const answers = await Promise.all(claimers.map((from) => sendActivity(cardAction(connector.url, 'claim', conversationId, from))));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const stored = await storedConversation(service, conversationId);
    expect(stored?.status).toBe('assigned');
    const winner = stored!.assignee!.name;
    const notes = answers.map((answer) => JSON.stringify(answer.body.value.body));
    expect(notes.filter((note) => note.includes('Already claimed by'))).toHaveLength(9);
    for (const note of notes) expect(note).toContain(`Claimed by ${winner}`);
  });

  it('runs the whole story: claim, relay both ways in the reply chain, resolve, the bot answers again', async () => {
    const { conversationId, token, post } = await escalate();
    const claimed = await sendActivity(cardAction(connector.url, 'claim', conversationId, { id: 'aad-kim', name: 'Kim' }));
    expect(JSON.stringify(claimed.body.value)).toContain('Claimed by Kim');
    expect(adaptiveCardProblems(claimed.body.value)).toEqual([]);
    await waitFor(async () => connector.calls.find((call) => call.method === 'PUT' && call.activityId === post.activityId));

    await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'My invoice is wrong', conversationId }, token });
    const chain = `${CHANNEL};messageid=${post.activityId}`;
    const relayed = await waitFor(async () => repliesTo(chain).find((call) => call.body.text === 'Customer wrote:\n> My invoice is wrong'));
    expect(relayed).toBeDefined();
    // a customer's line breaks cannot start a line that passes for ours
    await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'ok\nSystem: Refund approved\u2028Bot: Identity verified', conversationId }, token });
    const faked = await waitFor(async () => repliesTo(chain).find((call) => String(call.body.text).includes('Refund approved')));
    const [label, ...lines] = String(faked.body.text).split(/\r\n|[\n\r\u2028\u2029]/);
    expect(label).toBe('Customer wrote:');
    expect(lines).toEqual(['> ok', '> System: Refund approved', '> Bot: Identity verified']);

    await sendActivity(teamsMessage(connector.url, { text: 'Fixed it, sorry about that', from: { id: 'aad-kim', name: 'Kim' }, conversationId: chain }));
    const agent = await waitFor(async () => {
      const view = await api(service, 'GET', `/api/v1/conversations/${conversationId}`, { token });
      return view.body.messages.find((m: { from: string }) => m.from === 'agent');
    });
    expect(agent).toMatchObject({ text: 'Fixed it, sorry about that', author: { name: 'Kim' } });

    const resolved = await sendActivity(cardAction(connector.url, 'resolve', conversationId, { id: 'aad-kim', name: 'Kim' }));
    expect(JSON.stringify(resolved.body.value)).toContain('Resolved');
    const after = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'How long is a session?', conversationId }, token });
    expect(after.body.replies[0].text).toContain('60 minutes');
  });

  it('tells the claimer 1:1 that the follow-up task is theirs, once they have chatted with the bot', async () => {
    const ana = { id: 'aad-ana', name: 'Ana' };
    const personal = teamsMessage(connector.url, { text: 'help', from: ana, conversationId: 'a:ana-personal' });
    await sendActivity({ ...personal, conversation: { id: 'a:ana-personal', conversationType: 'personal', tenantId: 't1' } });
    await waitFor(async () => {
      const staff = await storedStaff(service, ana.id, 'operator');
      return staff && service.ctx.staff.teamsPersonalChatOf(staff.id);
    });
    const { conversationId } = await escalate();
    await sendActivity(cardAction(connector.url, 'claim', conversationId, ana));
    const note = await waitFor(async () =>
      repliesTo('a:ana-personal').find((call) => String(call.body.text).includes('A follow-up task was assigned to you')),
    );
    expect(note.body.text).toContain(conversationId);
  });

  it('answers malformed activities with 400 and keeps running', async () => {
    for (const body of [{}, { type: 'message' }, { text: 'no type', serviceUrl: connector.url }, [1, 2]]) {
      const answer = await sendActivity(body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('invalid_input');
    }
    const broken = await fetch(`${service.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' });
    expect(broken.status).toBe(400);
    expect((await api(service, 'GET', '/healthz')).status).toBe(200);
  });

  it('relays only the holder’s replies (with a ✅ receipt), keeps notes internal, and tells anyone else', async () => {
    const { conversationId, token, post } = await escalate();
    await sendActivity(cardAction(connector.url, 'claim', conversationId, { id: 'aad-holder', name: 'Holder' }));
    const chain = `${CHANNEL};messageid=${post.activityId}`;
    await sendActivity(teamsMessage(connector.url, { text: 'I would refund them', from: { id: 'aad-other', name: 'Other' }, conversationId: chain }));
    await sendActivity(teamsMessage(connector.url, { text: 'note: double-check the card number', from: { id: 'aad-holder', name: 'Holder' }, conversationId: chain }));
    await sendActivity(teamsMessage(connector.url, { text: 'Your refund is on its way', from: { id: 'aad-holder', name: 'Holder' }, conversationId: chain }));

    const hint = await waitFor(async () => repliesTo(chain).find((call) => String(call.body.text).includes('claim it first')));
    expect(hint.body.text).toBe('Other: Not sent to the customer — claim it first.');
    await waitFor(async () => repliesTo(chain).find((call) => call.body.text === '✅ Sent to the customer.'));
    const view = await api(service, 'GET', `/api/v1/conversations/${conversationId}`, { token });
    expect(view.body.messages.filter((m: { from: string }) => m.from === 'agent').map((m: { text: string }) => m.text)).toEqual(['Your refund is on its way']);
    expect(repliesTo(chain).filter((call) => call.body.text === '✅ Sent to the customer.')).toHaveLength(1);
  });

  it('acts on the conversation from its reply chain: tag, task, transfer to a mentioned person, resolve', async () => {
    const { conversationId, token, post } = await escalate();
    const holder = { id: 'aad-first', name: 'First' };
    await sendActivity(cardAction(connector.url, 'claim', conversationId, holder));
    const chain = `${CHANNEL};messageid=${post.activityId}`;
    const say = async (text: string, from = holder, extraMention?: { id: string; name: string }) => {
      const activity = teamsMessage(connector.url, { text, from, conversationId: chain });
      if (extraMention) {
        activity.text += ` <at>${extraMention.name}</at>`;
        activity.entities.push({ type: 'mention', text: `<at>${extraMention.name}</at>`, mentioned: extraMention } as never);
      }
      const before = repliesTo(chain).length;
      await sendActivity(activity);
      return (await waitFor(async () => repliesTo(chain)[before])).body.text as string;
    };
    expect(await say('tag vip')).toBe('Tagged vip.');
    expect(await say('task 1d send the new invoice')).toContain('send the new invoice');
    expect(await say('transfer', holder, { id: 'aad-second', name: 'Second' })).toBe('Second has the conversation now.');
    let view = await api(service, 'GET', `/api/v1/conversations/${conversationId}`, { token });
    expect(view.body.tags).toContain('vip');
    expect(view.body.assignee.name).toBe('Second');
    expect(view.body.tasks.map((task: { note: string }) => task.note)).toContain('send the new invoice');
    expect(await say('resolve', { id: 'aad-second', name: 'Second' })).toContain('Resolved');
    view = await api(service, 'GET', `/api/v1/conversations/${conversationId}`, { token });
    expect(view.body.status).toBe('resolved');
  });
});

describe('Bot Framework handoff convention', () => {
  const handoffEvent = (botId: string) => ({
    type: 'event',
    name: 'handoff.initiate',
    id: `handoff-${Date.now()}`,
    serviceUrl: connector.url,
    channelId: 'webchat',
    from: { id: 'customer-42', name: 'Lin' },
    recipient: { id: 'handover-bot' },
    conversation: { id: 'other-bot-conversation-1' },
    value: { botId, reason: 'the customer is upset' },
    attachments: [
      {
        contentType: 'application/vnd.microsoft.activity.transcript',
        content: {
          activities: [
            { type: 'message', text: 'my parcel never came', from: { id: 'customer-42', role: 'user' } },
            { type: 'message', text: 'Sorry to hear that.', from: { id: 'other-bot', role: 'bot' } },
          ],
        },
      },
    ],
  });

  it('takes a conversation another bot hands over and answers handoff.status accepted', async () => {
    expect((await sendActivity(handoffEvent('demo'))).status).toBe(200);
    const status = await waitFor(async () =>
      connector.calls.find((call) => call.conversationId === 'other-bot-conversation-1' && call.body?.name === 'handoff.status'),
    );
    expect(status.body.value).toMatchObject({ state: 'accepted', conversationId: expect.stringMatching(/^cv_/), token: expect.any(String) });
    const view = await api(service, 'GET', `/api/v1/conversations/${status.body.value.conversationId}`, { token: status.body.value.token });
    expect(view.body).toMatchObject({ status: 'waiting', paused: true, tags: ['human_handover'] });
    expect(view.body.messages.map((m: { from: string; text: string }) => [m.from, m.text]).slice(0, 2)).toEqual([
      ['customer', 'my parcel never came'],
      ['bot', 'Sorry to hear that.'],
    ]);
    expect(view.body.handovers[0]).toMatchObject({ trigger: 'contact_request', reason: 'Handed over by another bot: the customer is upset' });
  });

  it('answers failed for a bot that does not exist', async () => {
    const event = { ...handoffEvent('nope'), conversation: { id: 'other-bot-conversation-2' } };
    expect((await sendActivity(event)).status).toBe(200);
    const status = await waitFor(async () => connector.calls.find((call) => call.conversationId === 'other-bot-conversation-2' && call.body?.name === 'handoff.status'));
    expect(status.body.value.state).toBe('failed');
  });
});
