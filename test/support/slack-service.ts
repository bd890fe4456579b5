import { pino } from 'pino';
import { slackAdapter, type SlackAdapterOptions } from '../../adapters/slack/slack-adapter.js';
import type { RunningService, ServiceAdapterFactory, ServiceOptions } from '../../adapters/server/start-service.js';
import { SIGNING_SECRET, startSlackStandIn } from '../slack/slack-stand-in.js';
import { startTestService, testDatabaseUri } from './test-service.js';

export type SlackStandIn = Awaited<ReturnType<typeof startSlackStandIn>>;

/** The service with Slack wired to a local stand-in of its Web API (one workspace, token xoxb-test, unless `slackAdapter` says otherwise). */
export async function startSlackService(
  options: {
    standIn?: Parameters<typeof startSlackStandIn>[0];
    service?: Partial<ServiceOptions>;
    slackAdapter?: Partial<SlackAdapterOptions>;
    otherAdapters?: ServiceAdapterFactory[];
  } = {},
): Promise<{ slack: SlackStandIn; service: RunningService; stop(): Promise<void> }> {
  const slack = await startSlackStandIn(options.standIn);
  const adapter = slackAdapter({ botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: slack.url, admins: [], log: pino({ level: 'silent' }), ...options.slackAdapter });
  const service = await startTestService({ mongodbUri: testDatabaseUri(), ...options.service, adapters: [adapter, ...(options.otherAdapters ?? [])] });
  return {
    slack,
    service,
    async stop() {
      await service.stop();
      await slack.close();
    },
  };
}
