import { spawn, type ChildProcess } from 'node:child_process';
import { SIGNING_SECRET } from '../test/slack/slack-stand-in.js';
import { repoRoot } from '../tools/repo-root.js';
import { freePort, SERVICE_NODE_FLAGS, startNodeProcess } from '../tools/node-processes.js';

const ENTRY = 'dist/adapters/server/main.js';

/** The environment every bench run gives the service: its database and port, Slack at the stand-in, no rate limit. */
export function benchServiceEnv(mongodbUri: string, port: number, slackUrl: string): Record<string, string> {
  return {
    MONGODB_URI: mongodbUri,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    HANDOVER_RATE_LIMIT_PER_MINUTE: '100000000',
    HANDOVER_JOB_POLL_MS: '1000',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackUrl,
    SLACK_CHANNEL: 'C0123456789',
  };
}

/**
 * The service as the bench runs it: built, as `npm start` runs it, against
 * `mongodbUri`, with Slack's API at the stand-in. `nodeFlags` go before
 * `npm start`'s (e.g. --cpu-prof, which NODE_OPTIONS may not carry). `dir`:
 * the service built in another checkout (an old build to compare).
 */
export async function startBenchService(
  mongodbUri: string,
  slackUrl: string,
  nodeFlags: string[] = [],
  extraEnv: Record<string, string> = {},
  dir?: string,
): Promise<{ process: ChildProcess; url: string }> {
  const port = await freePort();
  const env = { ...benchServiceEnv(mongodbUri, port, slackUrl), ...extraEnv };
  const child =
    nodeFlags.length === 0 && dir === undefined
      ? startNodeProcess(ENTRY, env)
      : spawn(process.execPath, [...nodeFlags, ...SERVICE_NODE_FLAGS, ENTRY], { cwd: dir ?? repoRoot(), env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  return { process: child, url: `http://127.0.0.1:${port}` };
}
