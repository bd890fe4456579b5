import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import { claimConversation } from '../../src/handover/claim-conversation.js';
import { resolveConversation } from '../../src/handover/resolve-conversation.js';
import { saveStaffMember, updateStaffPreferences } from '../../src/staff/save-staff-member.js';
import { OPERATOR_TENANT } from '../../src/tenants/tenant.js';
import type { StaffMember } from '../../src/types.js';
import { storedConversation } from '../support/stored-state.js';
import { api, startTestService, testDatabaseUri, waitFor } from '../support/test-service.js';

const mongodbUri = testDatabaseUri();
const replicas: RunningService[] = [];

const autoBot = (id: string) =>
  botConfigSchema.parse({ id, name: `Capacity ${id}`, labs: true, staffCapacity: 2, rules: [{ name: 'People', triggers: ['contact_request'], assign: { mode: 'auto' }, task: { enabled: false } }] });

beforeAll(async () => {
  const botConfigs = [autoBot('cap'), autoBot('cap-manual')];
  // three service processes' worth of replicas, each with its own caches, on one database
  for (let i = 0; i < 3; i += 1) replicas.push(await startTestService({ mongodbUri, eventPollMs: 100, botConfigs }));
});
afterAll(async () => {
  for (const replica of replicas) await replica.stop();
});

async function availableAgent(slackUserId: string, name: string): Promise<StaffMember> {
  const ctx = replicas[0]!.ctx;
  const staff = await saveStaffMember(ctx, { slackUserId }, { name }, OPERATOR_TENANT);
  return (await updateStaffPreferences(ctx, staff.id, { available: true }))!;
}

/** Customers ask for a person at the same moment, spread over the replicas. */
async function escalateAtOnce(botId: string, count: number): Promise<string[]> {
  const turns = await Promise.all(
    Array.from({ length: count }, (_, i) => api(replicas[i % replicas.length]!, 'POST', `/api/v1/bots/${botId}/messages`, { body: { text: 'I want to talk to a person please' } })),
  );
  for (const turn of turns) expect(turn.status).toBe(200);
  return turns.map((turn) => turn.body.conversationId as string);
}

async function states(ids: string[]) {
  return Promise.all(ids.map(async (id) => storedConversation(replicas[1]!, id).then((doc) => ({ id, status: doc!.status, assignee: doc!.assignee?.id ?? null }))));
}

function countBy(list: Array<{ assignee: string | null }>) {
  const counts = new Map<string, number>();
  for (const { assignee } of list) if (assignee) counts.set(assignee, (counts.get(assignee) ?? 0) + 1);
  return counts;
}

