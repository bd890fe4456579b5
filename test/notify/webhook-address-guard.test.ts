import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSubmittedRules } from '../../adapters/rules-yaml.js';
import type { RunningService } from '../../adapters/server/start-service.js';
import { webhookAdapter } from '../../adapters/webhook/webhook-adapter.js';
import { botConfigSchema, type BotConfig } from '../../src/config/bot-config-file.js';
import { handoverRuleSchema } from '../../src/rules/handover-rule-schema.js';
import { api, startTestService, testDatabaseUri, waitFor } from '../support/test-service.js';

const SECRET = 'webhook-secret-for-tests';

/** A receiver on this machine that counts what reaches it and answers from a fixed status and headers. */
async function startReceiver(answer: { status: number; headers?: Record<string, string> } = { status: 200 }) {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => {
      res.writeHead(answer.status, answer.headers);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, hits, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A bot whose one rule sends a webhook for every contact request. */
function botWithWebhook(id: string, webhook: string): BotConfig {
  const bot = botConfigSchema.parse({
    id,
    name: id,
    labs: true,
    rules: [{ name: 'People', triggers: ['contact_request'], task: { enabled: false }, notify: { slack: false, teams: false, webhook: 'https://hooks.example.com/placeholder' } }],
  });
  // what a rule saved before URLs were checked on save may still hold
  bot.rules[0]!.notify.webhook = webhook;
  return bot;
}

async function webhookOutcome(service: RunningService, botId: string) {
  const turn = await api(service, 'POST', `/api/v1/bots/${botId}/messages`, { body: { text: 'I would like to talk to a person', customer: { name: 'Lin' } } });
  expect(turn.body.handover).not.toBeNull();
  const orderKey = `webhook:${turn.body.conversationId}`;
  await waitFor(async () => (await service.mongo.store.outbox.countDocuments({ orderKey, state: 'pending' })) === 0);
  // a delivered notification leaves no row; one given up stays, with its reason
  return service.mongo.store.outbox.findOne({ orderKey }).lean();
}

describe('webhooks to internal addresses, without HANDOVER_OUTBOUND_ALLOW', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let service: RunningService;

  beforeAll(async () => {
    receiver = await startReceiver();
    service = await startTestService({
      mongodbUri: testDatabaseUri(),
      outboxBaseDelayMs: 50,
      botConfigs: [
        botWithWebhook('literal-loopback', `http://127.0.0.1:${receiver.port}/literal`),
        botWithWebhook('mapped-loopback', `http://[::ffff:127.0.0.1]:${receiver.port}/mapped`),
        botWithWebhook('named-loopback', `http://localhost:${receiver.port}/named`),
      ],
      adapters: [webhookAdapter({ secret: SECRET })],
    });
  });
  afterAll(async () => {
    await service?.stop();
    await receiver?.close();
  });

  it.each(['literal-loopback', 'mapped-loopback', 'named-loopback'])('never POSTs to a loopback receiver (%s) and fails the delivery at once with a neutral reason', async (botId) => {
    const row = await webhookOutcome(service, botId);
    expect(row).toMatchObject({ state: 'failed', attempt: 1, lastError: 'webhook handover.triggered: address not allowed' });
    expect(receiver.hits).toEqual([]);
  });
});

describe('webhooks with HANDOVER_OUTBOUND_ALLOW', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let redirecting: Awaited<ReturnType<typeof startReceiver>>;
  let service: RunningService;

  beforeAll(async () => {
    receiver = await startReceiver();
    redirecting = await startReceiver({ status: 307, headers: { location: `http://localhost:${receiver.port}/after-redirect` } });
    service = await startTestService({
      mongodbUri: testDatabaseUri(),
      outboxBaseDelayMs: 50,
      botConfigs: [botWithWebhook('allowed', `http://localhost:${receiver.port}/allowed`), botWithWebhook('redirected', `http://localhost:${redirecting.port}/moved`)],
      adapters: [webhookAdapter({ secret: SECRET, allowInternal: ['127.0.0.1'] })],
    });
  });
  afterAll(async () => {
    await service?.stop();
    await receiver?.close();
    await redirecting?.close();
  });

  it('delivers to an internal receiver the operator allowed', async () => {
    const row = await webhookOutcome(service, 'allowed');
    expect(row).toBeNull(); // delivered rows are removed
    expect(receiver.hits).toEqual(['POST /allowed']);
  });

  it('does not follow a redirect: the answer is a failed delivery, the other address gets nothing', async () => {
    const before = receiver.hits.length;
    const row = await webhookOutcome(service, 'redirected');
    expect(row).toMatchObject({ state: 'failed', lastError: 'webhook handover.triggered answered HTTP 307 (redirects are not followed)' });
    expect(redirecting.hits).toEqual(['POST /moved']);
    expect(receiver.hits.length).toBe(before);
  });
});

describe('saving a rule whose webhook names an internal address', () => {
  const rule = (webhook: string) => handoverRuleSchema.safeParse({ name: 'r', triggers: ['contact_request'], notify: { webhook } });

  it.each(['http://127.0.0.1:8080/hook', 'http://[::1]/hook', 'http://[::ffff:127.0.0.1]/hook', 'http://2130706433/hook', 'http://169.254.169.254/latest/meta-data', 'https://10.1.2.3/hook', 'http://0.0.0.0/'])(
    'is refused with a clear message: %s',
    (webhook) => {
      const result = rule(webhook);
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.message).toContain('a webhook cannot go to an internal address');
    },
  );

  it('accepts public addresses and host names (checked when connecting)', () => {
    expect(rule('https://hooks.example.com/handover').success).toBe(true);
    expect(rule('https://93.184.215.14/hook').success).toBe(true);
    expect(rule('http://localhost:8080/hook').success).toBe(true);
  });

  it('tells an admin saving settings (Slack modal, Teams card) which rule and field', () => {
    const submitted = parseSubmittedRules('[{ name: r, triggers: [contact_request], notify: { webhook: "http://169.254.169.254/latest" } }]');
    expect(submitted).toEqual({ error: expect.stringMatching(/^Rule 1, notify\.webhook: a webhook cannot go to an internal address/) });
  });
});
