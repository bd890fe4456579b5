import type { ChildProcess } from 'node:child_process';
import { SIGNING_SECRET } from '../test/slack/slack-stand-in.js';
import { freePort, startNodeProcess } from '../tools/node-processes.js';

/**
 * The service as the bench runs it: built, as `npm start` runs it, against
 * `mongodbUri`, with Slack's API at the stand-in. `env` adds to it (e.g.
 * NODE_OPTIONS=--cpu-prof to profile it).
 */
export async function startBenchService(mongodbUri: string, slackUrl: string, env: Record<string, string> = {}): Promise<{ process: ChildProcess; url: string }> {
  const port = await freePort();
  const child = startNodeProcess('dist/adapters/server/main.js', {
    MONGODB_URI: mongodbUri,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    HANDOVER_RATE_LIMIT_PER_MINUTE: '100000000',
    HANDOVER_JOB_POLL_MS: '1000',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackUrl,
    SLACK_CHANNEL: 'C0123456789',
    ...env,
  });
  return { process: child, url: `http://127.0.0.1:${port}` };
}
