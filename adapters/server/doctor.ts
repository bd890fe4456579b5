// `npx handover doctor`: checks what a deployment needs and says what to fix.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { WebClient } from '@slack/web-api';
import nodemailer from 'nodemailer';
import { requiredSlackScopes } from '../slack/slack-scopes.js';
import { loadHandoverConfigFile } from '../../src/config/bot-config-file.js';
import { openOperatorQueries, type OperatorQueries } from '../mongo/operator-queries.js';
import { readEnvConfig, type EnvConfig } from './env-config.js';
import { repoPath } from '../repo-root.js';
import { createSecretCipher } from '../crypto/secret-cipher.js';

interface Finding {
  ok: boolean;
  what: string;
  /** What to do about it, when not ok (or a note when ok). */
  fix?: string;
}

type Check = () => Promise<Finding[]>;


async function checkDatabase(env: EnvConfig): Promise<{ findings: Finding[]; db: OperatorQueries | null }> {
  if (!env.MONGODB_URI) {
    const built = existsSync(repoPath('.ferretdb', 'bin', 'embedded-ferretdb'));
    if (built) return { findings: [{ ok: true, what: 'database: embedded FerretDB (built)', fix: `data in ${env.HANDOVER_DATA_DIR}` }], db: null };
    const go = spawnSync('go', ['version'], { encoding: 'utf8' });
    return go.status === 0
      ? { findings: [{ ok: true, what: `database: embedded FerretDB, built on first start with ${go.stdout.trim()}` }], db: null }
      : { findings: [{ ok: false, what: 'database: MONGODB_URI is not set and Go is not installed', fix: 'install Go 1.24+ (embedded database) or set MONGODB_URI' }], db: null };
  }
  try {
    const db = await openOperatorQueries(env.MONGODB_URI);
    return { findings: [{ ok: true, what: `database: reachable (${db.databaseName})` }], db };
  } catch (error) {
    return { findings: [{ ok: false, what: `database: not reachable (${(error as Error).message.slice(0, 120)})`, fix: 'check MONGODB_URI, the network and the credentials' }], db: null };
  }
}

async function checkSlack(env: EnvConfig, db: OperatorQueries | null): Promise<Finding[]> {
  if (env.SLACK_CLIENT_ID) {
    const installed = db ? await db.slackInstallationCount() : null;
    return [
      installed === 0
        ? { ok: false, what: 'Slack: installable in many workspaces, but no workspace has installed the app yet', fix: 'open https://YOUR-HOST/slack/install' }
        : { ok: true, what: `Slack: installable in many workspaces (${installed ?? '?'} installed)` },
    ];
  }
  if (!env.SLACK_BOT_TOKEN) return [{ ok: true, what: 'Slack: not configured', fix: 'set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (see README "Connecting Slack")' }];
  const client = new WebClient(env.SLACK_BOT_TOKEN, { slackApiUrl: env.SLACK_API_URL, timeout: 10_000, retryConfig: { retries: 0 } });
  const findings: Finding[] = [];
  try {
    const auth = await client.auth.test();
    findings.push({ ok: true, what: `Slack: token works (team ${auth.team_id}, bot user ${auth.user_id})` });
    const granted = auth.response_metadata?.scopes ?? [];
    const missing = requiredSlackScopes().filter((scope) => !granted.includes(scope));
    if (granted.length > 0 && missing.length > 0) {
      findings.push({ ok: false, what: `Slack: missing scopes ${missing.join(', ')}`, fix: 'add them under OAuth & Permissions (or re-create the app from manifest.yml) and reinstall the app' });
    }
  } catch (error) {
    const reason = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
    return [{ ok: false, what: `Slack: auth.test failed (${reason})`, fix: 'copy the Bot User OAuth Token (xoxb-…) of the installed app into SLACK_BOT_TOKEN' }];
  }
  const channels = new Set<string>(env.SLACK_CHANNEL ? [env.SLACK_CHANNEL] : []);
  if (db) for (const bot of await db.bots()) if (bot.slackChannel) channels.add(bot.slackChannel);
  for (const channel of channels) {
    try {
      const info = await client.conversations.info({ channel });
      const member = info.channel?.is_member !== false;
      findings.push(
        member
          ? { ok: true, what: `Slack: channel ${channel} (#${info.channel?.name ?? '?'}) receives escalations` }
          : { ok: false, what: `Slack: the app is not in #${info.channel?.name ?? channel}`, fix: `invite it: /invite @Handover in #${info.channel?.name ?? channel}` },
      );
    } catch (error) {
      const reason = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
      findings.push({ ok: false, what: `Slack: channel ${channel} cannot be read (${reason})`, fix: 'check the channel id, and run /handover subscribe in the channel' });
    }
  }
  return findings;
}

