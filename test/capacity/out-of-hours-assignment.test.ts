import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { serveCapacityQueues } from '../../src/capacity/capacity-queue.js';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import { saveStaffMember, updateStaffPreferences } from '../../src/staff/save-staff-member.js';
import { OPERATOR_TENANT } from '../../src/tenants/tenant.js';
import { storedConversation } from '../support/stored-state.js';
import { api, capacitySweepAtStartDone, startTestService, testDatabaseUri } from '../support/test-service.js';

// a Monday; the team works 09:00-17:00 UTC
let now = new Date('2026-03-02T08:00:00Z').getTime();
let service: RunningService;

beforeAll(async () => {
  service = await startTestService({
    mongodbUri: testDatabaseUri(),
    clock: () => new Date(now),
    botConfigs: [
      botConfigSchema.parse({
        id: 'hours-cap',
        name: 'Office hours',
        labs: true,
        businessHours: { timeZone: 'UTC', weekly: { mon: [['09:00', '17:00']] } },
        rules: [{ name: 'People', triggers: ['contact_request'], assign: { mode: 'auto' }, task: { enabled: false } }],
      }),
    ],
  });
  await capacitySweepAtStartDone(service);
});
afterAll(() => service?.stop());

describe('auto-assignment and business hours', () => {
  it('assigns nobody out of hours, and gives the waiting conversation out once the team works', async () => {
    const ada = await saveStaffMember(service.ctx, { slackUserId: 'U0HOURSAD' }, { name: 'Ada' }, OPERATOR_TENANT);
    await updateStaffPreferences(service.ctx, ada.id, { available: true });
    const turn = await api(service, 'POST', '/api/v1/bots/hours-cap/messages', { body: { text: 'I want to talk to a person please' } });
    expect(turn.body.status).toBe('waiting');

    now = new Date('2026-03-02T08:59:00Z').getTime();
    expect(await serveCapacityQueues(service.ctx)).toBe(0);
    expect((await storedConversation(service, turn.body.conversationId))!.status).toBe('waiting');

    now = new Date('2026-03-02T09:00:00Z').getTime();
    expect(await serveCapacityQueues(service.ctx)).toBe(1);
    const assigned = await storedConversation(service, turn.body.conversationId);
    expect(assigned!.status).toBe('assigned');
    expect(assigned!.assignee?.name).toBe('Ada');
  });
});
