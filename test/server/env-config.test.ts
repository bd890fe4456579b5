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
    [{ HANDOVER_TRUST_PROXY: 'true' }, /^HANDOVER_TRUST_PROXY: .*trusting every proxy is not allowed/],
    [{ HANDOVER_TRUST_PROXY: '0.0.0.0/0' }, /^HANDOVER_TRUST_PROXY: /],
    [{ HANDOVER_TRUST_PROXY: 'loopback, proxy.internal' }, /^HANDOVER_TRUST_PROXY: "proxy.internal" is not/],
    [{ HANDOVER_STREAMS_PER_CLIENT: '0' }, /^HANDOVER_STREAMS_PER_CLIENT: /],
    [{ HANDOVER_TEAMS_LOCAL_MODE: 'maybe' }, /^HANDOVER_TEAMS_LOCAL_MODE: must be true or false/],
    [{ HANDOVER_TEAMS_LOCAL_MODE: 'true', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' }, /^HANDOVER_TEAMS_LOCAL_MODE: local mode takes unauthenticated requests/],
    [{ HANDOVER_OUTBOUND_ALLOW: '10.0.0.0/8, not a host' }, /^HANDOVER_OUTBOUND_ALLOW: each entry is a host name, an IP address or a CIDR range/],
  ])('stops on %o with one line naming the variable', (env, message) => {
    expect(() => readEnvConfig(env)).toThrow(message);
  });

  it('trusts no proxy unless told which: a hop count or addresses, CIDRs and named ranges', () => {
    expect(readEnvConfig({}).HANDOVER_TRUST_PROXY).toBe(false);
    expect(readEnvConfig({ HANDOVER_TRUST_PROXY: '1' }).HANDOVER_TRUST_PROXY).toBe(1);
    expect(readEnvConfig({ HANDOVER_TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8' }).HANDOVER_TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8']);
    expect(readEnvConfig({}).HANDOVER_STREAMS_PER_CLIENT).toBe(20);
  });

  it('keeps Teams local mode off and internal addresses closed unless told otherwise', () => {
    expect(readEnvConfig({})).toMatchObject({ HANDOVER_TEAMS_LOCAL_MODE: false, HANDOVER_OUTBOUND_ALLOW: [] });
    expect(readEnvConfig({ HANDOVER_TEAMS_LOCAL_MODE: 'true', HANDOVER_OUTBOUND_ALLOW: 'hooks.corp.example, 10.0.0.0/8,127.0.0.1' })).toMatchObject({
      HANDOVER_TEAMS_LOCAL_MODE: true,
      HANDOVER_OUTBOUND_ALLOW: ['hooks.corp.example', '10.0.0.0/8', '127.0.0.1'],
    });
  });

  it('never echoes a secret value', () => {
    expect(() => readEnvConfig({ SLACK_BOT_TOKEN: 'not-a-token-secret', SLACK_SIGNING_SECRET: 's' })).toThrow(/^SLACK_BOT_TOKEN: must be a bot token[^"]*$/);
  });
});
