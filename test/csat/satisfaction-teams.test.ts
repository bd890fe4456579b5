import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { CHANNEL, cardAction, teamsMessage } from '../teams/connector-stand-in.js';
import { escalationPosts } from '../support/stored-state.js';
import { api, waitFor } from '../support/test-service.js';
import { startTeamsService, type ConnectorStandIn } from '../support/teams-service.js';

let teams: Awaited<ReturnType<typeof startTeamsService>>;
let connector: ConnectorStandIn;
let service: RunningService;
const LEAD = { id: 'aad-csat-lead', name: 'Lead' };

beforeAll(async () => {
  teams = await startTeamsService({ admins: [LEAD.id] });
  ({ connector, service } = teams);
});
afterAll(() => teams?.stop());

async function sendActivity(activity: unknown) {
  expect((await teams.sendActivity(activity)).status).toBeLessThan(300);
}

describe('"How did we do?" in Teams', () => {
  it("posts the customer's rating into the escalation card's reply chain, once", async () => {
    await sendActivity(teamsMessage(connector.url, { text: 'subscribe demo', from: LEAD }));
    await waitFor(async () => connector.calls.find((call) => call.conversationId === CHANNEL && String(call.body.text).includes('This channel now receives')));

    const turn = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'I want to talk to a human' } });
    const { conversationId, token } = turn.body as { conversationId: string; token: string };
    const post = await waitFor(async () => (await escalationPosts(service, conversationId)).teams as { activityId: string } | undefined);
    await sendActivity(cardAction(connector.url, 'claim', conversationId, { id: 'aad-csat-kim', name: 'Kim' }));
    await sendActivity(cardAction(connector.url, 'resolve', conversationId, { id: 'aad-csat-kim', name: 'Kim' }));

    const rated = await api(service, 'POST', `/api/v1/conversations/${conversationId}/csat`, { body: { score: 5, comment: 'Lovely' }, token });
    expect(rated.status).toBe(200);
    const chain = `${CHANNEL};messageid=${post.activityId}`;
    const relayed = await waitFor(async () => connector.calls.find((call) => call.method === 'POST' && call.conversationId === chain && String(call.body.text).includes('5/5')));
    expect(String(relayed.body.text)).toContain('Lovely');
    expect((await api(service, 'POST', `/api/v1/conversations/${conversationId}/csat`, { body: { score: 1 }, token })).status).toBe(409);
    expect(connector.calls.filter((call) => call.conversationId === chain && String(call.body.text).includes('/5'))).toHaveLength(1);
  });
});
