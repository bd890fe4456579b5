import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackAdapter } from '../../adapters/slack/slack-adapter.js';
import type { RunningService } from '../../adapters/server/start-service.js';
import type { BotConfig } from '../../src/config/bot-config-file.js';
import { handoverRuleSchema } from '../../src/rules/handover-rule-schema.js';
import { storedStaff } from '../support/stored-state.js';
import { startTestService, testDatabaseUri } from '../support/test-service.js';
import { SIGNING_SECRET, startSlackStandIn } from './slack-stand-in.js';

let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
beforeAll(async () => {
  slack = await startSlackStandIn();
});
afterAll(() => slack?.close());

function configuredBot(id: string, person: string): BotConfig {
  return {
    id,
    name: id,
    labs: true,
    handover: true,
    rules: [handoverRuleSchema.parse({ name: 'To one person', triggers: ['contact_request'], assign: { mode: 'user', staff: person } })],
  } as unknown as BotConfig;
}

function start(bots: BotConfig[]): Promise<RunningService> {
  const adapter = slackAdapter({ botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: slack.url, admins: [], log: pino({ level: 'silent' }), configuredBots: bots });
  return startTestService({ mongodbUri: testDatabaseUri(), botConfigs: bots, adapters: [adapter] });
}

describe('the configuration file with Slack configured', () => {
  it('looks up the Slack users its rules name at start, so they can be assigned before they ever used the app', async () => {
    const service = await start([configuredBot('cfg-known', 'U0CONFIGD1')]);
    try {
      expect(await storedStaff(service, 'U0CONFIGD1', 'operator')).toMatchObject({ name: 'Person U0CONFIGD1' });
    } finally {
      await service.stop();
    }
  });

  it('stops the start with one line naming bot, rule and person when Slack does not know the person', async () => {
    await expect(start([configuredBot('cfg-ghost', 'U0GONE2')])).rejects.toThrow(
      'bot "cfg-ghost", rule "To one person", field assign.staff: nobody "U0GONE2" could be found in the workspace; name a member (their user id) or use mode claim or auto',
    );
  });
});
