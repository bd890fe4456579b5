import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { emailAdapter } from '../../adapters/email/email-adapter.js';
import type { RunningService } from '../../adapters/server/start-service.js';
import { webhookAdapter } from '../../adapters/webhook/webhook-adapter.js';
import { botConfigSchema } from '../../src/config/bot-config-file.js';
import { claimConversation } from '../../src/handover/claim-conversation.js';
import { resolveConversation } from '../../src/handover/resolve-conversation.js';
import { saveStaffMember } from '../../src/staff/save-staff-member.js';
import { fireTaskDue } from '../../src/tasks/fire-task-due.js';
import { api, startTestService, testDatabaseUri, waitFor } from '../support/test-service.js';
import { OPERATOR_TENANT } from '../../src/tenants/tenant.js';

// a Standard Webhooks secret as `whsec_` and base64, as receivers' libraries take it
const SECRET = `whsec_${Buffer.from('webhook-secret-for-tests-32-bytes').toString('base64')}`;

interface Received {
  headers: Record<string, string>;
  raw: string;
  body: { id: string; type: string; timestamp: string; data: Record<string, any> };
  answered: number;
}

/** A workflow tool's endpoint: records every request, answers from a script of statuses, then 200. */
async function startWebhookReceiver() {
  const received: Received[] = [];
  const script: Array<{ status: number; retryAfter?: string }> = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const next = script.shift() ?? { status: 200 };
      received.push({ headers: req.headers as Record<string, string>, raw, body: JSON.parse(raw), answered: next.status });
      if (next.retryAfter) res.setHeader('retry-after', next.retryAfter);
      res.statusCode = next.status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    // a host name: a rule may not name an internal address literally; the service allows 127.0.0.1 when connecting
    url: `http://localhost:${(server.address() as AddressInfo).port}/hooks/handover`,
    received,
    script,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A real SMTP server: the first `refuse` messages get a 451 (try later), the rest are kept. */
async function startMailServer() {
  const mails: Array<{ to: string[]; raw: string }> = [];
  const state = { refuse: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        if (state.refuse > 0) {
          state.refuse -= 1;
          return callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
        }
        mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The Subject header, decoded from its RFC 2047 encoded words. */
function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)![1]!.replace(/\r?\n[ \t]/g, ' ');
  return header.replace(/=\?UTF-8\?Q\?(.*?)\?=\s*/gi, (_, text: string) =>
    Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1').replace(/%(?![0-9A-F]{2})/gi, '%25'), 'utf8').toString().replace(/(%[0-9A-F]{2})+/gi, (m) => decodeURIComponent(m)),
  ).trim();
}

let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
let mail: Awaited<ReturnType<typeof startMailServer>>;
let service: RunningService;

beforeAll(async () => {
  hooks = await startWebhookReceiver();
  mail = await startMailServer();
  const bot = botConfigSchema.parse({
    id: 'shop',
    name: 'Shop assistant',
    labs: true,
    knowledgeBase: [{ id: 'hours', questions: ['When are you open?'], answer: 'Every day 9-17.' }],
    rules: [
      {
        name: 'People',
        triggers: ['contact_request'],
        task: { enabled: true, note: 'Call the customer back', dueInMinutes: 60 },
        notify: { slack: false, teams: false, email: ['support@example.com', 'lead@example.com'], webhook: hooks.url },
      },
    ],
  });
  service = await startTestService({
    mongodbUri: testDatabaseUri(),
    botConfigs: [bot],
    outboxBaseDelayMs: 200,
    adapters: [webhookAdapter({ secret: SECRET, allowInternal: ['127.0.0.1'] }), emailAdapter({ smtpUrl: mail.url, from: 'Handover <handover@example.com>' })],
  });
});
afterAll(async () => {
  await service?.stop();
  await hooks?.close();
  await mail?.close();
});

async function handOver(text = 'I would like to talk to a person') {
  const turn = await api(service, 'POST', '/api/v1/bots/shop/messages', { body: { text, customer: { name: 'Lin' } } });
  expect(turn.status).toBe(200);
  expect(turn.body.handover).not.toBeNull();
  return turn.body as { conversationId: string; handover: { taskId: string } };
}

const delivered = (type: string, conversationId: string) =>
  hooks.received.filter((hit) => hit.body.type === type && hit.body.data.conversationId === conversationId && hit.answered === 200);

describe('workflow webhooks', () => {
  it('signs each event, retries 500 and 429 (Retry-After) with the same delivery id, and delivers it once', async () => {
    hooks.script.push({ status: 500 }, { status: 429, retryAfter: '1' });
    const { conversationId } = await handOver();
    await waitFor(async () => delivered('handover.triggered', conversationId).length === 1, 15_000);
    const tries = hooks.received.filter((hit) => hit.body.data.conversationId === conversationId);
    expect(tries.map((hit) => hit.answered)).toEqual([500, 429, 200]);
    expect(new Set(tries.map((hit) => hit.headers['webhook-id'])).size).toBe(1);
    expect(new Set(tries.map((hit) => hit.body.timestamp)).size).toBe(1);
    // verified by the Standard Webhooks library, as a receiver would
    for (const hit of tries) expect(new Webhook(SECRET).verify(hit.raw, hit.headers)).toEqual(hit.body);
    const event = tries.at(-1)!.body;
    expect(event.data).toMatchObject({ trigger: 'contact_request', rule: 'People', botId: 'shop', status: 'waiting', task: { note: 'Call the customer back' } });
    expect(hooks.received.at(-1)!.headers['x-handover-event']).toBe('handover.triggered');
  });

  it('deliveries are refused by the Standard Webhooks library under another secret, and when replayed after five minutes', async () => {
    const { conversationId } = await handOver('could I talk to a person please');
    const hit = await waitFor(async () => delivered('handover.triggered', conversationId)[0]);
    expect(new Webhook(SECRET).verify(hit.raw, hit.headers)).toMatchObject({ type: 'handover.triggered' });
    const otherSecret = `whsec_${Buffer.from('another-secret-entirely-32-bytes').toString('base64')}`;
    expect(() => new Webhook(otherSecret).verify(hit.raw, hit.headers)).toThrow('No matching signature found');
    expect(() => new Webhook(SECRET).verify(hit.raw.replace('"Lin"', '"Lim"'), hit.headers)).toThrow();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 6 * 60_000);
      expect(() => new Webhook(SECRET).verify(hit.raw, hit.headers)).toThrow('Message timestamp too old');
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells the workflow when the handover is claimed, resolved, and when its task falls due', async () => {
    const { conversationId, handover } = await handOver('can I speak to someone');
    const agent = await saveStaffMember(service.ctx, { slackUserId: 'U_HOOK' }, { name: 'Noor' }, OPERATOR_TENANT);
    await claimConversation(service.ctx, conversationId, agent);
    expect(await fireTaskDue(service.ctx, handover.taskId)).toBe('reminded');
    await resolveConversation(service.ctx, conversationId, agent);
    await waitFor(async () => delivered('handover.resolved', conversationId).length === 1);
    expect(delivered('handover.claimed', conversationId)[0]!.body.data.by).toEqual({ id: agent.id, name: 'Noor' });
    await waitFor(async () => delivered('task.due', conversationId).length === 1);
    expect(hooks.received.filter((hit) => hit.body.data.conversationId === conversationId).map((hit) => hit.body.type)).toEqual([
      'handover.triggered',
      'handover.claimed',
      'task.due',
      'handover.resolved',
    ]);
  });
});

describe('email', () => {
  it('emails the rule’s addresses through SMTP, retrying a 451 until the server takes it, once', async () => {
    mail.state.refuse = 1;
    const { conversationId } = await handOver('please put me through to a human');
    const sent = await waitFor(async () => mail.mails.find((m) => m.raw.includes(conversationId)), 15_000);
    expect(sent.to.sort()).toEqual(['lead@example.com', 'support@example.com']);
    expect(subjectOf(sent.raw)).toBe('[Handover] Asked for a person — Shop assistant');
    expect(sent.raw).toContain('Lin needs the team');
    await waitFor(async () => (await service.mongo.store.outbox.countDocuments({ orderKey: `email:${conversationId}` })) === 0);
    expect(mail.mails.filter((m) => m.raw.includes(conversationId))).toHaveLength(1);
    expect(mail.state.refuse).toBe(0);
  });
});
