import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { answerPlainText } from '../../src/commands/command-answer.js';
import { runHandoverCommand } from '../../src/commands/handover-command.js';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import { saveStaffMember, updateStaffPreferences } from '../../src/staff/save-staff-member.js';
import { OPERATOR_TENANT } from '../../src/tenants/tenant.js';
import type { StaffMember } from '../../src/types.js';
import { storedConversation } from '../support/stored-state.js';
import { api, capacitySweepAtStartDone, startTestService, testDatabaseUri } from '../support/test-service.js';

let service: RunningService;

beforeAll(async () => {
  service = await startTestService({
    mongodbUri: testDatabaseUri(),
    botConfigs: [botConfigSchema.parse({ id: 'own-limit', name: 'Own limits', labs: true, rules: [{ name: 'People', triggers: ['contact_request'], assign: { mode: 'auto' }, task: { enabled: false } }] })],
  });
  await capacitySweepAtStartDone(service);
});
afterAll(() => service?.stop());

const command = (staff: StaffMember, text: string) =>
  runHandoverCommand(service.ctx, { text, tenant: OPERATOR_TENANT, staff, mayConfigure: async () => false, subscribeHere: async () => {} }).then(answerPlainText);

describe('a person sets their own limit (/handover capacity)', () => {
  it('takes on a waiting conversation at once when they raise it, and goes back to the default', async () => {
    const saved = await saveStaffMember(service.ctx, { slackUserId: 'U0OWNLIM1' }, { name: 'Lee' }, OPERATOR_TENANT);
    let lee = (await updateStaffPreferences(service.ctx, saved.id, { available: true }))!;
    expect(await command(lee, 'capacity')).toContain('up to 5 open conversations (the default)');
    expect(await command(lee, 'capacity 1')).toContain('up to 1 open conversations');
    lee = (await service.ctx.staff.find(lee.id))!;

    const send = () => api(service, 'POST', '/api/v1/bots/own-limit/messages', { body: { text: 'I want to talk to a person please' } });
    expect((await send()).body.status).toBe('assigned');
    const second = await send();
    expect(second.body.status).toBe('waiting');

    expect(await command(lee, 'capacity 2')).toContain('up to 2 open conversations');
    const taken = await storedConversation(service, second.body.conversationId);
    expect(taken!.assignee?.name).toBe('Lee');

    for (const wrong of ['capacity 0', 'capacity 101', 'capacity 2.5', 'capacity lots']) expect(await command(lee, wrong)).toContain('Usage: /handover capacity [1-100|default]');
    expect(await command(lee, 'capacity default')).toContain('up to 5 open conversations (the default)');
  });
});
