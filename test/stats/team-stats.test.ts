import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { answerPlainText } from '../../src/commands/command-answer.js';
import { runHandoverCommand } from '../../src/commands/handover-command.js';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import { claimConversation } from '../../src/handover/claim-conversation.js';
import { resolveConversation } from '../../src/handover/resolve-conversation.js';
import { saveStaffMember } from '../../src/staff/save-staff-member.js';
import { teamStats } from '../../src/stats/team-stats.js';
import { OPERATOR_TENANT } from '../../src/tenants/tenant.js';
import type { StaffMember } from '../../src/types.js';
import { api, startTestService, testDatabaseUri } from '../support/test-service.js';
import { metricSample as sample, scrapeMetrics } from '../support/metrics-scrape.js';

const METRICS_TOKEN = 'stats-metrics-token-0123456789';
const MINUTE = 60_000;
const T0 = new Date('2026-03-02T10:00:00Z').getTime();
let now = T0;
let service: RunningService;
let agent: StaffMember;

beforeAll(async () => {
  service = await startTestService({
    mongodbUri: testDatabaseUri(),
    metricsToken: METRICS_TOKEN,
    clock: () => new Date(now),
    botConfigs: [
      botConfigSchema.parse({ id: 'stats', name: 'Stats', labs: true, rules: [{ name: 'People', triggers: ['contact_request', 'failed_resolution'], task: { enabled: false } }] }),
      botConfigSchema.parse({ id: 'quiet-bot', name: 'Quiet', labs: true, rules: [{ name: 'People', triggers: ['contact_request'] }] }),
    ],
  });
  agent = await saveStaffMember(service.ctx, { slackUserId: 'U0STATS01' }, { name: 'Sam' }, OPERATOR_TENANT);
});
afterAll(() => service?.stop());

/** A handover at `at` (minutes from T0): asked for a person, or two unhelpful answers. */
async function handOver(at: number, how: 'contact_request' | 'failed_resolution' = 'contact_request') {
  now = T0 + at * MINUTE;
  if (how === 'contact_request') {
    const turn = await api(service, 'POST', '/api/v1/bots/stats/messages', { body: { text: 'I want to talk to a person please' } });
    expect(turn.body.handover.trigger).toBe('contact_request');
    return { id: turn.body.conversationId as string, token: turn.body.token as string };
  }
  const turn = await api(service, 'POST', '/api/v1/bots/stats/messages', { body: { text: 'What colour is the moon on Tuesdays?' } });
  const conversation = { id: turn.body.conversationId as string, token: turn.body.token as string };
  for (let i = 0; i < 3; i += 1) {
    const feedback = await api(service, 'POST', `/api/v1/conversations/${conversation.id}/feedback`, { body: { helpful: false }, token: conversation.token });
    if (feedback.body.handover) {
      expect(feedback.body.handover.trigger).toBe('failed_resolution');
      return conversation;
    }
  }
  throw new Error('no failed_resolution handover');
}

async function at<T>(minutes: number, step: () => Promise<T>): Promise<T> {
  now = T0 + minutes * MINUTE;
  return step();
}

async function rate(conversation: { id: string; token: string }, score: number) {
  expect((await api(service, 'POST', `/api/v1/conversations/${conversation.id}/csat`, { body: { score }, token: conversation.token })).status).toBe(200);
}

const scrape = async () => (await scrapeMetrics(service, METRICS_TOKEN)).text;

