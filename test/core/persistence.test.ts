import { afterAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { TASK_DUE_JOB } from '../../jobs/agenda-scheduler.js';
import { api, startTestService, testDatabaseUri, waitFor } from '../support/test-service.js';

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

    const job = await service.ctx.store.connection.db!.collection('agendaJobs').findOne({ name: TASK_DUE_JOB, 'data.taskId': taskId });
    expect(job?.nextRunAt).toEqual(new Date(turn.body.handover.taskDueAt));

    const later = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'hello?', conversationId }, token });
    expect(later.body.replies).toEqual([]);
  });
});

describe('the follow-up task job', () => {
  it('fires from MongoDB when due: the task becomes overdue and is reminded once', async () => {
    service ??= await startTestService({ mongodbUri });
    const turn = await api(service, 'POST', '/api/v1/bots/demo/messages', { body: { text: 'agent please' } });
    const taskId: string = turn.body.handover.taskId;
    // Bring the due time forward rather than waiting a day: the job row is what Agenda polls.
    const jobs = service.ctx.store.connection.db!.collection('agendaJobs');
    const moved = await jobs.updateOne({ name: TASK_DUE_JOB, 'data.taskId': taskId }, { $set: { nextRunAt: new Date() } });
    expect(moved.matchedCount).toBe(1);

    const task = await waitFor(async () => {
      const doc = await service!.ctx.store.tasks.findById(taskId).lean();
      return doc?.status === 'overdue' ? doc : null;
    });
    expect(task.remindedAt).toBeInstanceOf(Date);
    const { fireTaskDue } = await import('../../src/tasks/fire-task-due.js');
    expect(await fireTaskDue(service.ctx, taskId)).toBe('not-open');
  });
});
