import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../adapters/server/start-service.js';
import { handoffWebhookAdapter } from '../../adapters/webhook/handoff-webhook-notifier.js';
import { createApiKey } from '../../src/api-keys/api-keys.js';
import { configureBotWebhook } from '../../src/handoff/bot-webhook-settings.js';
import { claimConversation } from '../../src/handover/claim-conversation.js';
import { saveStaffMember } from '../../src/staff/save-staff-member.js';
import { OPERATOR_TENANT } from '../../src/tenants/tenant.js';
import { externalBot, startReceiver } from './external-bot.js';
import { api, startTestService, testDatabaseUri, waitFor } from '../support/test-service.js';

const KEY = 'webhook-test-key-0123456789abcdefghijklmnop';
const OTHER_KEY = 'another-deployment-key-0123456789abcdefghij';


let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
});


function start(mongodbUri: string, encryptionKey: string | null) {
  return startTestService({ mongodbUri, botConfigs: [externalBot('bot')], outboxBaseDelayMs: 200, encryptionKey, adapters: [handoffWebhookAdapter({ allowInternal: ['127.0.0.1'] })] });
}

const storedWebhook = (service: RunningService) => service.mongo.store.connection.collection('botWebhooks').findOne({ _id: 'bot' as never });

/** A handoff claimed by staff: the bot's webhook is told, signed with its secret; resolves with the event as the `standardwebhooks` library verified it. */
async function claimedEventVerifiedWith(service: RunningService, secret: string): Promise<{ type: string; data: { conversationId: string } }> {
  const { key } = await createApiKey(service.ctx, 'bot', new Date());
  const body = { customer: { id: `c-${randomUUID()}`, name: 'Sam' }, transcript: [{ from: 'customer', text: 'My parcel never arrived' }], reason: 'No tracking number' };
  const accepted = await api(service, 'POST', '/api/v1/bots/bot/handoffs', { body, token: key });
  expect(accepted.status).toBe(201);
  const { conversationId } = accepted.body;
  const noor = await saveStaffMember(service.ctx, { slackUserId: `U_${randomUUID().slice(0, 8)}` }, { name: 'Noor' }, OPERATOR_TENANT);
  await claimConversation(service.ctx, conversationId, noor);
  return waitFor(async () => {
    // the receiver is shared by this file's tests (each its own secret): verify only this conversation's event
    const hit = receiver.received.find(({ raw }) => (JSON.parse(raw) as { data: { conversationId: string } }).data.conversationId === conversationId);
    return hit ? (new Webhook(secret).verify(hit.raw, hit.headers) as { type: string; data: { conversationId: string } }) : null;
  });
}

describe('Webhook signing secrets at rest', () => {
  it('with HANDOVER_ENCRYPTION_KEY, the stored document does not hold the secret, and events are still signed with it', async () => {
    const service = await start(testDatabaseUri(), KEY);
    try {
      const { newSecret } = await configureBotWebhook(service.ctx, 'bot', { url: receiver.url }, { now: new Date(), allowInternal: [] });
      const stored = JSON.stringify(await storedWebhook(service));
      expect(stored).toContain(receiver.url);
      expect(stored).not.toContain(newSecret!);
      expect(stored).not.toContain(newSecret!.slice('whsec_'.length));
      expect((await claimedEventVerifiedWith(service, newSecret!)).type).toBe('handoff.claimed');
    } finally {
      await service.stop();
    }
  });

  it('without a key, the secret is stored as before; once a key is set it is read as it is and sealed at its next save', async () => {
    const uri = testDatabaseUri();
    const plain = await start(uri, null);
    let secret: string;
    try {
      secret = (await configureBotWebhook(plain.ctx, 'bot', { url: receiver.url }, { now: new Date(), allowInternal: [] })).newSecret!;
      expect((await storedWebhook(plain))?.secret).toBe(secret);
      expect((await claimedEventVerifiedWith(plain, secret)).type).toBe('handoff.claimed');
    } finally {
      await plain.stop();
    }

    const sealing = await start(uri, KEY);
    try {
      expect((await storedWebhook(sealing))?.secret).toBe(secret);
      expect((await claimedEventVerifiedWith(sealing, secret)).type).toBe('handoff.claimed');
      // the operator's `npx handover keys webhook bot` saves it again, unchanged
      const saved = await configureBotWebhook(sealing.ctx, 'bot', {}, { now: new Date(), allowInternal: [] });
      expect(saved.newSecret).toBeNull();
      expect(JSON.stringify(await storedWebhook(sealing))).not.toContain(secret.slice('whsec_'.length));
      expect((await claimedEventVerifiedWith(sealing, secret)).type).toBe('handoff.claimed');
    } finally {
      await sealing.stop();
    }
  });

  it('another key, or none, over sealed secrets stops the start with one line naming HANDOVER_ENCRYPTION_KEY', async () => {
    const uri = testDatabaseUri();
    const service = await start(uri, KEY);
    await configureBotWebhook(service.ctx, 'bot', { url: receiver.url }, { now: new Date(), allowInternal: [] });
    await service.stop();

    await expect(start(uri, OTHER_KEY)).rejects.toThrow(/^HANDOVER_ENCRYPTION_KEY: does not open the secrets stored in the database/);
    await expect(start(uri, null)).rejects.toThrow(/^HANDOVER_ENCRYPTION_KEY: not set, but the webhook secrets in the database are sealed/);

    const main = fileURLToPath(new URL('../../adapters/server/main.ts', import.meta.url));
    const { status, stderr } = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', main], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', MONGODB_URI: uri, HANDOVER_ENCRYPTION_KEY: OTHER_KEY, PORT: '0', LOG_LEVEL: 'silent' },
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => resolve({ status: code, stderr }));
    });
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^handover: HANDOVER_ENCRYPTION_KEY: does not open the secrets stored in the database/)]);
  }, 30_000);
});
