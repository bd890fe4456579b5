// `npx handover keys create|list|revoke|webhook`: the Handoff API's per-bot keys and webhook, for the operator.
import { parseArgs } from 'node:util';
import { createApiKey } from '../../src/api-keys/api-keys.js';
import { HandoverError } from '../../src/errors.js';
import { configureBotWebhook, type WebhookChange } from '../../src/handoff/bot-webhook-settings.js';
import type { Repositories } from '../../src/ports/repositories.js';
import { connectMongoStorage } from '../mongo/mongo-repositories.js';
import { createSecretCipher } from '../crypto/secret-cipher.js';
import { readEnvConfig } from './env-config.js';

const USAGE = `usage:
  handover keys create <botId> [--webhook URL]   a new API key (shown once); the bot's webhook secret too, the first time
  handover keys list <botId>                     the bot's keys (ids, not the keys) and webhook URL
  handover keys revoke <keyId>                   the key stops working at once
  handover keys webhook <botId> [--webhook URL | --no-webhook] [--rotate-secret]`;

async function run(repos: Repositories, args: string[], allowInternal: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { webhook: { type: 'string' }, 'no-webhook': { type: 'boolean' }, 'rotate-secret': { type: 'boolean' } },
  });
  const [action, target, ...extra] = positionals;
  if (!target || extra.length > 0) throw new HandoverError('usage', USAGE);
  const now = new Date();
  const change: WebhookChange = { rotateSecret: values['rotate-secret'] };
  if (values.webhook !== undefined) change.url = values.webhook;
  if (values['no-webhook']) change.url = null;

  if (action === 'create') {
    // the webhook first: a refused URL leaves no key behind
    const webhook = await configureBotWebhook(repos, target, change, { now, allowInternal });
    const { record, key } = await createApiKey(repos, target, now);
    console.log(`key id:  ${record.id}`);
    console.log(`API key: ${key}`);
    console.log('Keep the key now: it is stored hashed and cannot be shown again. Send it as "Authorization: Bearer <key>".');
    printWebhook(webhook);
    return;
  }
  if (action === 'webhook') {
    printWebhook(await configureBotWebhook(repos, target, change, { now, allowInternal }));
    return;
  }
  if (action === 'list') {
    const keys = await repos.apiKeys.listForBot(target);
    for (const key of keys) console.log(`${key.id}  created ${key.createdAt.toISOString()}  ${key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active'}`);
    const webhook = await repos.botWebhooks.find(target);
    console.log(`${keys.length} key(s); webhook: ${webhook?.url ?? 'none (live stream only)'}`);
    return;
  }
  if (action === 'revoke') {
    const revoked = await repos.apiKeys.revoke(target, now);
    if (!revoked) throw new HandoverError('usage', `no key with id "${target}" (npx handover keys list <botId>)`);
    console.log(`${revoked.id} of bot ${revoked.botId} revoked ${revoked.revokedAt!.toISOString()}`);
    return;
  }
  throw new HandoverError('usage', USAGE);
}

function printWebhook({ webhook, newSecret }: Awaited<ReturnType<typeof configureBotWebhook>>): void {
  console.log(`webhook: ${webhook.url ?? 'none (events only over the live stream)'}`);
  if (newSecret) console.log(`webhook signing secret (Standard Webhooks; shown once, the previous one no longer verifies): ${newSecret}`);
}

async function main(): Promise<number> {
  const env = readEnvConfig(process.env);
  if (!env.MONGODB_URI) {
    console.error('handover keys: set MONGODB_URI (with the embedded database: the URI `npm run db` prints)');
    return 2;
  }
  // the same key as the service's: the webhook secret it writes is sealed as the service expects
  const storage = await connectMongoStorage(env.MONGODB_URI, env.HANDOVER_ENCRYPTION_KEY ? createSecretCipher(env.HANDOVER_ENCRYPTION_KEY) : null).catch((error: unknown) => {
    if (!(error instanceof HandoverError)) throw error;
    console.error(`handover keys: ${error.message}`);
    return null;
  });
  if (!storage) return 2;
  try {
    await run(storage.repositories, process.argv.slice(3), env.HANDOVER_OUTBOUND_ALLOW);
    return 0;
  } catch (error) {
    if (!(error instanceof HandoverError) && (error as { code?: string }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw error;
    console.error(`handover keys: ${(error as Error).message}`);
    return 2;
  } finally {
    await storage.close();
  }
}

process.exitCode = await main();