describe('the team view (/handover stats)', () => {
  /*
   * The fixture, in minutes from T0 (hand-counted below):
   *   H5  -14400 contact_request, claimed after 20, resolved after 120, rated 1   (10 days ago: in 30d only)
   *   H1       0 contact_request, claimed after 2,  resolved after 30,  rated 5
   *   H2      60 contact_request, claimed after 10, resolved after 70,  rated 3
   *   H3     120 failed_resolution, claimed after 4, still open
   *   H4     180 contact_request, nobody has it yet
   * Asked at T0 + 240.
   */
  beforeAll(async () => {
    const h5 = await handOver(-14_400);
    await at(-14_380, () => claimConversation(service.ctx, h5.id, agent));
    await at(-14_280, () => resolveConversation(service.ctx, h5.id, agent));
    await at(-14_270, () => rate(h5, 1));
    const h1 = await handOver(0);
    await at(2, () => claimConversation(service.ctx, h1.id, agent));
    await at(30, () => resolveConversation(service.ctx, h1.id, agent));
    await at(31, () => rate(h1, 5));
    const h2 = await handOver(60);
    await at(70, () => claimConversation(service.ctx, h2.id, agent));
    await at(130, () => resolveConversation(service.ctx, h2.id, agent));
    await at(131, () => rate(h2, 3));
    const h3 = await handOver(120, 'failed_resolution');
    await at(124, () => claimConversation(service.ctx, h3.id, agent));
    await handOver(180);
    now = T0 + 240 * MINUTE;
  });

  it('counts the last 7 days as a person would by hand', async () => {
    const stats = await teamStats(service.ctx, 'stats', '7d', new Date(now));
    expect(stats.handovers).toBe(4);
    expect(stats.byTrigger).toEqual({ contact_request: 3, sensitive_topic: 0, failed_resolution: 1, lack_of_information: 0 });
    // claims 2, 4, 10 min: nearest-rank median the 2nd, p90 the 3rd
    expect(stats.timeToClaim).toEqual({ count: 3, median: 4 * MINUTE, p90: 10 * MINUTE });
    // resolves 30, 70 min
    expect(stats.timeToResolve).toEqual({ count: 2, median: 30 * MINUTE, p90: 70 * MINUTE });
    expect({ open: stats.open, queued: stats.queued }).toEqual({ open: 2, queued: 1 });
    expect(stats.csat).toEqual({ count: 2, average: 4 });
  });

  it('answers the command with the 30-day figures, the same the metrics expose', async () => {
    const answer = await runHandoverCommand(service.ctx, {
      text: 'stats stats 30d',
      tenant: OPERATOR_TENANT,
      staff: agent,
      mayConfigure: async () => false,
      subscribeHere: async () => {},
    });
    const text = answerPlainText(answer);
    expect(text).toContain('Stats (stats) — last 30 days');
    expect(text).toContain('Handovers: 5 (contact_request 4 · failed_resolution 1)');
    // claims 2, 4, 10, 20 min; resolves 30, 70, 120 min
    expect(text).toContain('Time to claim: median 4 min · p90 20 min (4 claimed)');
    expect(text).toContain('Time to resolve: median 1 h 10 min · p90 2 h (3 resolved)');
    expect(text).toContain('Now: 2 open, 1 waiting for someone');
    expect(text).toContain('Satisfaction: 3.0/5 from 3 answers');

    const metrics = await scrape();
    expect(sample(metrics, 'handover_team_handovers{bot="stats",window="30d",trigger="contact_request"}')).toBe(4);
    expect(sample(metrics, 'handover_team_time_to_claim_seconds{bot="stats",window="30d",stat="p90"}')).toBe(20 * 60);
    expect(sample(metrics, 'handover_team_time_to_resolve_seconds{bot="stats",window="7d",stat="median"}')).toBe(30 * 60);
    expect(sample(metrics, 'handover_team_open{bot="stats",state="queued"}')).toBe(1);
    expect(sample(metrics, 'handover_team_csat_average{bot="stats",window="30d"}')).toBe(3);
    expect(sample(metrics, 'handover_team_csat_answers{bot="stats",window="7d"}')).toBe(2);
  });

  it('defaults to 7 days, says when there is nothing yet, and refuses a window it does not know', async () => {
    const run = (text: string) =>
      runHandoverCommand(service.ctx, { text, tenant: OPERATOR_TENANT, staff: agent, mayConfigure: async () => false, subscribeHere: async () => {} }).then(answerPlainText);
    expect(await run('stats stats')).toContain('last 7 days');
    const empty = await run('stats quiet-bot');
    expect(empty).toContain('Handovers: 0');
    expect(empty).toContain('Time to claim: nothing claimed yet');
    expect(empty).toContain('Satisfaction: no answers yet');
    expect(await run('stats stats 90d')).toContain('Usage: /handover stats [bot] [7d|30d]');
  });

  it("answers another tenant's bot as one that does not exist", async () => {
    await expect(
      runHandoverCommand(service.ctx, { text: 'stats stats', tenant: 'slack:T0OTHERWS2', staff: agent, mayConfigure: async () => false, subscribeHere: async () => {} }),
    ).rejects.toThrow('There is no bot "stats".');
  });
});
