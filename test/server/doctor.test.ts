import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startSlackStandIn } from '../slack/slack-stand-in.js';
import { createSecretCipher } from '../../adapters/crypto/secret-cipher.js';
import { connectMongoStorage } from '../../adapters/mongo/mongo-repositories.js';

const launcher = fileURLToPath(new URL('../../bin/handover.js', import.meta.url));
let slack: Awaited<ReturnType<typeof startSlackStandIn>>;

beforeAll(async () => {
  slack = await startSlackStandIn({ scopes: ['chat:write', 'commands'], channelsWithoutApp: ['C0OUTSIDE1'] });
});
afterAll(async () => {
  await slack?.close();
});

/** `npx handover doctor` with only the given environment (the stand-in answers in this process, so no spawnSync). */
function doctor(env: Record<string, string>): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [launcher, 'doctor'], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (status) => resolve({ status, out }));
  });
}

describe('handover doctor', () => {
  it('names a bad variable and exits 1', async () => {
    const { status, out } = await doctor({ SLACK_CHANNEL: '#support' });
    expect(status).toBe(1);
    expect(out).toContain('✗ configuration: SLACK_CHANNEL: must be a channel id like C0123456789');
  });

  it('checks the database, the Slack token, its scopes and channel membership, and says what to fix', async () => {
    const { status, out } = await doctor({
      MONGODB_URI: `${inject('mongodbUri')}doctor_${Date.now()}`,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: slack.url,
      SLACK_CHANNEL: 'C0OUTSIDE1',
    });
    expect(out).toContain('✓ database: reachable');
    expect(out).toContain('✓ Slack: token works (team T1, bot user U_BOT)');
    expect(out).toMatch(/✗ Slack: missing scopes reactions:write, channels:history, groups:history, channels:read, groups:read, users:read, users:read.email/);
    expect(out).toContain('✗ Slack: the app is not in #room-c0outside1');
    expect(out).toContain('→ invite it: /invite @Handover in #room-c0outside1');
    expect(out).toContain('✓ Teams: not set up (no MicrosoftAppId): /api/messages answers 401');
    expect(status).toBe(1);
  }, 30_000);

  it('reports a refused token', async () => {
    slack.failNext('auth.test', { status: 200, error: 'invalid_auth' });
    const { status, out } = await doctor({ SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.url, MONGODB_URI: `${inject('mongodbUri')}doctor_b` });
    expect(out).toContain('✗ Slack: auth.test failed (invalid_auth)');
    expect(status).toBe(1);
  }, 30_000);

  it('warns that webhook secrets are stored unencrypted without HANDOVER_ENCRYPTION_KEY, and names a key that does not open them', async () => {
    const key = 'doctor-test-key-0123456789abcdefghijklmn';
    const plainUri = `${inject('mongodbUri')}doctor_plain_${Date.now()}`;
    const sealedUri = `${inject('mongodbUri')}doctor_sealed_${Date.now()}`;
    for (const [uri, cipher] of [[plainUri, null], [sealedUri, createSecretCipher(key)]] as const) {
      const storage = await connectMongoStorage(uri, cipher);
      await storage.repositories.botWebhooks.save({ botId: 'shop', url: 'https://bot.example.com/events', secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=', updatedAt: new Date() });
      await storage.close();
    }

    const plain = await doctor({ MONGODB_URI: plainUri });
    expect(plain.out).toContain('✗ webhook secrets: 1 stored unencrypted (HANDOVER_ENCRYPTION_KEY is not set)');
    expect(plain.out).toContain('→ set HANDOVER_ENCRYPTION_KEY=$(openssl rand -base64 32)');
    expect(plain.status).toBe(1);

    expect((await doctor({ MONGODB_URI: sealedUri, HANDOVER_ENCRYPTION_KEY: key })).out).toContain('✓ webhook secrets: 1 sealed with HANDOVER_ENCRYPTION_KEY');
    const wrong = await doctor({ MONGODB_URI: sealedUri, HANDOVER_ENCRYPTION_KEY: 'another-key-0123456789abcdefghijklmnopq' });
    expect(wrong.out).toContain('✗ webhook secrets: HANDOVER_ENCRYPTION_KEY: does not open the secrets stored in the database');
    expect(wrong.status).toBe(1);
  }, 60_000);
});
