import { App, ExpressReceiver, LogLevel, type AllMiddlewareArgs, type BlockAction, type ButtonAction, type Context, type SlackActionMiddlewareArgs, type UsersSelectAction } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ServiceAdapterFactory } from '../service-adapter.js';
import type { HandoverContext } from '../../src/handover-context.js';
import type { HandoverRule, StaffMember } from '../../src/types.js';
import { claimConversation } from '../../src/handover/claim-conversation.js';
import { handleStaffThreadReply, type StaffThreadReply } from '../../src/handover/staff-thread-reply.js';
import { isThreadCommand, runThreadCommand } from '../../src/handover/thread-commands.js';
import { transferConversation } from '../../src/handover/transfer-conversation.js';
import { resolveConversation } from '../../src/handover/resolve-conversation.js';
import { staffErrorText } from '../../src/notify/notification-texts.js';
import { handlePlatformEventOnce } from '../../src/events/handle-platform-event-once.js';
import { conversationOfPost } from '../../src/handover/escalation-view.js';
import { findStaffMember } from '../../src/staff/find-staff-member.js';
import { CLAIM_ACTION, RESOLVE_ACTION, RETURN_ACTION, TRANSFER_ACTION } from './escalation-blocks.js';
import { updateBotSwitches } from '../../src/bots/bot-settings.js';
import { lastConversationOf, rememberLastConversation } from '../../src/staff/save-staff-member.js';
import { registerAppHomeListeners } from './app-home-listeners.js';
import { CONFIG_REFUSAL, CommandError, commandBot, runHandoverCommand } from '../../src/commands/handover-command.js';
import { commandAnswerMrkdwn } from './command-answer-mrkdwn.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import { openSettings, registerSettingsListeners, type SettingsListenerDeps } from './settings-listeners.js';
import type { InstallationStore } from '@slack/oauth';
import { WebClient } from '@slack/web-api';
import { loadBot } from '../../src/bots/load-bot.js';
import { DeliveryFailure } from '../../src/notify/delivery-failure.js';
import { slackOutboxTarget, type SlackClientForBot } from './slack-notifier.js';
import { createSlackInstallationStore } from './slack-installation-store.js';
import { requiredSlackScopes } from './slack-scopes.js';
import { slackHttpFetch } from './slack-http-fetch.js';
import { createSecretCipher } from '../crypto/secret-cipher.js';
import { slackTenant, type SlackTenancy } from './slack-tenant.js';
import { OPERATOR_TENANT, type Tenant } from '../../src/tenants/tenant.js';
import { adoptUntenantedStaff } from '../../src/tenants/adopt-untenanted.js';
import { createSlackDirectory, mayConfigure, slackStaffMember, type SlackDirectory } from './slack-staff.js';
import { SLACK_USER_ID, slackStaffLookup } from './slack-staff-lookup.js';
import { resolveConfigFileStaff } from '../../src/settings/resolve-config-file-staff.js';
import { shareInFlight } from '../share-in-flight.js';
import { acknowledgedWork, type AcknowledgedWork } from './acknowledged-work.js';

export interface SlackAdapterOptions {
  /** One workspace: its bot token. Unset with `oauth`: the app is installed per workspace. */
  botToken?: string;
  signingSecret?: string;
  /** Socket Mode instead of HTTP when set. */
  appToken?: string;
  apiUrl?: string;
  /** Distribution: `/slack/install` and `/slack/oauth_redirect`, installations kept encrypted in MongoDB. */
  oauth?: { clientId: string; clientSecret: string; stateSecret: string; encryptionKey: string };
  admins: string[];
  /** Installed in several workspaces: the installations (`slack:T…`, `slack:E…`) that act as the operator and manage the operator's bots. */
  operatorTenants?: string[];
  log: Logger;
  /** How long a notification's Web API call may take before the outbox counts it failed (default 10 s). */
  callTimeoutMs?: number;
  /** The configuration file's bots: the Slack users their rules name are looked up at start (one workspace only), and the start stops on one not found. */
  configuredBots?: ReadonlyArray<{ id: string; rules: HandoverRule[] }>;
}

