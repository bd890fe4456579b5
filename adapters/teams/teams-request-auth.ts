import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConversationParameters,
  type ConversationReference,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants, type AuthenticateRequestResult, type ClaimsIdentity } from 'botframework-connector';
import type { Request } from 'express';
import { DeliveryFailure } from '../../src/notify/delivery-failure.js';
import { internalAddressKind } from '../../src/notify/outbound-address-policy.js';
import { isMicrosoftServiceUrl } from './microsoft-service-url.js';

export interface TeamsAuthOptions {
  appId: string;
  appPassword: string;
  appType: string;
  tenantId: string;
  /**
   * Where Microsoft publishes the keys that sign its tokens (public cloud
   * by default); a test points it at a local stand-in so a token is never
   * checked against the real service.
   */
  openIdMetadataUrl?: string;
}

/** botbuilder's token checks, with the key documents moved when the options say so. */
export function teamsAuthentication(options: TeamsAuthOptions): ConfigurationBotFrameworkAuthentication {
  const credentials = {
    MicrosoftAppId: options.appId,
    MicrosoftAppPassword: options.appPassword,
    MicrosoftAppType: options.appType,
    MicrosoftAppTenantId: options.tenantId,
  };
  if (!options.openIdMetadataUrl) return new ConfigurationBotFrameworkAuthentication(credentials);
  // one parameter set means all of them (botbuilder then uses none of its defaults): the public cloud's, keys elsewhere
  return new ConfigurationBotFrameworkAuthentication({
    ...credentials,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: options.openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: options.openIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  });
}

type Logic = (turn: TurnContext) => Promise<void>;

/**
 * The CloudAdapter of the Teams endpoint and notifications.
 *
 * It runs the turn of a request authenticated beforehand: CloudAdapter.process
 * would authenticate too, but answers whatever the token check throws with a
 * 500 that carries the error's text (the URL of Microsoft's key document,
 * for one), so the route authenticates first and answers failures itself.
 *
 * Outside local mode it sends only to Microsoft's connector: the bot's
 * Microsoft token goes with every call to a serviceUrl, and a stored one
 * may predate the check on incoming activities (saved in local mode, say).
 */
export class TeamsCloudAdapter extends CloudAdapter {
  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    private readonly localMode: boolean,
  ) {
    super(auth);
  }

  runTurn(authenticated: AuthenticateRequestResult, activity: Activity, logic: Logic): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }

  override async continueConversationAsync(botAppIdOrClaimsIdentity: string | ClaimsIdentity, reference: Partial<ConversationReference>, logicOrAudience: Logic | string, maybeLogic?: Logic): Promise<void> {
    this.checkServiceUrl(reference.serviceUrl);
    return super.continueConversationAsync(botAppIdOrClaimsIdentity, reference, logicOrAudience, maybeLogic);
  }

  override async createConversationAsync(botAppId: string, channelId: string, serviceUrl: string, audience: string, conversationParameters: ConversationParameters, logic: Logic): Promise<void> {
    this.checkServiceUrl(serviceUrl);
    return super.createConversationAsync(botAppId, channelId, serviceUrl, audience, conversationParameters, logic);
  }

  private checkServiceUrl(serviceUrl: string | undefined): void {
    if (this.localMode || isMicrosoftServiceUrl(serviceUrl ?? '')) return;
    throw new DeliveryFailure('Teams: the stored serviceUrl is not a Microsoft host; @mention the bot again where it should post', false);
  }
}

/**
 * What an auth failure may put in the log. botbuilder's own refusals
 * (AuthenticationError, with a statusCode) quote claims of the token in
 * their text, so only their status is kept; the rest (key document
 * unreachable, signature or expiry wrong) say what failed, not the token.
 */
export function authFailureFields(error: unknown): { error: string; status?: number; reason?: string } {
  const { name, statusCode, message } = (error ?? {}) as { name?: string; statusCode?: number; message?: string };
  if (typeof statusCode === 'number') return { error: 'AuthenticationError', status: statusCode };
  return { error: name ?? typeof error, reason: String(message ?? error).slice(0, 300) };
}

/** Headers a reverse proxy adds: their presence means the socket's peer is not the client. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip'];

/**
 * Why local mode (no authentication) refuses this request, or null. Only
 * a direct connection from this machine qualifies: a reverse proxy on this
 * machine connects from loopback too, on behalf of anyone.
 */
export function localModeRefusal(req: Request): string | null {
  if (FORWARDING_HEADERS.some((header) => req.headers[header] !== undefined)) {
    return 'Teams local mode accepts direct requests from this machine only, not forwarded ones';
  }
  if (internalAddressKind(req.socket.remoteAddress ?? '') !== 'loopback') return 'Teams local mode accepts requests from this machine only';
  return null;
}
