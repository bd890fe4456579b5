import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import express, { Router } from 'express';
import type { Logger } from 'pino';
import type { ServiceAdapterFactory } from '../server/start-service.js';
import { sendError } from '../http/error-responses.js';
import { teamsActivitySchema } from './teams-activity-schema.js';
import { createTeamsTurnHandler } from './teams-bot.js';
import { teamsOutboxTarget } from './teams-notifier.js';

export interface TeamsAdapterOptions {
  appId: string;
  appPassword: string;
  appType: string;
  tenantId: string;
  admins: string[];
  log: Logger;
}

/**
 * Microsoft Teams through botbuilder's CloudAdapter at `POST /api/messages`.
 * An empty app id is local/emulator mode (no auth); otherwise botbuilder
 * verifies every request's token.
 */
export function teamsAdapter(options: TeamsAdapterOptions): ServiceAdapterFactory {
  return (ctx) => {
    const log = options.log.child({ adapter: 'teams' });
    const auth = new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: options.appId,
      MicrosoftAppPassword: options.appPassword,
      MicrosoftAppType: options.appType,
      MicrosoftAppTenantId: options.tenantId,
    });
    const adapter = new CloudAdapter(auth);
    adapter.onTurnError = async (turn, error) => {
      log.error({ error: error.message, type: turn.activity.type }, 'teams turn failed');
    };
    const handle = createTeamsTurnHandler(ctx, { admins: options.admins, appId: options.appId, log });

    const router = Router();
    router.post('/api/messages', express.json({ limit: '256kb' }), async (req, res) => {
      // Without an app id nothing is authenticated: accept only this machine (the emulator, tests).
      if (!options.appId && !isLoopback(req.socket.remoteAddress)) {
        return sendError(res, 'forbidden', 'Teams local mode (no MicrosoftAppId) accepts requests from this machine only');
      }
      const parsed = teamsActivitySchema.safeParse(req.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return sendError(res, 'invalid_input', `not a Bot Framework activity: ${issue.path.join('.') || 'body'}: ${issue.message}`);
      }
      await adapter.process(req, res, handle);
    });

    return { outboxTarget: teamsOutboxTarget(ctx, adapter, options.appId), mounts: [{ path: '/', router }] };
  };
}

function isLoopback(address: string | undefined): boolean {
  return address === '::1' || address === '127.0.0.1' || address?.startsWith('::ffff:127.') === true || address?.startsWith('127.') === true;
}