/**
 * Slack through Bolt: `/slack/events` (events, slash command, interactivity;
 * signatures checked) or Socket Mode, and a notifier for escalations. With
 * `oauth`, one deployment serves every workspace that installs the app.
 */
export function slackAdapter(options: SlackAdapterOptions): ServiceAdapterFactory {
  return async (ctx) => {
    const log = options.log.child({ adapter: 'slack' });
    if (!options.oauth) await adoptUntenantedStaff(ctx, 'slack', OPERATOR_TENANT);
    if (!options.oauth && options.configuredBots?.length) {
      const directory = new WebClient(options.botToken, { slackApiUrl: options.apiUrl, timeout: 10_000, logLevel: LogLevel.ERROR });
      const { team_id: teamId } = await directory.auth.test();
      await resolveConfigFileStaff(ctx, options.configuredBots, slackStaffLookup(directory, { teamId }), (reference) => SLACK_USER_ID.test(reference));
    }
    // one set of kept-alive connections to Slack for all the adapter's Web API clients
    const fetch = slackHttpFetch();
    const clientOptions = { slackApiUrl: options.apiUrl, timeout: 10_000, retryConfig: { retries: 2 }, fetch };
    const installationStore = options.oauth
      ? createSlackInstallationStore(ctx.slackInstallations, createSecretCipher(options.oauth.encryptionKey))
      : undefined;
    const receiver = options.appToken
      ? null
      : new ExpressReceiver({
          signingSecret: options.signingSecret!,
          endpoints: '/slack/events',
          logLevel: LogLevel.ERROR,
          ...(options.oauth && installationStore
            ? {
                clientId: options.oauth.clientId,
                clientSecret: options.oauth.clientSecret,
                stateSecret: options.oauth.stateSecret,
                scopes: requiredSlackScopes(),
                installationStore,
                installerOptions: {
                  directInstall: true,
                  installPath: '/slack/install',
                  redirectUriPath: '/slack/oauth_redirect',
                  clientOptions: { slackApiUrl: options.apiUrl },
                },
              }
            : {}),
          processEventErrorHandler: async ({ error, request, response }) => {
            if (response.headersSent) return false;
            if ((error as { code?: string }).code === 'slack_bolt_authorization_error') {
              // a workspace that has not installed the app (or removed it)
              response.writeHead(401);
              response.end();
              return true;
            }
            // A signed request Bolt cannot make sense of (not an event, command or interaction) is the sender's fault.
            const understood = isSlackPayload((request as { body?: unknown }).body);
            log.warn({ error: (error as Error).message, understood }, 'slack request failed');
            response.writeHead(understood ? 500 : 400);
            response.end();
            return false;
          },
        });
    const token = options.oauth ? {} : { token: options.botToken };
    const app = receiver
      ? new App({ ...token, receiver, clientOptions, logLevel: LogLevel.ERROR })
      : new App({ ...token, appToken: options.appToken, socketMode: true, clientOptions, logLevel: LogLevel.ERROR });
    const tenancy: SlackTenancy = { multiWorkspace: Boolean(options.oauth), operatorTenants: options.operatorTenants ?? [] };
    // each listener's client speaks for the workspace its request came from (its installation's token)
    const afterAck = acknowledgedWork();
    registerHandlers(app, ctx, createSlackDirectory(), options, tenancy, afterAck, log);
    return {
      outboxTarget: slackOutboxTarget(ctx, outboxClients(ctx, options, tenancy, installationStore, fetch)),
      mounts: receiver ? [{ path: '/', router: receiver.router as never }] : [],
      async start() {
        if (options.appToken) await app.start();
      },
      async stop() {
        if (options.appToken) await app.stop();
        await afterAck.drain();
      },
    };
  };
}

