import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../adapters/server/start-service.js';
import { claimConversation } from '../../../src/handover/claim-conversation.js';
import { postAgentReply } from '../../../src/handover/post-agent-reply.js';
import { RESOLVED_MESSAGE, resolveConversation } from '../../../src/handover/resolve-conversation.js';
import { saveStaffMember } from '../../../src/staff/save-staff-member.js';
import { openEventStream } from '../../support/event-stream.js';
import { api, startTestService, testDatabaseUri, waitFor } from '../../support/test-service.js';
import { OPERATOR_TENANT } from '../../../src/tenants/tenant.js';
import { storedConversation } from '../../support/stored-state.js';

let service: RunningService;

beforeAll(async () => {
  service = await startTestService({ mongodbUri: testDatabaseUri() });
});
afterAll(async () => {
  await service?.stop();
});

async function handedOverConversation() {
  const response = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'I want to talk to a human' } });
  expect(response.body.status).toBe('waiting');
  return response.body as { conversationId: string; token: string };
}

describe('staff take over and hand back', () => {
  it('lets exactly one of many simultaneous claimers win', async () => {
    const { conversationId, token } = await handedOverConversation();
    const staff = await Promise.all(
      Array.from({ length: 20 }, (_, i) => saveStaffMember(service.ctx, { slackUserId: `U${1000 + i}` }, { name: `Agent ${i}` }, OPERATOR_TENANT)),
    );
    const outcomes = await Promise.all(staff.map((member) => claimConversation(service.ctx, conversationId, member)));
    const winners = outcomes.filter((outcome) => outcome.won);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!.conversation.assignee!;
    for (const outcome of outcomes.filter((o) => !o.won)) {
      expect(outcome.won === false && outcome.heldBy).toEqual(winner);
    }
    const stored = await storedConversation(service, conversationId);
    expect(stored?.status).toBe('assigned');
    expect(stored?.assignee?.id).toBe(winner.id);
    const view = await api(service, 'GET', `/api/v1/conversations/${conversationId}`, { token });
    expect(view.body.tasks[0].assignee).toEqual(winner);
  });

  it('relays agent replies to the customer live, resolves, and the bot answers again', async () => {
    const { conversationId, token } = await handedOverConversation();
    const stream = await openEventStream(service.url, conversationId, token);
    try {
      await waitFor(async () => stream.events.find((e) => e.event === 'status' && e.data.status === 'waiting'));
      const agent = await saveStaffMember(service.ctx, { slackUserId: 'U2000' }, { name: 'Dana' }, OPERATOR_TENANT);
      await claimConversation(service.ctx, conversationId, agent);
      await postAgentReply(service.ctx, conversationId, agent, 'Hi, Dana here. How can I help?');

      const agentMessage = await waitFor(async () => stream.events.find((e) => e.event === 'message' && e.data.from === 'agent'));
      expect(agentMessage.data).toMatchObject({ text: 'Hi, Dana here. How can I help?', author: { name: 'Dana' } });
      expect(stream.events.some((e) => e.event === 'status' && e.data.status === 'assigned' && e.data.assignee.name === 'Dana')).toBe(true);

      await resolveConversation(service.ctx, conversationId, agent);
      await waitFor(async () => stream.events.find((e) => e.event === 'message' && e.data.text === RESOLVED_MESSAGE));
      await waitFor(async () => stream.events.find((e) => e.event === 'status' && e.data.status === 'resolved'));

      const after = await api(service, 'POST', '/api/v1/bots/demo/messages', {
        body: { text: 'How long is a session?', conversationId },
        token,
      });
      expect(after.body.paused).toBe(false);
      expect(after.body.status).toBe('bot');
      expect(after.body.replies[0].text).toContain('60 minutes');
      const view = await api(service, 'GET', `/api/v1/conversations/${conversationId}`, { token });
      expect(view.body.tasks[0].status).toBe('done');
    } finally {
      stream.close();
    }
  });

  it('refuses to resolve twice and to reply to a conversation the bot has back', async () => {
    const { conversationId } = await handedOverConversation();
    const agent = await saveStaffMember(service.ctx, { slackUserId: 'U3000' }, { name: 'Lee' }, OPERATOR_TENANT);
    await resolveConversation(service.ctx, conversationId, agent);
    await expect(resolveConversation(service.ctx, conversationId, agent)).rejects.toMatchObject({ code: 'conflict' });
    await expect(postAgentReply(service.ctx, conversationId, agent, 'late')).rejects.toMatchObject({ code: 'conflict' });
  });
});
