import type { Activity } from 'botbuilder';
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator.js';
import express, { Router, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ServiceAdapterFactory } from '../service-adapter.js';
import { sendError } from '../http/error-responses.js';
import { teamsActivitySchema } from './teams-activity-schema.js';
import { createTeamsTurnHandler } from './teams-bot.js';
import type { TeamsTenancy } from './teams-tenant.js';
import { adoptUntenantedStaff } from '../../src/tenants/adopt-untenanted.js';
import { OPERATOR_TENANT } from '../../src/tenants/tenant.js';
import { teamsOutboxTarget } from './teams-notifier.js';
import { isMicrosoftServiceUrl } from './microsoft-service-url.js';
import { TeamsCloudAdapter, authFailureFields, localModeRefusal, teamsAuthentication } from './teams-request-auth.js';

export interface TeamsAdapterOptions {
  appId: string;
  appPassword: string;
  appType: string;
  tenantId: string;
  /**
   * Without an app id, take unauthenticated requests made directly from
   * this machine (the Bot Framework Emulator, tests): HANDOVER_TEAMS_LOCAL_MODE.
   * Without either, the endpoint answers 401.
   */
  localMode: boolean;
  /** Where Microsoft publishes its token signing keys; tests point it at a local stand-in. */
  openIdMetadataUrl?: string;
  admins: string[];
  /** Tenants (`teams:<tenant id>`) that act as the operator and manage the operator's bots. */
  operatorTenants?: string[];
  log: Logger;
}

/**
 * Microsoft Teams through botbuilder's CloudAdapter at `POST /api/messages`.
 * With an app id botbuilder verifies every request's token and the
 * activity's serviceUrl must be Microsoft's; local mode (no app id, opted
 * in) takes direct requests from this machine without auth.
 */
export function teamsAdapter(options: TeamsAdapterOptions): ServiceAdapterFactory {
  return async (ctx) => {
    const log = options.log.child({ adapter: 'teams' });
    const localMode = !options.appId && options.localMode;
    const auth = teamsAuthentication(options);
    const adapter = new TeamsCloudAdapter(auth, localMode);
    adapter.onTurnError = async (turn, error) => {
      log.error({ error: error.message, type: turn.activity.type }, 'teams turn failed');
    };
    const tenancy: TeamsTenancy = {
      localMode,
      appTenantId: options.appType === 'SingleTenant' ? options.tenantId : '',
      operatorTenants: options.operatorTenants ?? [],
    };
    // every Teams user is then of one tenant, the operator's
    if (tenancy.localMode || tenancy.appTenantId) await adoptUntenantedStaff(ctx, 'teams', OPERATOR_TENANT);
    const handle = createTeamsTurnHandler(ctx, { admins: options.admins, appId: options.appId, tenancy, log });

    const router = Router();
    const gate: RequestHandler = (req, res, next) => {
      if (!options.appId && !localMode) {
        return sendError(res, 'unauthorized', 'Teams is not set up here: set MicrosoftAppId and MicrosoftAppPassword (or HANDOVER_TEAMS_LOCAL_MODE=true for the Bot Framework Emulator on this machine)');
      }
      const refusal = localMode ? localModeRefusal(req) : null;
      if (refusal) return sendError(res, 'forbidden', refusal);
      next();
    };
    router.post('/api/messages', gate, express.json({ limit: '256kb' }), async (req, res) => {
      const parsed = teamsActivitySchema.safeParse(req.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return sendError(res, 'invalid_input', `not a Bot Framework activity: ${issue.path.join('.') || 'body'}: ${issue.message}`);
      }
      // The bot answers at the serviceUrl with its Microsoft token: never anywhere but Microsoft's connector.
      // (botbuilder compares it with the token's serviceurl claim only for channel tokens, not the emulator's.)
      if (!localMode && !isMicrosoftServiceUrl(parsed.data.serviceUrl)) {
        log.warn({ serviceUrlHost: hostOf(parsed.data.serviceUrl) }, 'teams request refused: serviceUrl is not a Microsoft host');
        return sendError(res, 'unauthorized', NOT_AUTHORIZED);
      }
      const activity = validateAndFixActivity(req.body as Activity);
      let authenticated;
      try {
        authenticated = await auth.authenticateRequest(activity, req.get('authorization') ?? '');
      } catch (error) {
        log.warn(authFailureFields(error), 'teams request refused: authentication failed');
        return sendError(res, 'unauthorized', NOT_AUTHORIZED);
      }
      try {
        const invoke = await adapter.runTurn(authenticated, activity, handle);
        res.status(invoke?.status ?? 200);
        if (invoke?.body !== undefined) res.send(invoke.body);
        else res.end();
      } catch (error) {
        log.error({ error: (error as Error).message, type: activity.type }, 'teams turn failed');
        sendError(res, 'internal', 'something went wrong on our side');
      }
    });

    return { outboxTarget: teamsOutboxTarget(ctx, adapter, options.appId, tenancy), mounts: [{ path: '/', router }] };
  };
}

const NOT_AUTHORIZED = 'the request is not authorized';

function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : 'unparsable';
}
