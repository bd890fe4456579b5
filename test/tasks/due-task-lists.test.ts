import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { api, startTestService, testDatabaseUri } from '../support/test-service.js';

let service: RunningService;

beforeAll(async () => {
  service = await startTestService({ mongodbUri: testDatabaseUri() });
});
afterAll(async () => {
  await service?.stop();
});

describe('scheduling follow-up tasks', () => {
  it('hands over 30 conversations at once (tasks due in the same minute, a new list) without an error', async () => {
    const turns = await Promise.all(
      Array.from({ length: 30 }, (_, i) => api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: `I want to talk to a person (${i})` } })),
    );
    expect(turns.map((turn) => turn.status)).toEqual(turns.map(() => 200));
    const taskIds = turns.map((turn) => turn.body.handover.taskId as string);
    const lists = await service.ctx.store.dueTasks.find({ _id: /^due:/ }).lean();
    const listed = new Set(lists.flatMap((list) => list.taskIds));
    for (const taskId of taskIds) expect(listed.has(taskId)).toBe(true);
  });
});
