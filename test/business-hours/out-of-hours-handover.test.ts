import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import { checkUnclaimedEscalation } from '../../src/handover/check-unclaimed-escalation.js';
import { DEFAULT_CLOSING_MESSAGE } from '../../src/rules/handover-rule-schema.js';
import { postToSlackEndpoint, slashCommandBody } from '../slack/slack-stand-in.js';
import { startSlackService, type SlackStandIn } from '../support/slack-service.js';
import { api, waitFor } from '../support/test-service.js';
import { storedConversation } from '../support/stored-state.js';

const CHANNEL = 'C0HOURS001';
const office = ['09:00', '17:00'];
let slack: SlackStandIn;
let service: RunningService;
let stop: () => Promise<void>;
/** The domain's clock: each test sets the moment the customer writes. */
let now = new Date();

beforeAll(async () => {
  ({ slack, service, stop } = await startSlackService({
    service: {
      clock: () => now,
      botConfigs: [
        botConfigSchema.parse({
          id: 'berlin',
          name: 'Berlin office',
          labs: true,
          slackChannel: CHANNEL,
          businessHours: { timeZone: 'Europe/Berlin', weekly: { mon: [office], tue: [office], wed: [office], thu: [office], fri: [office] }, holidays: ['2026-12-25'] },
          rules: [{ name: 'People', triggers: ['contact_request'], sla: { minutes: 30, fallback: 'auto' } }],
        }),
      ],
    },
  }));
});
afterAll(() => stop?.());

/** A customer asks for a person at `at`; returns the answer, the handover and its SLA job. */
async function askForPersonAt(at: string) {
  now = new Date(at);
  const turn = await api(service, 'POST', '/api/v1/bots/berlin/messages', { body: { text: 'I want to talk to a person' } });
  expect(turn.status).toBe(200);
  expect(turn.body.status).toBe('waiting');
  const stored = await storedConversation(service, turn.body.conversationId);
  const handoverId = stored!.lastHandoverId!;
  const job = await service.mongo.store.connection.db!.collection('agendaJobs').findOne({ name: 'escalation-sla', 'data.handoverId': handoverId, 'data.stage': 'reminder' });
  return { turn: turn.body, conversationId: turn.body.conversationId as string, handoverId, slaAt: job?.nextRunAt as Date | undefined };
}

const postOf = (conversationId: string) =>
  waitFor(async () => slack.callsTo('chat.postMessage').find((call) => call.args.channel === CHANNEL && !call.args.thread_ts && JSON.stringify(call.args.blocks ?? '').includes(conversationId)));

describe('out of business hours', () => {
  it('on a Saturday the customer hears the team is back Monday 9:00, the SLA waits for Monday and the post says it came out of hours', async () => {
    const { turn, conversationId, slaAt } = await askForPersonAt('2026-12-05T11:00:00Z'); // Saturday 12:00 in Berlin
    expect(turn.replies.map((reply: { text: string }) => reply.text)).toEqual([`${DEFAULT_CLOSING_MESSAGE} We're back Monday 9:00 (Berlin time).`]);
    expect(turn.queue).toMatchObject({ position: expect.any(Number), back: 'Monday 9:00 (Berlin time)' });
    // 30 minutes of open time: Monday 9:30 in Berlin, not Saturday 12:30
    expect(slaAt).toEqual(new Date('2026-12-07T08:30:00Z'));
    const post = await postOf(conversationId);
    expect(JSON.stringify(post.args.blocks)).toContain('Arrived out of hours — the customer was told the team is back Monday 9:00 (Berlin time)');
  });

  it('skips a holiday: on Christmas Eve evening the team is back Monday 28th, the SLA counts from Monday 9:00', async () => {
    const { turn, slaAt } = await askForPersonAt('2026-12-24T18:00:00Z'); // Thursday 19:00; Friday 25th is a holiday
    expect(turn.replies[0].text).toBe(`${DEFAULT_CLOSING_MESSAGE} We're back Monday 9:00 (Berlin time).`);
    expect(slaAt).toEqual(new Date('2026-12-28T08:30:00Z'));
  });

  it('across the switch to summer time the team is still back at 9:00 local (07:00 UTC, not 08:00)', async () => {
    const { turn, slaAt } = await askForPersonAt('2027-03-27T11:00:00Z'); // the Saturday before 28 March 2027
    expect(turn.replies[0].text).toBe(`${DEFAULT_CLOSING_MESSAGE} We're back Monday 9:00 (Berlin time).`);
    expect(slaAt).toEqual(new Date('2027-03-29T07:30:00Z'));
  });

  it('in the last minutes of a Friday the SLA runs on into Monday morning, and its reminder counts only open minutes', async () => {
    const { turn, conversationId, handoverId, slaAt } = await askForPersonAt('2026-12-11T15:50:00Z'); // Friday 16:50
    expect(turn.replies[0].text).toBe(DEFAULT_CLOSING_MESSAGE);
    expect(turn.queue.back).toBeNull();
    expect(slaAt).toEqual(new Date('2026-12-14T08:20:00Z')); // 10 minutes on Friday, 20 on Monday
    const post = await postOf(conversationId);
    expect(JSON.stringify(post.args.blocks)).not.toContain('out of hours');

    now = new Date('2026-12-14T08:20:00Z');
    expect(await checkUnclaimedEscalation(service.ctx, { conversationId, handoverId, stage: 'reminder' })).toBe('reminded');
    const reminder = await waitFor(async () => slack.callsTo('chat.postMessage').find((call) => call.args.channel === CHANNEL && call.args.thread_ts && String(call.args.text).includes('<!here>') && String(call.args.text).includes('30')));
    expect(String(reminder.args.text)).not.toContain('3790'); // the weekend is not counted as waiting
    // the fallback is as long again in open time: Monday 9:50
    const fallback = await service.mongo.store.connection.db!.collection('agendaJobs').findOne({ name: 'escalation-sla', 'data.handoverId': handoverId, 'data.stage': 'fallback' });
    expect(fallback?.nextRunAt).toEqual(new Date('2026-12-14T08:50:00Z'));
  });

  it('/handover hours shows the week in the bot’s zone, the closed days ahead and when the team is back', async () => {
    now = new Date('2026-12-05T11:00:00Z');
    const response = await postToSlackEndpoint(service.url, slashCommandBody('hours berlin', { id: 'U_HOURS1', name: 'hanna' }, CHANNEL), 'application/x-www-form-urlencoded');
    expect(response.status).toBe(200);
    const text = String(JSON.parse(response.text || '{}').text ?? '');
    expect(text).toContain('Europe/Berlin');
    expect(text).toContain('Mon: 09:00–17:00');
    expect(text).toContain('Sat: closed');
    expect(text).toContain('2026-12-25');
    expect(text).toContain('back Monday 9:00 (Berlin time)');
  });
});
