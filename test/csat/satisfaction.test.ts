import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import { claimConversation } from '../../src/handover/claim-conversation.js';
import { resolveConversation } from '../../src/handover/resolve-conversation.js';
import { saveStaffMember } from '../../src/staff/save-staff-member.js';
import { OPERATOR_TENANT } from '../../src/tenants/tenant.js';
import { openEventStream } from '../support/event-stream.js';
import { startSlackService, type SlackStandIn } from '../support/slack-service.js';
import { escalationPosts } from '../support/stored-state.js';
import { api, waitFor } from '../support/test-service.js';
import { scrapeMetrics } from '../support/metrics-scrape.js';

const CHANNEL = 'C0CSATMAIN';
const METRICS_TOKEN = 'csat-metrics-token-0123456789';
let slack: SlackStandIn;
let service: RunningService;
let stop: () => Promise<void>;

const bot = (id: string, csat?: boolean) =>
  botConfigSchema.parse({
    id,
    name: `CSAT ${id}`,
    labs: true,
    slackChannel: CHANNEL,
    rules: [{ name: 'People', triggers: ['contact_request'], task: { enabled: false }, ...(csat === undefined ? {} : { csat }) }],
  });

beforeAll(async () => {
  ({ slack, service, stop } = await startSlackService({ service: { botConfigs: [bot('csat'), bot('no-csat', false)], metricsToken: METRICS_TOKEN, eventPollMs: 100 } }));
});
afterAll(() => stop?.());

/** A customer hands over, the team claims and resolves: the conversation, its token and the escalation's Slack thread. */
async function resolvedHandover(botId: string, how: 'resolved' | 'returned' = 'resolved') {
  const turn = await api(service, 'POST', `/api/v1/bots/${botId}/messages`, { body: { text: 'I want to talk to a person please' } });
  expect(turn.body.status).toBe('waiting');
  const { conversationId, token } = turn.body as { conversationId: string; token: string };
  const post = await waitFor(async () => (await escalationPosts(service, conversationId)).slack);
  const agent = await saveStaffMember(service.ctx, { slackUserId: 'U0CSATAG1' }, { name: 'Robin' }, OPERATOR_TENANT);
  expect((await claimConversation(service.ctx, conversationId, agent)).won).toBe(true);
  const stream = await openEventStream(service.url, conversationId, token);
  await resolveConversation(service.ctx, conversationId, agent, how);
  return { conversationId, token, thread: post.ts as string, stream };
}

const scrape = async () => (await scrapeMetrics(service, METRICS_TOKEN)).text;

describe('"How did we do?" after a resolved handover', () => {
  it('asks once on the stream, takes one answer, stores it, posts it to the escalation thread and counts it', async () => {
    const { conversationId, token, thread, stream } = await resolvedHandover('csat');
    try {
      const asked = await waitFor(async () => stream.events.find((e) => e.event === 'csat'));
      expect(asked.data.question).toBe('How did we do?');

      const answer = await api(service, 'POST', `/api/v1/conversations/${conversationId}/csat`, { body: { score: 4, comment: 'Quick and friendly' }, token });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ score: 4, comment: 'Quick and friendly', handoverId: asked.data.handoverId });

      const again = await api(service, 'POST', `/api/v1/conversations/${conversationId}/csat`, { body: { score: 1 }, token });
      expect(again.status).toBe(409);

      const relayed = await waitFor(async () =>
        slack.callsTo('chat.postMessage').find((call) => call.args.channel === CHANNEL && call.args.thread_ts === thread && String(call.args.text).includes('4/5')),
      );
      expect(String(relayed.args.text)).toContain('Quick and friendly');
      expect(slack.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === thread && String(call.args.text).includes('/5'))).toHaveLength(1);

      const stored = await service.ctx.handoverFacts.find(asked.data.handoverId, 'csat');
      expect(stored).toMatchObject({ score: 4, comment: 'Quick and friendly' });
      expect(await scrape()).toContain('handover_csat_answers_total{bot="csat",score="4"} 1');

      // a reconnecting page is not asked again once answered
      const later = await openEventStream(service.url, conversationId, token);
      try {
        await waitFor(async () => later.events.find((e) => e.event === 'status'));
        expect(later.events.filter((e) => e.event === 'csat')).toHaveLength(0);
      } finally {
        later.close();
      }
    } finally {
      stream.close();
    }
  });

  it('asks a page that reconnects after the resolve, as long as it is unanswered', async () => {
    const { conversationId, token, stream } = await resolvedHandover('csat');
    stream.close();
    const reconnected = await openEventStream(service.url, conversationId, token);
    try {
      const asked = await waitFor(async () => reconnected.events.find((e) => e.event === 'csat'));
      expect(asked.data.question).toBe('How did we do?');
    } finally {
      reconnected.close();
    }
  });

  it('refuses bad answers with a message, another conversation\'s token, and a handover that was not asked', async () => {
    const { conversationId, token, stream } = await resolvedHandover('csat');
    stream.close();
    for (const body of [{ score: 0 }, { score: 6 }, { score: 3.5 }, { score: '5' }, {}, { score: 5, comment: 'x'.repeat(1001) }, { score: 5, extra: true }]) {
      const refused = await api(service, 'POST', `/api/v1/conversations/${conversationId}/csat`, { body, token });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/score|comment|Unrecognized|key/i);
    }
    const other = await api(service, 'POST', '/api/v1/bots/csat/messages', { body: { text: 'hello' } });
    const wrongToken = await api(service, 'POST', `/api/v1/conversations/${conversationId}/csat`, { body: { score: 5 }, token: other.body.token });
    expect(wrongToken.status).toBe(401);
    const noToken = await api(service, 'POST', `/api/v1/conversations/${conversationId}/csat`, { body: { score: 5 } });
    expect(noToken.status).toBe(401);
    // still open after those: the customer's own answer goes through
    expect((await api(service, 'POST', `/api/v1/conversations/${conversationId}/csat`, { body: { score: 5 }, token })).status).toBe(200);

    const returned = await resolvedHandover('csat', 'returned');
    returned.stream.close();
    expect((await api(service, 'POST', `/api/v1/conversations/${returned.conversationId}/csat`, { body: { score: 5 }, token: returned.token })).status).toBe(409);
  });

  it('is not asked when the rule turns it off', async () => {
    const { conversationId, token, stream } = await resolvedHandover('no-csat');
    try {
      await waitFor(async () => stream.events.find((e) => e.event === 'status' && e.data.status === 'resolved'));
      const reconnected = await openEventStream(service.url, conversationId, token);
      await waitFor(async () => reconnected.events.find((e) => e.event === 'status'));
      reconnected.close();
      expect([...stream.events, ...reconnected.events].filter((e) => e.event === 'csat')).toHaveLength(0);
      expect((await api(service, 'POST', `/api/v1/conversations/${conversationId}/csat`, { body: { score: 5 }, token })).status).toBe(409);
    } finally {
      stream.close();
    }
  });
});
