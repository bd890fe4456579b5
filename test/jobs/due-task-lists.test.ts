import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { sweepDueTasks } from '../../jobs/due-task-sweep.js';
import { api, startTestService, testDatabaseUri, waitFor } from '../support/test-service.js';

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
    const lists = await service.mongo.store.dueTasks.find({ _id: /^due:/ }).lean();
    const listed = new Set(lists.flatMap((list) => list.taskIds));
    for (const taskId of taskIds) expect(listed.has(taskId)).toBe(true);
  });

  it('does not read reminded tasks again on each sweep of their minute, and keeps looking for one listed before it was written', async () => {
    const { scheduler } = service.ctx;
    const { store } = service.mongo;
    const dueAt = new Date(Date.now() - 1_000);
    const task = (id: string) => ({ _id: id, conversationId: 'cv_sweepNone', botId: 'demo', note: 'call back', dueAt, status: 'open' as const, assignee: null });
    const ids = ['tk_sweepA', 'tk_sweepB', 'tk_sweepC'];
    for (const id of ids) await store.tasks.create(task(id));
    for (const id of [...ids, 'tk_sweepLate']) await scheduler.scheduleTaskDue(id, dueAt);
    const remindedAll = async () => (await Promise.all(ids.map((id) => store.decisions.exists({ _id: `task-due:${id}` })))).every(Boolean);
    await sweepDueTasks(service.ctx, service.mongo.dueTaskLists);
    await waitFor(remindedAll);

    const read: string[] = [];
    const findById = store.tasks.findById;
    store.tasks.findById = ((id: string, ...rest: unknown[]) => {
      read.push(id);
      return (findById as (...args: unknown[]) => unknown).call(store.tasks, id, ...rest);
    }) as typeof findById;
    try {
      expect(await sweepDueTasks(service.ctx, service.mongo.dueTaskLists)).toBe(0);
      expect(await sweepDueTasks(service.ctx, service.mongo.dueTaskLists)).toBe(0);
      expect(read.filter((id) => ids.includes(id))).toEqual([]);
      expect(read).toContain('tk_sweepLate');
    } finally {
      store.tasks.findById = findById;
    }
    // written at last: the next sweep reminds it
    await store.tasks.create(task('tk_sweepLate'));
    await sweepDueTasks(service.ctx, service.mongo.dueTaskLists);
    await waitFor(() => store.decisions.exists({ _id: 'task-due:tk_sweepLate' }));
  });
});
