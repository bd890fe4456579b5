import { afterAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../adapters/server/start-service.js';
import { api, startTestService, testDatabaseUri, waitFor } from '../../support/test-service.js';

const mongodbUri = testDatabaseUri();
let service: RunningService | undefined;

afterAll(async () => {
  await service?.stop();
});

describe('nothing is lost on a restart', () => {
  it('keeps conversations, pause state, tags, tasks and the scheduled job', async () => {
    service = await startTestService({ mongodbUri });
    const turn = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'Can I speak with someone?' } });
    const { conversationId, token } = turn.body;
    const taskId = turn.body.handover.taskId;
    await service.stop();

    service = await startTestService({ mongodbUri });
    const view = await api(service, 'GET', `/api/v1/conversations/${conversationId}`, { token });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ status: 'waiting', paused: true, tags: ['human_handover'] });
    expect(view.body.tasks).toEqual([expect.objectContaining({ id: taskId, status: 'open' })]);

    const minute = Math.floor(new Date(turn.body.handover.taskDueAt).getTime() / 60_000);
    const due = await service.mongo.store.dueTasks.findById(`due:${minute}`).lean();
    expect(due?.taskIds).toContain(taskId);
    const sweep = await service.mongo.store.connection.db!.collection('agendaJobs').findOne({ name: 'task-reminders' });
    expect(sweep).toMatchObject({ type: 'single' });

    const later = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'hello?', conversationId }, token });
    expect(later.body.replies).toEqual([]);
  });
});

describe('the follow-up task job', () => {
  it('fires from MongoDB when due: the task becomes overdue and is reminded once', async () => {
    service ??= await startTestService({ mongodbUri });
    const turn = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'agent please' } });
    const { conversationId, token } = turn.body;
    const taskId: string = turn.body.handover.taskId;
    const taskOf = async () => (await api(service!, 'GET', `/api/v1/conversations/${conversationId}`, { token })).body.tasks[0];
    expect(await taskOf()).toMatchObject({ id: taskId, status: 'open' });

    // A day passes for the service: the Agenda sweep (every 100 ms in tests) finds the task due.
    const realNow = service.ctx.now;
    service.ctx.now = () => new Date(Date.now() + 25 * 3600_000);
    try {
      await waitFor(async () => (await taskOf()).status === 'overdue');
      expect(await service.ctx.decisions.isDecided(`task-due:${taskId}`)).toBe(true);
      const { fireTaskDue } = await import('../../../src/tasks/fire-task-due.js');
      expect(await fireTaskDue(service.ctx, taskId)).toBe('not-open');
    } finally {
      service.ctx.now = realNow;
    }
  });
});