function checkTeams(env: EnvConfig, teamsChannels: number | null): Finding[] {
  const findings: Finding[] = env.MicrosoftAppId
    ? [{ ok: true, what: `Teams: app ${env.MicrosoftAppId} (${env.MicrosoftAppType})`, fix: 'the password is checked by Microsoft on the first message' }]
    : env.HANDOVER_TEAMS_LOCAL_MODE
      ? [{ ok: true, what: 'Teams: local mode (HANDOVER_TEAMS_LOCAL_MODE, no MicrosoftAppId): only direct requests from this machine reach /api/messages, without auth' }]
      : [{ ok: true, what: 'Teams: not set up (no MicrosoftAppId): /api/messages answers 401', fix: 'set MicrosoftAppId and MicrosoftAppPassword to connect Teams' }];
  if (teamsChannels === 0) findings.push({ ok: true, what: 'Teams: no channel subscribed', fix: 'mention the bot with "subscribe <bot>" in the channel that should receive escalations' });
  return findings;
}

async function checkBots(db: OperatorQueries | null, env: EnvConfig): Promise<Finding[]> {
  if (!db) return [];
  const bots = await db.bots();
  const findings: Finding[] = [];
  for (const bot of bots) {
    const { rules } = bot;
    const state = `labs ${bot.labs ? 'on' : 'off'}, handover ${bot.handover ? 'on' : 'off'}, ${rules.length} rule(s)`;
    const usable = bot.labs && bot.handover && rules.length > 0;
    findings.push({ ok: Boolean(usable), what: `bot ${bot.id}: ${state}`, fix: usable ? undefined : '/handover labs on, /handover on, and add a rule (/handover settings or HANDOVER_CONFIG)' });
    if (!bot.slackChannel && !bot.hasTeamsChannel) findings.push({ ok: false, what: `bot ${bot.id}: no Slack or Teams channel receives its escalations`, fix: 'run /handover subscribe in a Slack channel (or mention the bot with "subscribe" in Teams)' });
    if (rules.some((rule) => rule.notify?.webhook) && !env.HANDOVER_WEBHOOK_SECRET) {
      findings.push({ ok: false, what: `bot ${bot.id}: a rule has a webhook but HANDOVER_WEBHOOK_SECRET is not set`, fix: 'set HANDOVER_WEBHOOK_SECRET (16+ characters) so events can be signed' });
    }
  }
  return findings;
}

async function checkEmail(env: EnvConfig): Promise<Finding[]> {
  if (!env.SMTP_URL) return [];
  const transport = nodemailer.createTransport(env.SMTP_URL);
  try {
    await transport.verify();
    return [{ ok: true, what: 'email: the SMTP server accepts us' }];
  } catch (error) {
    return [{ ok: false, what: `email: SMTP check failed (${(error as Error).message.slice(0, 120)})`, fix: 'check SMTP_URL (smtp://user:pass@host:587)' }];
  } finally {
    transport.close();
  }
}