/**
 * The outbox's Web API clients: they fail fast (the outbox retries and
 * honours Retry-After itself). One token, or per bot the token of the
 * workspace its channel belongs to.
 */
function outboxClients(
  ctx: HandoverContext,
  options: SlackAdapterOptions,
  tenancy: SlackTenancy,
  installations: InstallationStore | undefined,
  fetch: typeof globalThis.fetch,
): SlackClientForBot {
  const make = (token: string) =>
    new WebClient(token, { slackApiUrl: options.apiUrl, timeout: options.callTimeoutMs ?? 10_000, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, logLevel: LogLevel.ERROR, fetch });
  const otherTenant = (botId: string) =>
    new DeliveryFailure(`bot ${botId}: its Slack channel is not in the bot's own workspace; run /handover subscribe in one of its channels again`, false);
  if (!installations) {
    const single = make(options.botToken ?? '');
    return async (botId) => {
      // the one workspace is the operator's: it never receives another tenant's escalations
      if ((await loadBot(ctx, botId)).tenant !== OPERATOR_TENANT) throw otherTenant(botId);
      return single;
    };
  }
  const byToken = new Map<string, WebClient>();
  return async (botId) => {
    const bot = await loadBot(ctx, botId);
    if (!bot.slackTeamId) throw new DeliveryFailure(`bot ${botId}: no Slack workspace known for its channel; run /handover subscribe in it again`, false);
    const installation = await installations.fetchInstallation({ teamId: bot.slackTeamId, isEnterpriseInstall: false, enterpriseId: undefined }).catch(() => null);
    const botToken = installation?.bot?.token;
    if (!botToken) throw new DeliveryFailure(`Slack workspace ${bot.slackTeamId}: the app is not installed (open /slack/install)`, false);
    const installedAs = slackTenant({ teamId: installation.team?.id ?? bot.slackTeamId, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall }, tenancy);
    // escalations go only to the bot's own tenant's channels, whatever a stored channel says
    if (installedAs !== bot.tenant) throw otherTenant(botId);
    let client = byToken.get(botToken);
    if (!client) byToken.set(botToken, (client = make(botToken)));
    return client;
  };
}

