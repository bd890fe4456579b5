import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repositories } from '../../src/ports/repositories.js';
import type { DueTaskLists } from '../../src/ports/task-repository.js';
import type { Conversation, Message, Person } from '../../src/types.js';

/** The repositories, and the reminder sweep's lists the scheduler keeps in the same storage. */
export type StorageUnderTest = Repositories & { dueTasks: DueTaskLists };

/** A storage adapter under test: two replicas' repositories over one fresh database (each keeps its own memory). */
export interface ContractStorage {
  replicaA: StorageUnderTest;
  replicaB: StorageUnderTest;
  close(): Promise<void>;
}

let sequence = 0;
const unique = (prefix: string) => `${prefix}_${process.pid}_${Date.now().toString(36)}_${(sequence += 1)}`;

function message(conversationId: string, from: Message['from'], text: string, author: Person | null = null): Message {
  // ids sort in creation order, as the domain's do
  return { id: `msg_${Date.now().toString(36).padStart(9, '0')}${String(sequence++).padStart(6, '0')}`, conversationId, from, text, at: new Date(), author };
}

function conversation(id: string, overrides: Partial<Conversation> = {}): Conversation {
  const at = new Date();
  return {
    id,
    botId: 'contract-bot',
    status: 'bot',
    paused: false,
    tags: [],
    assignee: null,
    customer: { name: 'Kim' },
    failedTurns: 0,
    lastCustomerText: null,
    lastHandoverId: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/**
 * What the domain relies on from its repositories, through the ports only:
 * any storage adapter that passes this can stand in for another.
 */
export function describeRepositoryContract(name: string, open: () => Promise<ContractStorage>): void {
  describe(`the repositories (${name})`, () => {
    let storage: ContractStorage;
    const a = () => storage.replicaA;
    const b = () => storage.replicaB;
    beforeAll(async () => {
      storage = await open();
    });
    afterAll(async () => {
      await storage?.close();
    });

    describe('conversations and their transcripts', () => {
      it('reads back a conversation created with messages, whole and in order, on another replica too', async () => {
        const id = unique('cv');
        const first = [message(id, 'customer', 'Hello'), message(id, 'bot', 'Hi, how can I help?')];
        await a().conversations.create({ conversation: conversation(id, { lastCustomerText: 'Hello' }), taskIds: [], handovers: [], messages: first, answered: true });
        const later = message(id, 'agent', 'Ana here', { id: 'st_ana', name: 'Ana' });
        await a().conversations.append(id, [later]);

        const stored = await b().conversations.find(id);
        expect(stored).toMatchObject({ id, botId: 'contract-bot', status: 'bot', customer: { name: 'Kim' }, lastCustomerText: 'Hello', taskIds: [], handovers: [] });
        expect(await b().conversations.exists(id)).toBe(true);
        expect(await b().conversations.botOf(id)).toBe('contract-bot');
        const transcript = await b().conversations.readTranscript(stored!);
        expect(transcript.map((m) => [m.from, m.text, m.author?.name ?? null])).toEqual([
          ['customer', 'Hello', null],
          ['bot', 'Hi, how can I help?', null],
          ['agent', 'Ana here', 'Ana'],
        ]);
        expect(transcript.every((m) => m.conversationId === id)).toBe(true);
        expect((await b().conversations.readTranscriptTail(stored!, 2)).map((m) => m.text)).toEqual(['Hi, how can I help?', 'Ana here']);
        expect(await b().conversations.readStoredAnswer(stored!, first[0]!.id)).toMatchObject([{ text: 'Hi, how can I help?' }]);
      });

      it('knows no conversation it was never given', async () => {
        const id = unique('cv_missing');
        expect(await a().conversations.find(id)).toBeNull();
        expect(await a().conversations.exists(id)).toBe(false);
        expect(await a().conversations.botOf(id)).toBeNull();
        expect(await a().conversations.append(id, [message(id, 'bot', 'nobody hears this')])).toBeNull();
        expect(await a().conversations.appendCustomerTurn(message(id, 'customer', 'hello?'), () => ({ replies: [], change: null }))).toBeNull();
      });

      it('refuses a second conversation under a taken id', async () => {
        const id = unique('cv');
        const fresh = { conversation: conversation(id), taskIds: [], handovers: [], messages: [message(id, 'customer', 'one')] };
        await a().conversations.create(fresh);
        await expect(b().conversations.create({ ...fresh, messages: [message(id, 'customer', 'two')] })).rejects.toThrow();
        expect((await a().conversations.readTranscript((await a().conversations.find(id))!)).map((m) => m.text)).toEqual(['one']);
      });

      it('applies typed changes with an append: status, assignee, tags once each, a handover and a task', async () => {
        const id = unique('cv');
        await a().conversations.create({ conversation: conversation(id, { tags: ['vip'] }), taskIds: [], handovers: [], messages: [message(id, 'customer', 'a person please')] });
        const at = new Date();
        const after = await a().conversations.append(id, [message(id, 'bot', 'Someone will be with you shortly.')], {
          status: 'waiting',
          paused: true,
          lastHandoverId: 'ho_1',
          addTags: ['vip', 'handover'],
          addHandover: { id: 'ho_1', trigger: 'contact_request', rule: 'default', reason: 'asked', taskId: 'tk_1', at },
          addTaskId: 'tk_1',
        });
        expect(after).toMatchObject({ status: 'waiting', paused: true, lastHandoverId: 'ho_1', tags: ['vip', 'handover'], taskIds: ['tk_1'] });
        expect(after!.handovers).toEqual([{ id: 'ho_1', trigger: 'contact_request', rule: 'default', reason: 'asked', taskId: 'tk_1', at }]);
        const claimed = await b().conversations.update(id, { status: 'assigned', assignee: { id: 'st_ana', name: 'Ana' }, incrementFailedTurns: true });
        expect(claimed).toMatchObject({ status: 'assigned', assignee: { id: 'st_ana', name: 'Ana' }, failedTurns: 1 });
        expect((await a().conversations.assignedTo('st_ana', 20)).map((c) => c.id)).toContain(id);
        expect(await a().conversations.countWithStatus('assigned')).toBeGreaterThanOrEqual(1);
      });

      it('judges a customer turn from the conversation as it was before it, again when another replica wrote in between', async () => {
        const id = unique('cv');
        await a().conversations.create({ conversation: conversation(id, { lastCustomerText: 'Hello' }), taskIds: [], handovers: [], messages: [message(id, 'customer', 'Hello')] });
        await b().conversations.appendCustomerTurn(message(id, 'customer', 'from replica B'), () => ({ replies: [], change: null }));

        const seen: Array<string | null> = [];
        const reply = message(id, 'bot', 'answer to A');
        const turn = message(id, 'customer', 'from replica A');
        const decided = await a().conversations.appendCustomerTurn(turn, (before) => {
          seen.push(before.lastCustomerText);
          return { replies: [reply], change: { incrementFailedTurns: true }, judged: before.lastCustomerText };
        });
        // the last judgement is the one written: from what replica B wrote
        expect(seen.at(-1)).toBe('from replica B');
        expect(decided?.judged).toBe('from replica B');
        const stored = (await b().conversations.find(id))!;
        expect(stored).toMatchObject({ lastCustomerText: 'from replica A', failedTurns: 1 });
        expect((await b().conversations.readTranscript(stored)).map((m) => m.text)).toEqual(['Hello', 'from replica B', 'from replica A', 'answer to A']);
        expect(await b().conversations.readStoredAnswer(stored, turn.id)).toMatchObject([{ id: reply.id, text: 'answer to A' }]);
      });

      it('writes a turn at a transcript position only while no other turn was appended since', async () => {
        const id = unique('cv');
        await a().conversations.create({ conversation: conversation(id, { lastCustomerText: 'Hello' }), taskIds: [], handovers: [], messages: [message(id, 'customer', 'Hello')] });
        const asked = (await a().conversations.findAsLastWritten(id))!;
        await b().conversations.appendCustomerTurn(message(id, 'customer', 'from replica B'), () => ({ replies: [], change: null }));

        // replica A's copy is behind: its turn is refused, nothing written
        const stale = await a().conversations.appendCustomerTurnAt(message(id, 'customer', 'asked from the old copy'), asked.transcript.appends, () => ({ replies: [], change: null }));
        expect(stale).toBe('moved');
        const now = (await a().conversations.find(id))!;
        expect((await a().conversations.readTranscript(now)).map((m) => m.text)).toEqual(['Hello', 'from replica B']);

        // at the position it now reads, and after a change elsewhere that appended nothing, the turn is written and judged from the latest
        await b().conversations.update(id, { status: 'waiting' });
        const seen: string[] = [];
        const written = await a().conversations.appendCustomerTurnAt(message(id, 'customer', 'asked from the latest'), now.transcript.appends, (before) => {
          seen.push(before.status);
          return { replies: [message(id, 'bot', 'answer')], change: null };
        });
        expect(written).not.toBe('moved');
        expect(seen.at(-1)).toBe('waiting');
        const after = (await b().conversations.find(id))!;
        expect((await b().conversations.readTranscript(after)).map((m) => m.text)).toEqual(['Hello', 'from replica B', 'asked from the latest', 'answer']);
        expect(await a().conversations.appendCustomerTurnAt(message(unique('cv'), 'customer', 'nobody'), 0, () => ({ replies: [], change: null }))).toBeNull();
      });

      it('stores every one of 20 concurrent turns of one conversation once', async () => {
        const id = unique('cv');
        await a().conversations.create({ conversation: conversation(id), taskIds: [], handovers: [], messages: [message(id, 'customer', 'start')] });
        const turns = Array.from({ length: 20 }, (_, i) => message(id, 'customer', `turn ${i}`));
        await Promise.all(turns.map((turn, i) => (i % 2 ? a() : b()).conversations.appendCustomerTurn(turn, () => ({ replies: [], change: null }))));
        const texts = (await a().conversations.readTranscript((await a().conversations.find(id))!)).map((m) => m.text);
        expect(texts).toHaveLength(21);
        expect(new Set(texts).size).toBe(21);
      });

      it('reads what was appended since a reader last looked', async () => {
        const id = unique('cv');
        await a().conversations.create({ conversation: conversation(id), taskIds: [], handovers: [], messages: [message(id, 'customer', 'one')] });
        const before = (await a().conversations.find(id))!;
        await b().conversations.append(id, [message(id, 'agent', 'two')]);
        const now = (await a().conversations.find(id))!;
        expect(now.transcript.appends).toBeGreaterThan(before.transcript.appends);
        expect((await a().conversations.readTranscriptSince(now, before.transcript.appends)).map((m) => m.text)).toEqual(['two']);
      });
    });

    describe('decisions', () => {
      it('has exactly one winner among 20 concurrent callers on two replicas, and the losers learn who won', async () => {
        const key = unique('claim');
        const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a() : b()).decisions.decideOnce(key, { id: `st_${i}` })));
        const winners = outcomes.filter((outcome) => outcome.won);
        expect(winners).toHaveLength(1);
        const winnerIds = new Set(outcomes.flatMap((outcome) => (outcome.won ? [] : [String(outcome.winner.id)])));
        expect(winnerIds.size).toBe(1);
        expect(await a().decisions.isDecided(key)).toBe(true);
      });

      it('can be taken back and decided again', async () => {
        const key = unique('lock');
        expect((await a().decisions.decideOnce(key)).won).toBe(true);
        await b().decisions.withdraw(key);
        expect(await a().decisions.isDecided(key)).toBe(false);
        expect((await b().decisions.decideOnce(key)).won).toBe(true);
      });

      it('forgets the decisions of one kind made before a time, and only those', async () => {
        const kind = unique('event');
        const old = `${kind}:old`;
        const other = unique('claim');
        expect((await a().decisions.decideOnce(old)).won).toBe(true);
        expect((await a().decisions.decideOnce(other)).won).toBe(true);
        const cutoff = new Date(Date.now() + 1_000);
        const fresh = `${kind}:fresh`;
        expect(await b().decisions.forgetOlderThan(kind, cutoff)).toBe(1);
        expect(await a().decisions.isDecided(old)).toBe(false);
        expect(await a().decisions.isDecided(other)).toBe(true);
        expect((await a().decisions.decideOnce(fresh)).won).toBe(true);
        expect(await b().decisions.forgetOlderThan(kind, new Date(Date.now() - 60_000))).toBe(0);
        expect(await a().decisions.isDecided(fresh)).toBe(true);
      });
    });

    describe('message receipts', () => {
      it('lets one turn take an id, keeps its answer, and forgets receipts once expired', async () => {
        const id = unique('receipt');
        const taken = { id, conversationId: 'cv_r', fingerprint: 'f1', messageId: 'msg_1', at: new Date(Date.now() - 60_000) };
        expect(await a().receipts.take(taken)).toBe(true);
        expect(await b().receipts.take({ ...taken, fingerprint: 'f2' })).toBe(false);
        expect(await b().receipts.find(id)).toMatchObject({ conversationId: 'cv_r', fingerprint: 'f1', messageId: 'msg_1' });
        expect(await a().receipts.answerOf(id)).toBeNull();
        const result = { conversationId: 'cv_r', status: 'bot' as const, paused: false, tags: [], assignee: null, replies: [], handover: null };
        await a().receipts.saveAnswer(id, 'cv_r', result, new Date());
        expect(await b().receipts.answerOf(id)).toEqual(result);

        await a().receipts.dropIfTakenBefore(id, new Date(Date.now() - 120_000));
        expect(await a().receipts.find(id)).not.toBeNull();
        expect(await a().receipts.expireBefore(new Date(Date.now() - 30_000))).toBeGreaterThanOrEqual(1);
        expect(await a().receipts.find(id)).toBeNull();
        expect(await a().receipts.take(taken)).toBe(true);
      });
    });

    describe('tasks and their due lists', () => {
      it('finds the tasks due in a minute, and where the last sweep stopped', async () => {
        const dueAt = new Date(Date.UTC(2031, 0, 2, 3, 4, 5));
        const minute = Math.floor(dueAt.getTime() / 60_000);
        const ids = [unique('tk'), unique('tk'), unique('tk')];
        for (const id of ids) await a().tasks.save({ id, conversationId: 'cv_t', botId: 'contract-bot', note: 'call back', dueAt, assignee: null }, new Date());
        await Promise.all(ids.map((id, i) => (i % 2 ? a() : b()).dueTasks.add(id, dueAt)));
        expect(await b().tasks.find(ids[0]!)).toEqual({ id: ids[0], conversationId: 'cv_t', botId: 'contract-bot', note: 'call back', dueAt, assignee: null });
        expect(await b().dueTasks.minutesWithTasks(minute - 90, minute + 90)).toContain(minute);
        expect(await b().dueTasks.minutesWithTasks(minute + 1, minute + 90)).not.toContain(minute);
        expect(new Set(await b().dueTasks.tasksDueIn(minute))).toEqual(new Set(ids));
        await a().dueTasks.setSweptUntil(minute);
        expect(await b().dueTasks.sweptUntil()).toBe(minute);
      });
    });

    describe('bots', () => {
      it('creates a bot once, changes it with typed changes, and lists a tenant\'s bots', async () => {
        const id = unique('bot');
        const tenant = unique('tenant');
        expect(await a().bots.create({ id, name: 'Contract bot', tenant })).toBe(true);
        expect(await b().bots.create({ id, name: 'Another' })).toBe(false);
        expect(await b().bots.find(id)).toMatchObject({ id, name: 'Contract bot', tenant, rules: [], knowledgeBase: [] });
        expect(await a().bots.update(id, { labs: true, slackChannel: 'C1' })).toMatchObject({ labs: true, slackChannel: 'C1' });
        expect((await b().bots.botsOfTenant(tenant, 20)).map((bot) => bot.id)).toEqual([id]);
        expect(await a().bots.nextRoundRobinTurn(id)).toBe(1);
        expect(await b().bots.nextRoundRobinTurn(id)).toBe(2);
        await a().bots.setTeamsChannel(id, { conversation: { id: '19:channel' } });
        expect(await b().bots.teamsChannelOf(id)).toEqual({ conversation: { id: '19:channel' } });
      });

      it('adds a rule only on the rule count it was read with', async () => {
        const id = unique('bot');
        await a().bots.create({ id, name: 'Rules' });
        const rule = { name: 'r1' } as never;
        expect((await a().bots.addRule(id, rule, 0))?.rules).toHaveLength(1);
        expect(await b().bots.addRule(id, { name: 'r2' } as never, 0)).toBeNull();
      });

      it('saves settings only on the revision they were read with, counting it up', async () => {
        const id = unique('bot');
        await a().bots.create({ id, name: 'Revisions' });
        expect((await b().bots.find(id, { fresh: true }))?.revision).toBe(0);
        const settings = { labs: true, handover: true, rules: [{ name: 'r1' }] as never, failedTurnsBeforeHandover: 3 };
        expect(await a().bots.saveSettings(id, settings, 0)).toMatchObject({ revision: 1, labs: true, failedTurnsBeforeHandover: 3, rules: [{ name: 'r1' }] });
        expect(await b().bots.saveSettings(id, { ...settings, rules: [] }, 0)).toBeNull();
        expect((await b().bots.update(id, { handover: false }))?.revision).toBe(2);
        expect((await a().bots.update(id, { slackChannel: 'C2' }))?.revision).toBe(2);
        expect((await b().bots.find(id, { fresh: true }))?.rules).toEqual([{ name: 'r1' }]);
      });

      it('keeps each settings change once, read newest first per bot', async () => {
        const id = unique('bot');
        await a().bots.create({ id, name: 'Audited' });
        for (let revision = 1; revision <= 3; revision += 1) {
          await a().bots.saveSettings(id, { labs: true, handover: true, rules: [], failedTurnsBeforeHandover: 2 }, revision - 1);
          const entry = { botId: id, tenant: 'operator', revision, at: new Date(Date.UTC(2026, 0, revision)), actor: { id: 'st1', name: 'Ann' }, summary: `change ${revision}` };
          await a().settingsAudit.append(entry);
          await b().settingsAudit.append({ ...entry, summary: 'a retry' });
        }
        expect((await b().settingsAudit.latest(id, 2)).map((entry) => entry.summary)).toEqual(['change 3', 'change 2']);
        expect(await a().settingsAudit.ofRevision(id, 1)).toMatchObject({ actor: { id: 'st1', name: 'Ann' }, summary: 'change 1', at: new Date(Date.UTC(2026, 0, 1)) });
        expect(await a().settingsAudit.latest(unique('bot'), 5)).toEqual([]);
      });
    });

    describe('staff', () => {
      it('keeps one staff member per platform identity, and finds a tenant\'s available staff', async () => {
        const tenant = unique('tenant');
        const slackUserId = unique('U');
        let made = 0;
        const newId = () => unique(`st${(made += 1)}`);
        const first = await a().staff.saveByIdentity({ slackUserId }, { name: 'Ana', email: null, tenant }, newId);
        const again = await b().staff.saveByIdentity({ slackUserId }, { name: 'Ana Lima', email: 'ana@example.com', tenant }, newId);
        expect(again).toMatchObject({ id: first.id, name: 'Ana Lima', email: 'ana@example.com', tenant, available: false });
        expect(await a().staff.availableStaff(tenant)).toEqual([]);
        await a().staff.updatePreferences(first.id, { available: true });
        expect((await b().staff.availableStaff(tenant)).map((staff) => staff.id)).toEqual([first.id]);
        expect((await b().staff.findInTenant(slackUserId, tenant))?.id).toBe(first.id);
        expect(await b().staff.findInTenant(slackUserId, unique('other-tenant'))).toBeNull();
        await a().staff.rememberLastConversation(first.id, 'cv_last');
        expect(await b().staff.lastConversationOf(first.id)).toBe('cv_last');
      });
    });

    describe('escalation posts', () => {
      it('finds a conversation from its post, and the escalation\'s own post per platform', async () => {
        const id = unique('cv');
        await a().conversations.create({ conversation: conversation(id), taskIds: [], handovers: [], messages: [message(id, 'customer', 'help')] });
        const key = `slack:C1:${unique('ts')}`;
        await a().escalationPosts.record(id, 'slack', key, { channel: 'C1', ts: '1.2' }, true);
        await a().escalationPosts.record(id, 'slack', key, { channel: 'C1', ts: '1.2' }, true);
        await a().escalationPosts.record(id, 'slack', `slack:DM:${unique('ts')}`, { channel: 'DM', ts: '3.4' }, false);
        expect(await b().escalationPosts.conversationOfPost(key)).toBe(id);
        expect(await b().escalationPosts.conversationOfPost(`slack:C1:${unique('none')}`)).toBeNull();
        expect(await b().escalationPosts.postsOf(id)).toEqual({ slack: { channel: 'C1', ts: '1.2' } });
      });
    });

    describe('settings', () => {
      it('keeps the first token secret whichever replica asks', async () => {
        const [one, two] = await Promise.all([a().settings.tokenSecret(() => 'secret-a'), b().settings.tokenSecret(() => 'secret-b')]);
        expect(one).toBe(two);
        expect(await a().settings.tokenSecret(() => 'secret-c')).toBe(one);
      });
    });
  });
}