describe('capacity-aware auto-assignment on three replicas', () => {
  let ada: StaffMember;
  let bo: StaffMember;
  beforeAll(async () => {
    ada = await availableAgent('U0CAPADA1', 'Ada');
    bo = await availableAgent('U0CAPBO01', 'Bo');
  });

  it('gives five conversations to two people of capacity 2: four assigned, one waits and goes to whoever resolves first', async () => {
    const ids = await escalateAtOnce('cap', 5);
    const settled = await waitFor(async () => {
      const now = await states(ids);
      return now.every((c) => c.status === 'assigned' || c.status === 'waiting') && now;
    });
    const assigned = settled.filter((c) => c.status === 'assigned');
    const waiting = settled.filter((c) => c.status === 'waiting');
    expect(assigned).toHaveLength(4);
    expect(waiting).toHaveLength(1);
    expect(countBy(assigned)).toEqual(new Map([[ada.id, 2], [bo.id, 2]]));

    // Bo resolves one of theirs on the third replica: the waiting conversation is Bo's at once
    const bosConversation = assigned.find((c) => c.assignee === bo.id)!;
    await resolveConversation(replicas[2]!.ctx, bosConversation.id, bo);
    const queued = await waitFor(async () => {
      const doc = await storedConversation(replicas[0]!, waiting[0]!.id);
      return doc?.status === 'assigned' && doc;
    });
    expect(queued.assignee?.id).toBe(bo.id);
    const open = (await states(ids)).filter((c) => c.status === 'assigned');
    expect(countBy(open)).toEqual(new Map([[ada.id, 2], [bo.id, 2]]));

    // the customer heard who joined
    const transcript = await replicas[0]!.ctx.conversations.readTranscript(queued);
    expect(transcript.at(-1)?.text).toBe('Bo from the team joined the conversation.');
    for (const c of open) await resolveConversation(replicas[0]!.ctx, c.id, c.assignee === ada.id ? ada : bo);
  });

  it('never goes over a limit however many arrive at once, and serves the queue oldest first', async () => {
    const first = await escalateAtOnce('cap', 9);
    const settled = await waitFor(async () => {
      const now = await states(first);
      return now.every((c) => c.status === 'assigned' || c.status === 'waiting') && now;
    });
    const assigned = settled.filter((c) => c.status === 'assigned');
    expect(assigned).toHaveLength(4);
    expect([...countBy(assigned).values()]).toEqual([2, 2]);

    // one more arrives later: it is the newest, so it is served last
    const [latest] = await escalateAtOnce('cap', 1);
    const waitingBefore = settled.filter((c) => c.status === 'waiting').map((c) => c.id);
    // oldest first: by handover time, then by conversation id for handovers of the same millisecond
    const handedOver = await Promise.all(waitingBefore.map(async (id) => ({ id, at: (await storedConversation(replicas[0]!, id))!.handovers.at(-1)!.at.getTime() })));
    const oldestId = handedOver.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))[0]!.id;

    const adas = assigned.find((c) => c.assignee === ada.id)!;
    await resolveConversation(replicas[1]!.ctx, adas.id, ada);
    const next = await waitFor(async () => {
      const now = await states([...waitingBefore, latest!]);
      const taken = now.filter((c) => c.status === 'assigned');
      return taken.length > 0 && taken;
    });
    expect(next).toHaveLength(1);
    expect(next[0]!.id).toBe(oldestId);
    expect(next[0]!.assignee).toBe(ada.id);
    expect((await storedConversation(replicas[0]!, latest!))!.status).toBe('waiting');
  });

  it('lets a person claim by hand over their limit, and auto-assignment then gives them nothing until they are back under it', async () => {
    const ids = await escalateAtOnce('cap-manual', 1);
    // everyone is full from the test before: it waits, and Ada claims it by hand anyway
    expect((await storedConversation(replicas[0]!, ids[0]!))!.status).toBe('waiting');
    const claim = await claimConversation(replicas[2]!.ctx, ids[0]!, ada);
    expect(claim.won).toBe(true);
    const seats = await replicas[0]!.ctx.seats.seatsOf([ada.id]);
    expect(seats).toHaveLength(3);

    // Ada resolves one: at 2 of 2 she still gets nothing from the queue
    const adas = (await states((await replicas[0]!.ctx.conversations.assignedTo(ada.id, 10)).map((c) => c.id))).find((c) => c.id !== ids[0]);
    await resolveConversation(replicas[0]!.ctx, adas!.id, ada);
    const open = await replicas[0]!.ctx.conversations.assignedTo(ada.id, 10);
    expect(open.filter((c) => c.status === 'assigned')).toHaveLength(2);
  });

  it('never gives a waiting conversation to someone of another tenant, however free they are', async () => {
    const stranger = await saveStaffMember(replicas[0]!.ctx, { slackUserId: 'U0CAPOTH1' }, { name: 'Other' }, 'slack:T0OTHERWS1');
    await updateStaffPreferences(replicas[1]!.ctx, stranger.id, { available: true });
    const [id] = await escalateAtOnce('cap', 1);
    expect((await storedConversation(replicas[0]!, id!))!.status).toBe('waiting');
    expect(await replicas[0]!.ctx.seats.seatsOf([stranger.id])).toEqual([]);
  });
});