function registerHandlers(
  app: App,
  ctx: HandoverContext,
  directoryOf: (client: WebClient, tenant: Tenant) => SlackDirectory,
  options: SlackAdapterOptions,
  tenancy: SlackTenancy,
  afterAck: AcknowledgedWork,
  log: Logger,
) {
  /** The caller's tenant: the installation Bolt authorized the signed request with, never a field of the payload. */
  const tenantOf = (context: Context): Tenant => slackTenant(context, tenancy);
  const directoryFor = (client: WebClient, context: Context) => directoryOf(client, tenantOf(context));
  /**
   * A staff member's click: acknowledged first (its work waits for the
   * burst's acknowledgements, and a stopping service for its work), done as
   * the clicking staff member, and a failure told to them alone.
   */
  const staffClick =
    <Action extends BlockAction>(work: (args: SlackActionMiddlewareArgs<Action> & AllMiddlewareArgs, staff: StaffMember) => Promise<unknown>) =>
    (args: SlackActionMiddlewareArgs<Action> & AllMiddlewareArgs) =>
      afterAck.run(args.ack, async () => {
        const { body, client, context } = args;
        const staff = await slackStaffMember(ctx, directoryFor(client, context), tenantOf(context), body.user.id, body.user.name);
        try {
          await work(args, staff);
        } catch (error) {
          await ephemeral(client, body, staffErrorText(error));
        }
      });
  // the clicks that lost one race are told the same winner: one read of them
  const staffById = shareInFlight((staffId) => findStaffMember(ctx, staffId));
  app.action<BlockAction<ButtonAction>>(
    CLAIM_ACTION,
    staffClick(async ({ action, body, client }, staff) => {
      const conversationId = action.value ?? '';
      const outcome = await claimConversation(ctx, conversationId, staff);
      if (outcome.won) return rememberLastConversation(ctx, staff.id, conversationId);
      const holder = outcome.heldBy;
      const holderMember = holder ? await staffById(holder.id) : null;
      const who = holderMember?.slackUserId ? `<@${holderMember.slackUserId}>` : holder?.name ?? 'someone';
      await ephemeral(client, body, `Already claimed by ${who}.`);
    }),
  );

  app.action<BlockAction<ButtonAction>>(
    RESOLVE_ACTION,
    staffClick(async ({ action }, staff) => {
      await resolveConversation(ctx, action.value ?? '', staff);
      await rememberLastConversation(ctx, staff.id, action.value ?? '');
    }),
  );

  app.event('message', async ({ event, body, client, context }) => {
    const message = event as { subtype?: string; bot_id?: string; user?: string; text?: string; thread_ts?: string; ts: string; channel: string };
    // only people's new replies in a thread count: not bots (ourselves included), edits or deletions
    if (message.subtype || message.bot_id || !message.user || !message.thread_ts || message.thread_ts === message.ts || !message.text?.trim()) return;
    const react = (name: string) => client.reactions.add({ channel: message.channel, timestamp: message.ts, name }).catch(() => undefined);
    const tell = (text: string) =>
      client.chat.postEphemeral({ channel: message.channel, user: message.user!, thread_ts: message.thread_ts, text }).catch(() => undefined);
    // Slack retries an event it thinks we missed; the event id makes the relay happen once.
    const eventId = (body as { event_id?: string }).event_id ?? `${message.channel}:${message.ts}`;
    let ours = false;
    const relay = async (): Promise<StaffThreadReply | null> => {
      const conversationId = await conversationOfPost(ctx, `slack:${message.channel}:${message.thread_ts}`);
      if (!conversationId) return null;
      if (!ours && !(await handlePlatformEventOnce(ctx, 'slack-event', eventId))) return null;
      ours = true;
      const staff = await slackStaffMember(ctx, directoryFor(client, context), tenantOf(context), message.user!);
      await rememberLastConversation(ctx, staff.id, conversationId);
      return handleStaffThreadReply(ctx, conversationId, staff, slackTextToPlain(message.text!));
    };
    // Slack has had its acknowledgement: a reply that meets a database outage is retried here, in view (⚠️ until it goes through).
    let warned = false;
    for (const waitMs of RELAY_RETRY_WAITS_MS) {
      if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
      let reply: StaffThreadReply | null;
      try {
        reply = await relay();
      } catch (error) {
        log.warn({ channel: message.channel, error: (error as Error).message }, 'thread reply not relayed yet');
        if (!warned) {
          warned = true;
          await react('warning');
          await tell('Not delivered to the customer yet (a problem on our side); retrying for a minute.');
        }
        continue;
      }
      if (warned) await client.reactions.remove({ channel: message.channel, timestamp: message.ts, name: 'warning' }).catch(() => undefined);
      if (reply?.kind === 'relayed') await react('white_check_mark');
      else if (reply?.kind === 'note') await react('memo');
      else if (reply?.kind === 'refused') await tell(reply.reason);
      return;
    }
    await tell('Not delivered to the customer: send it again once the service is back.');
  });

  app.action<BlockAction<ButtonAction>>(
    RETURN_ACTION,
    staffClick(({ action }, staff) => resolveConversation(ctx, action.value ?? '', staff, 'returned')),
  );

  app.action<BlockAction<UsersSelectAction>>(
    TRANSFER_ACTION,
    staffClick(async ({ action, client, context }, staff) => {
      const conversationId = (action.block_id ?? '').split(':')[1] ?? '';
      const to = await slackStaffMember(ctx, directoryFor(client, context), tenantOf(context), action.selected_user);
      await transferConversation(ctx, conversationId, staff, to);
      await rememberLastConversation(ctx, staff.id, conversationId);
    }),
  );

  app.command('/handover', async ({ ack, command, client, context }) => {
    const staff = await slackStaffMember(ctx, directoryFor(client, context), tenantOf(context), command.user_id, command.user_name);
    try {
      const [word, botArgument] = command.text.trim().split(/\s+/);
      if (isThreadCommand(command.text)) {
        await ack({ response_type: 'ephemeral', text: await slashThreadCommand(ctx, directoryFor(client, context), tenantOf(context), staff, command.text) });
        return;
      }
      if (word?.toLowerCase() === 'settings') {
        if (!(await mayConfigure(directoryFor(client, context), options.admins, command.user_id))) {
          await ack({ response_type: 'ephemeral', text: CONFIG_REFUSAL });
          return;
        }
        const bot = await commandBot(ctx, botArgument, tenantOf(context));
        await ack();
        await openSettings(client, command.trigger_id, bot);
        return;
      }
      const answer = await runHandoverCommand(ctx, {
        text: command.text,
        tenant: tenantOf(context),
        staff,
        mayConfigure: () => mayConfigure(directoryFor(client, context), options.admins, command.user_id),
        // the workspace too: with the app installed in several, its token posts there
        subscribeHere: async (bot) => void (await updateBotSwitches(ctx, bot.id, { slackChannel: command.channel_id, slackTeamId: command.team_id ?? null })),
      });
      await ack({ response_type: 'ephemeral', text: commandAnswerMrkdwn(answer) });
    } catch (error) {
      await ack({ response_type: 'ephemeral', text: error instanceof CommandError ? escapeMrkdwn(error.message) : staffErrorText(error) });
    }
  });

  // settings (modal, rule editor, YAML) and App Home: their own files
  const settingsDeps: SettingsListenerDeps = {
    ctx,
    log,
    tenantOf,
    mayConfigure: (client, context, userId) => mayConfigure(directoryFor(client, context), options.admins, userId),
    staffOf: (client, context, userId, name) => slackStaffMember(ctx, directoryFor(client, context), tenantOf(context), userId, name),
  };
  registerSettingsListeners(app, settingsDeps);
  registerAppHomeListeners(app, settingsDeps);

  app.error(async (error) => {
    // a workspace without an installation: answered 401 by the receiver
    if ((error as { code?: string }).code === 'slack_bolt_authorization_error') throw error;
    log.error({ error: error.message }, 'slack handler failed');
  });
}

