import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import { resolveConversation } from '../../src/handover/resolve-conversation.js';
import { saveStaffMember, updateStaffPreferences } from '../../src/staff/save-staff-member.js';
import { OPERATOR_TENANT } from '../../src/tenants/tenant.js';
import { startSlackService, type SlackStandIn } from '../support/slack-service.js';
import { escalationPosts, storedConversation } from '../support/stored-state.js';
import { api, capacitySweepAtStartDone, waitFor } from '../support/test-service.js';

const CHANNEL = 'C0CAPPOST1';
let slack: SlackStandIn;
let service: RunningService;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ slack, service, stop } = await startSlackService({
    service: {
      botConfigs: [
        botConfigSchema.parse({
          id: 'cap-post',
          name: 'Capacity posts',
          labs: true,
          slackChannel: CHANNEL,
          staffCapacity: 1,
          rules: [{ name: 'People', triggers: ['contact_request'], assign: { mode: 'auto' }, task: { enabled: false } }],
        }),
      ],
    },
  }));
  await capacitySweepAtStartDone(service);
});
afterAll(() => stop?.());

async function escalate() {
  const turn = await api(service, 'POST', '/api/v1/bots/cap-post/messages', { body: { text: 'I want to talk to a person please' } });
  const conversationId = turn.body.conversationId as string;
  const post = await waitFor(async () => (await escalationPosts(service, conversationId)).slack);
  return { conversationId, status: turn.body.status as string, ts: post.ts as string };
}

describe('a waiting conversation given out when someone frees up', () => {
  it('updates its escalation post to show who has it and tells them', async () => {
    const ada = await saveStaffMember(service.ctx, { slackUserId: 'U0CAPPADA' }, { name: 'Ada' }, OPERATOR_TENANT);
    await updateStaffPreferences(service.ctx, ada.id, { available: true });
    const first = await escalate();
    expect(first.status).toBe('assigned');
    const second = await escalate();
    expect(second.status).toBe('waiting');
    expect(slack.callsTo('chat.update').filter((call) => call.args.ts === second.ts)).toHaveLength(0);

    await resolveConversation(service.ctx, first.conversationId, ada);
    expect((await storedConversation(service, second.conversationId))!.assignee?.name).toBe('Ada');
    const update = await waitFor(async () => slack.callsTo('chat.update').find((call) => call.args.ts === second.ts && JSON.stringify(call.args.blocks).includes('Claimed by Ada')));
    expect(update.args.channel).toBe(CHANNEL);
    // Ada hears of it in a direct message, as of any assignment
    await waitFor(async () => slack.callsTo('chat.postMessage').filter((call) => call.args.channel === 'U0CAPPADA').length >= 2);
  });
});
