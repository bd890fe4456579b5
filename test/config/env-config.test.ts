import { describe, expect, it } from 'vitest';
import { readEnvConfig } from '../../adapters/server/env-config.js';

describe('environment configuration', () => {
  it('defaults to port 3000, the embedded database and ./.data', () => {
    const config = readEnvConfig({});
    expect(config).toMatchObject({ PORT: 3000, HANDOVER_DATA_DIR: './.data', LOG_LEVEL: 'info' });
    expect(config.MONGODB_URI).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT: .*\(got "abc"\)$/],
    [{ MONGODB_URI: 'postgres://x' }, /^MONGODB_URI: must be a mongodb/],
    [{ SLACK_CHANNEL: '#support' }, /^SLACK_CHANNEL: must be a channel id/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /^SLACK_SIGNING_SECRET: required/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: /],
  ])('stops on %o with one line naming the variable', (env, message) => {
    expect(() => readEnvConfig(env)).toThrow(message);
  });

  it('never echoes a secret value', () => {
    expect(() => readEnvConfig({ SLACK_BOT_TOKEN: 'not-a-token-secret', SLACK_SIGNING_SECRET: 's' })).toThrow(/^SLACK_BOT_TOKEN: must be a bot token[^"]*$/);
  });
});