/** `/handover resolve|transfer|tag|task …`: on the escalation the person last acted on (a slash command carries no thread). */
async function slashThreadCommand(ctx: HandoverContext, directory: SlackDirectory, tenant: Tenant, staff: StaffMember, text: string): Promise<string> {
  const conversationId = await lastConversationOf(ctx, staff.id);
  if (!conversationId) return 'Claim an escalation or reply in its thread first: this command acts on the escalation you last touched.';
  const mentioned = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/.exec(text)?.[1];
  const transferTo = mentioned ? await slackStaffMember(ctx, directory, tenant, mentioned) : null;
  const answer = await runThreadCommand(ctx, { conversationId, staff, text: text.replace(/<@[^>]+>/g, ''), transferTo });
  return `${answer} (\`${conversationId}\`)`;
}

async function ephemeral(client: App['client'], body: BlockAction, text: string) {
  const channel = body.channel?.id;
  if (!channel) return;
  await client.chat.postEphemeral({ channel, user: body.user.id, text }).catch(() => undefined);
}

/** When a thread reply meets a database outage: tried again after these waits (about a minute in all). */
const RELAY_RETRY_WAITS_MS = [0, 1_000, 2_000, 5_000, 10_000, 20_000, 30_000];

function isSlackPayload(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const fields = body as Record<string, unknown>;
  return typeof fields.type === 'string' || typeof fields.command === 'string';
}

/** Slack markup in a staff reply becomes plain text for the customer: <@U1|name> → @name, <url|label> → label (url). */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+\|([^>]+)>/g, '@$1')
    .replace(/<#[A-Z0-9]+\|([^>]+)>/g, '#$1')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
