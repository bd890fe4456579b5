import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../adapters/server/start-service.js';
import { claimConversation } from '../../../src/handover/claim-conversation.js';
import { postAgentReply } from '../../../src/handover/post-agent-reply.js';
import { saveStaffMember } from '../../../src/staff/save-staff-member.js';
import { openEventStream } from '../../support/event-stream.js';
import { api, startTestService, testDatabaseUri, waitFor } from '../../support/test-service.js';
import { OPERATOR_TENANT } from '../../../src/tenants/tenant.js';

const mongodbUri = testDatabaseUri();
let replicaA: RunningService;
let replicaB: RunningService;

beforeAll(async () => {
  replicaA = await startTestService({ mongodbUri, eventPollMs: 100 });
  replicaB = await startTestService({ mongodbUri, eventPollMs: 100 });
});
afterAll(async () => {
  await replicaA?.stop();
  await replicaB?.stop();
});

describe('two replicas on one database', () => {
  it('streams to a customer on replica B what happened on replica A', async () => {
    const turn = await api(replicaB, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'talk to a human please' } });
    const { conversationId, token } = turn.body;
    const stream = await openEventStream(replicaB.url, conversationId, token);
    try {
      const agent = await saveStaffMember(replicaA.ctx, { slackUserId: 'U9000' }, { name: 'Robin' }, OPERATOR_TENANT);
      await claimConversation(replicaA.ctx, conversationId, agent);
      await postAgentReply(replicaA.ctx, conversationId, agent, 'Robin here, from replica A.');
      const reply = await waitFor(async () => stream.events.find((e) => e.event === 'message' && e.data.from === 'agent'));
      expect(reply.data.text).toBe('Robin here, from replica A.');
      await waitFor(async () => stream.events.find((e) => e.event === 'status' && e.data.status === 'assigned'));
      const agentMessages = stream.events.filter((e) => e.event === 'message' && e.data.from === 'agent');
      expect(agentMessages).toHaveLength(1);
    } finally {
      stream.close();
    }
  });

  it('continues a conversation on either replica with the same token', async () => {
    const first = await api(replicaA, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'When are you open?' } });
    const next = await api(replicaB, 'POST', '/api/v1/bots/demo/messages', {
      body: { text: 'How long is a session?', conversationId: first.body.conversationId },
      token: first.body.token,
    });
    expect(next.status).toBe(200);
    expect(next.body.replies[0].text).toContain('60 minutes');
  });
});
