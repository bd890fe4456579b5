import { pino } from 'pino';
import type { RunningService, ServiceAdapterFactory, ServiceOptions } from '../../adapters/server/start-service.js';
import { teamsAdapter, type TeamsAdapterOptions } from '../../adapters/teams/teams-adapter.js';
import { startConnectorStandIn } from '../teams/connector-stand-in.js';
import { startTestService, testDatabaseUri, type ApiResponse } from './test-service.js';

export type ConnectorStandIn = Awaited<ReturnType<typeof startConnectorStandIn>>;

/**
 * The service with Teams in local mode (unsigned requests from this
 * machine, as the Bot Framework Emulator sends them) replying through a
 * local stand-in of the Bot Connector API.
 */
export async function startTeamsService(
  options: {
    admins?: string[];
    service?: Partial<ServiceOptions>;
    teamsAdapter?: Partial<TeamsAdapterOptions>;
    otherAdapters?: ServiceAdapterFactory[];
  } = {},
): Promise<{ connector: ConnectorStandIn; service: RunningService; sendActivity(activity: unknown): Promise<ApiResponse>; stop(): Promise<void> }> {
  const connector = await startConnectorStandIn();
  const adapter = teamsAdapter({
    appId: '',
    appPassword: '',
    appType: 'MultiTenant',
    tenantId: '',
    localMode: true,
    admins: options.admins ?? [],
    log: pino({ level: 'silent' }),
    ...options.teamsAdapter,
  });
  const service = await startTestService({ mongodbUri: testDatabaseUri(), ...options.service, adapters: [adapter, ...(options.otherAdapters ?? [])] });
  return {
    connector,
    service,
    /** An activity posted to /api/messages as the Teams channel would; the bot's answer (an invoke's card, or nothing). */
    async sendActivity(activity) {
      const response = await fetch(`${service.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    async stop() {
      await service.stop();
      await connector.close();
    },
  };
}
