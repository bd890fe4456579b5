import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import { checkUnclaimedEscalation } from '../../src/handover/check-unclaimed-escalation.js';
import { checkQuietHandover } from '../../src/handover/check-quiet-handover.js';
import { QUIET_MESSAGE } from '../../src/handover/resolve-conversation.js';
import { claimConversation } from '../../src/handover/claim-conversation.js';
import { handoverRuleSchema } from '../../src/rules/handover-rule-schema.js';
import { saveStaffMember } from '../../src/staff/save-staff-member.js';
import { api, waitFor } from '../support/test-service.js';
import { startSlackService, type SlackStandIn } from '../support/slack-service.js';
import { OPERATOR_TENANT } from '../../src/tenants/tenant.js';
import { storedConversation, escalationPosts } from '../support/stored-state.js';

const CHANNEL = 'C0SLAMAIN1';
const BACKUP = 'C0SLABACK1';
let slack: SlackStandIn;
let service: RunningService;
let stop: () => Promise<void>;

const bot = (id: string, sla: Record<string, unknown>) =>
  botConfigSchema.parse({
    id,
    name: `SLA ${id}`,
    labs: true,
    slackChannel: CHANNEL,
    rules: [{ name: 'People', triggers: ['contact_request'], sla }],
  });

beforeAll(async () => {
  ({ slack, service, stop } = await startSlackService({
    service: {
      botConfigs: [
        bot('auto', { minutes: 15, fallback: 'auto' }),
        bot('backup', { minutes: 10, fallback: 'backup', backupSlackChannel: BACKUP }),
        botConfigSchema.parse({ id: 'quiet', name: 'Quiet', labs: true, rules: [{ name: 'People', triggers: ['contact_request'], resumeBotAfterQuietMinutes: 30 }] }),
      ],
    },
  }));
});
afterAll(() => stop?.());

async function escalate(botId: string) {
  const turn = await api(service, 'POST', `/api/v1/bots/${botId}/messages`, { body: { text: 'I want to talk to a person' } });
  expect(turn.body.status).toBe('waiting');
  const conversationId = turn.body.conversationId as string;
  const doc = await storedConversation(service, conversationId);
  const ref = await waitFor(async () => (await escalationPosts(service, conversationId)).slack as { ts: string } | undefined);
  return { conversationId, handoverId: doc!.lastHandoverId!, ref, at: doc!.handovers.at(-1)!.at as Date };
}

describe('unclaimed escalations (per-rule SLA)', () => {
  it('refuses a backup fallback without a backup channel', () => {
    const parsed = handoverRuleSchema.safeParse({ name: 'x', triggers: ['contact_request'], sla: { minutes: 5, fallback: 'backup' } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toContain('backupSlackChannel');
  });

  it('schedules a check at handover + minutes, reminds the channel once, then gives it to the next available person', async () => {
    const { conversationId, handoverId, ref, at } = await escalate('auto');
    const job = await service.mongo.store.connection.db!.collection('agendaJobs').findOne({ name: 'escalation-sla', 'data.handoverId': handoverId });
    expect(job?.nextRunAt.getTime()).toBeGreaterThanOrEqual(at.getTime() + 15 * 60_000 - 1_000);
    expect(job?.nextRunAt.getTime()).toBeLessThanOrEqual(at.getTime() + 15 * 60_000 + 1_000);

    const check = { conversationId, handoverId, stage: 'reminder' as const };
    expect(await checkUnclaimedEscalation(service.ctx, check)).toBe('reminded');
    expect(await checkUnclaimedEscalation(service.ctx, check)).toBe('done-before'); // a second replica, a retried job
    const reminder = await waitFor(async () => slack.callsTo('chat.postMessage').find((call) => call.args.thread_ts === ref.ts && String(call.args.text).includes('<!here>')));
    expect(String(reminder.args.reply_broadcast)).toBe('true');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === ref.ts && String(call.args.text).includes('<!here>'))).toHaveLength(1);
    const fallbackJob = await service.mongo.store.connection.db!.collection('agendaJobs').findOne({ name: 'escalation-sla', 'data.handoverId': handoverId, 'data.stage': 'fallback' });
    expect(fallbackJob).not.toBeNull();

    const agent = await saveStaffMember(service.ctx, { slackUserId: 'U_SLA_ON_DUTY' }, { name: 'Ola' }, OPERATOR_TENANT);
    await service.ctx.staff.updatePreferences(agent.id, { available: true });
    expect(await checkUnclaimedEscalation(service.ctx, { ...check, stage: 'fallback' })).toBe('assigned');
    const stored = await storedConversation(service, conversationId);
    expect(stored?.status).toBe('assigned');
    expect(stored?.assignee?.name).toBe('Ola');
  });

  it('does nothing once someone claimed it', async () => {
    const { conversationId, handoverId } = await escalate('auto');
    const agent = await saveStaffMember(service.ctx, { slackUserId: 'U_SLA_QUICK' }, { name: 'Quick' }, OPERATOR_TENANT);
    await claimConversation(service.ctx, conversationId, agent);
    expect(await checkUnclaimedEscalation(service.ctx, { conversationId, handoverId, stage: 'reminder' })).toBe('not-waiting');
  });

  it('posts a still-unclaimed escalation to the backup channel, with its Claim button', async () => {
    const { conversationId, handoverId } = await escalate('backup');
    expect(await checkUnclaimedEscalation(service.ctx, { conversationId, handoverId, stage: 'reminder' })).toBe('reminded');
    expect(await checkUnclaimedEscalation(service.ctx, { conversationId, handoverId, stage: 'fallback' })).toBe('backup-posted');
    const post = await waitFor(async () => slack.callsTo('chat.postMessage').find((call) => call.args.channel === BACKUP && JSON.stringify(call.args.blocks ?? '').includes(conversationId)));
    expect(JSON.stringify(post.args.blocks)).toContain('handover_claim');
  });
});

describe('handing a quiet conversation back to the bot', () => {
  it('waits while people write, then gives the bot the conversation back after the rule’s quiet time', async () => {
    const turn = await api(service, 'POST', '/api/v1/bots/quiet/messages', { body: { text: 'I want to talk to a person' } });
    const { conversationId, token } = turn.body;
    const doc = await storedConversation(service, conversationId);
    const check = { conversationId, handoverId: doc!.lastHandoverId!, stage: 'quiet' as const };
    const job = await service.mongo.store.connection.db!.collection('agendaJobs').findOne({ name: 'escalation-sla', 'data.handoverId': check.handoverId, 'data.stage': 'quiet' });
    expect(job?.nextRunAt.getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);

    expect(await checkQuietHandover(service.ctx, check)).toBe('later');
    const later = { ...service.ctx, now: () => new Date(Date.now() + 31 * 60_000) };
    expect(await checkQuietHandover(later, check)).toBe('resumed');
    const view = await api(service, 'GET', `/api/v1/conversations/${conversationId}`, { token });
    expect(view.body.status).toBe('resolved');
    expect(view.body.paused).toBe(false);
    expect(view.body.messages.at(-1).text).toBe(QUIET_MESSAGE);
    expect(await checkQuietHandover(later, check)).toBe('not-with-team');
  });
});
