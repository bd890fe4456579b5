import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { loadHandoverConfigFile } from '../../src/config/bot-config-file.js';
import { api, startTestService, testDatabaseUri } from '../support/test-service.js';
import { lukewarmAsk } from './lukewarm-ask.js';

// Two bots from a config file: one at the default threshold, one that wants near certainty.
const CONFIG = `
bots:
  - id: leads
    name: Leads
    labs: true
    handover: true
    rules:
      - { name: people, triggers: [contact_request] }
  - id: strict
    name: Strict
    labs: true
    handover: true
    contactRequestThreshold: 0.99
    rules:
      - { name: people, triggers: [contact_request] }
`;

let service: RunningService;

beforeAll(async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'handover-contact-')), 'bots.yml');
  writeFileSync(path, CONFIG);
  service = await startTestService({ mongodbUri: testDatabaseUri(), botConfigs: loadHandoverConfigFile(path) });
});
afterAll(async () => {
  await service?.stop();
});

async function say(botId: string, text: string) {
  const response = await api(service, 'POST', `/api/v1/bots/${botId}/messages`, { body: { text } });
  expect(response.status).toBe(200);
  return response.body;
}

describe('contact requests in the running service', () => {
  it('hands a sales lead over and says which department the customer asked for', async () => {
    const turn = await say('leads', 'Hi, I would like to talk to your sales team about a group offer');
    expect(turn.handover).toMatchObject({ trigger: 'contact_request', rule: 'people' });
    const view = await api(service, 'GET', `/api/v1/conversations/${turn.conversationId}`, { token: turn.token });
    expect(view.body.handovers[0].reason).toBe('The customer asked to talk to a person (sales).');
  });

  it("keeps a lukewarm ask with the bot whose threshold is 0.99, and hands it over at the default", async () => {
    const text = lukewarmAsk();
    expect((await say('strict', text)).handover).toBeNull();
    expect((await say('leads', text)).handover).toMatchObject({ trigger: 'contact_request' });
  });
});