async function checkOutbox(db: OperatorQueries | null): Promise<Finding[]> {
  if (!db) return [];
  const failed = (await db.failedNotifications()).length;
  return failed === 0
    ? [{ ok: true, what: 'notifications: none given up' }]
    : [{ ok: false, what: `notifications: ${failed} given up (see npx handover outbox list)`, fix: 'fix the cause it names (a channel, a token, an address), then npx handover outbox retry' }];
}

/** External bots' webhook signing secrets: sealed when HANDOVER_ENCRYPTION_KEY is set, and by the key set now. */
async function checkWebhookSecrets(env: EnvConfig, db: OperatorQueries | null): Promise<Finding[]> {
  if (!db) return [];
  const { plain, sealed } = await db.botWebhookSecrets();
  if (!env.HANDOVER_ENCRYPTION_KEY) {
    if (sealed.length > 0) return [{ ok: false, what: `webhook secrets: ${sealed.length} sealed, but HANDOVER_ENCRYPTION_KEY is not set`, fix: 'set HANDOVER_ENCRYPTION_KEY to the key they were sealed with' }];
    if (plain > 0) return [{ ok: false, what: `webhook secrets: ${plain} stored unencrypted (HANDOVER_ENCRYPTION_KEY is not set)`, fix: 'set HANDOVER_ENCRYPTION_KEY=$(openssl rand -base64 32); each secret is sealed at its next save (npx handover keys webhook <botId>)' }];
    return [];
  }
  if (plain === 0 && sealed.length === 0) return [];
  if (sealed.length > 0) {
    try {
      createSecretCipher(env.HANDOVER_ENCRYPTION_KEY).decrypt(sealed[0]!);
    } catch (error) {
      return [{ ok: false, what: `webhook secrets: ${(error as Error).message}` }];
    }
  }
  return plain > 0
    ? [{ ok: true, what: `webhook secrets: ${sealed.length} sealed, ${plain} still unencrypted`, fix: 'each is sealed at its next save: npx handover keys webhook <botId>' }]
    : [{ ok: true, what: `webhook secrets: ${sealed.length} sealed with HANDOVER_ENCRYPTION_KEY` }];
}

async function main(): Promise<number> {
  const findings: Finding[] = [];
  let env: EnvConfig;
  try {
    env = readEnvConfig(process.env);
    findings.push({ ok: true, what: 'configuration: environment variables are valid' });
  } catch (error) {
    print([{ ok: false, what: `configuration: ${(error as Error).message}`, fix: 'fix that variable (see README "Configuration")' }]);
    return 1;
  }
  if (env.HANDOVER_CONFIG) {
    try {
      const bots = loadHandoverConfigFile(env.HANDOVER_CONFIG);
      findings.push({ ok: true, what: `HANDOVER_CONFIG: ${bots.length} bot(s) in ${env.HANDOVER_CONFIG}` });
    } catch (error) {
      findings.push({ ok: false, what: `HANDOVER_CONFIG: ${(error as Error).message}`, fix: 'fix the file: the service will not start with it' });
    }
  }
  const database = await checkDatabase(env);
  findings.push(...database.findings);
  const db = database.db;
  try {
    const teamsChannels = db ? await db.teamsChannelCount() : null;
    const checks: Check[] = [() => checkSlack(env, db), async () => checkTeams(env, teamsChannels), () => checkBots(db, env), () => checkEmail(env), () => checkOutbox(db), () => checkWebhookSecrets(env, db)];
    for (const check of checks) findings.push(...(await check()));
  } finally {
    await db?.close();
  }
  print(findings);
  return findings.every((finding) => finding.ok) ? 0 : 1;
}

function print(findings: Finding[]): void {
  for (const finding of findings) {
    console.log(`${finding.ok ? '✓' : '✗'} ${finding.what}${finding.fix ? `\n    → ${finding.fix}` : ''}`);
  }
  const problems = findings.filter((finding) => !finding.ok).length;
  console.log(problems === 0 ? '\nAll good.' : `\n${problems} thing(s) to fix.`);
}

process.exitCode = await main();
