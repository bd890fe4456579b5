import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  args: Record<string, any>;
  /** performance.now() when the call arrived */
  at: number;
  /** The token it was called with. */
  token: string | null;
  /** The HTTP status it was answered with, and Slack's error if any. */
  status: number;
  error?: string;
}

export type SlackTrouble = { status: number; retryAfter?: number; answerAfterMs?: number; error?: string };

/**
 * A local stand-in for Slack's Web API: records every call and answers the
 * way Slack does (ok, ts, channel…). Users U_ADMIN… are workspace admins.
 */
export async function startSlackStandIn(options: { scopes?: string[]; channelsWithoutApp?: string[] } = {}) {
  const settings = {
    scopes: options.scopes ?? ['chat:write', 'reactions:write', 'commands', 'channels:history', 'groups:history', 'channels:read', 'groups:read', 'users:read', 'users:read.email'],
    outside: new Set(options.channelsWithoutApp ?? []),
  };
  const calls: SlackCall[] = [];
  const listeners = new Set<(call: SlackCall) => void>();
  let ts = Math.floor(Date.now() / 1000);
  /** Answers to give instead of the normal one, per method, in order (an outage). */
  const trouble = new Map<string, Array<SlackTrouble>>();
  /** Top-level posts per channel, for conversations.history. */
  const posted: Array<{ channel: string; ts: string; threadTs?: string; text: string; metadata?: unknown }> = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
      const type = req.headers['content-type'] ?? '';
      const args: Record<string, any> = type.includes('json') ? JSON.parse(raw || '{}') : Object.fromEntries(new URLSearchParams(raw));
      for (const key of ['blocks', 'view', 'metadata']) if (typeof args[key] === 'string') args[key] = JSON.parse(args[key]);
      const problem = trouble.get(method)?.shift();
      const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? (typeof args.token === 'string' ? args.token : null);
      const call: SlackCall = { method, args, token, at: performance.now(), status: problem?.status ?? 200, error: problem?.error };
      calls.push(call);
      for (const listener of listeners) listener(call);
      res.setHeader('content-type', 'application/json');
      if (method === 'auth.test') res.setHeader('x-oauth-scopes', settings.scopes.join(','));
      if (problem && problem.answerAfterMs === undefined) {
        if (problem.retryAfter !== undefined) res.setHeader('retry-after', String(problem.retryAfter));
        res.statusCode = problem.status;
        res.end(JSON.stringify({ ok: false, error: problem.error ?? (problem.status === 429 ? 'ratelimited' : 'internal_error') }));
        return;
      }
      // A slow answer: Slack did the work, the caller gives up waiting
      const body = JSON.stringify(answer(method, args));
      if (problem) setTimeout(() => res.end(body), problem.answerAfterMs).unref();
      else res.end(body);
    });
  });
  const answer = (method: string, args: Record<string, any>) => {
    switch (method) {
      case 'chat.postMessage': {
        ts += 1;
        const message = { channel: args.channel, ts: `${ts}.000100`, threadTs: args.thread_ts, text: args.text, metadata: args.metadata };
        posted.push(message);
        return { ok: true, channel: args.channel, ts: message.ts, message: { text: args.text } };
      }
      case 'conversations.history':
      case 'conversations.replies': {
        const oldest = Number(args.oldest ?? 0);
        const inThread = method === 'conversations.replies';
        const messages = posted
          .filter((message) => message.channel === args.channel && Number(message.ts) >= oldest)
          .filter((message) => (inThread ? message.threadTs === args.ts : !message.threadTs))
          .map(({ ts: at, text, metadata }) => ({ type: 'message', ts: at, text, ...(args.include_all_metadata && metadata ? { metadata } : {}) }))
          .reverse();
        return { ok: true, messages, has_more: false };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'users.info':
        // U0GONE…: nobody Slack knows (never a member, or removed)
        if (String(args.user).startsWith('U0GONE')) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: { id: args.user, name: `user-${args.user}`, real_name: `Person ${args.user}`, is_admin: String(args.user).startsWith('U_ADMIN'), profile: { email: `${args.user}@example.com`.toLowerCase() } },
        };
      case 'conversations.info':
        return { ok: true, channel: { id: args.channel, name: `room-${String(args.channel).toLowerCase()}`, is_member: !settings.outside.has(args.channel) } };
      case 'oauth.v2.access':
        // a workspace installing the app: its team comes from the code (`code-T2` → T2)
        return {
          ok: true,
          app_id: 'A1',
          authed_user: { id: 'U_INSTALLER' },
          scope: settings.scopes.join(','),
          token_type: 'bot',
          access_token: `xoxb-${String(args.code).replace(/^code-/, '').toLowerCase()}-token`,
          bot_user_id: 'U_BOT',
          team: { id: String(args.code).replace(/^code-/, ''), name: 'Second Workspace' },
          enterprise: null,
          is_enterprise_install: false,
        };
      case 'auth.test':
        return { ok: true, user_id: 'U_BOT', bot_id: 'B_BOT', team_id: 'T1' };
      default:
        return { ok: true };
    }
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    callsTo: (method: string) => calls.filter((call) => call.method === method),
    /** Calls `listener` with every call from now on, as it arrives (no polling); returns how to stop. */
    onCall: (listener: (call: SlackCall) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** The next calls to `method` get these answers instead (HTTP status, Retry-After seconds, or a late answer). */
    failNext: (method: string, ...answers: SlackTrouble[]) => {
      trouble.set(method, [...(trouble.get(method) ?? []), ...answers]);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const SIGNING_SECRET = 'test-signing-secret';

/** A request signed the way Slack signs them (v0, HMAC-SHA256 over `v0:timestamp:body`). */
export function signedHeaders(body: string, contentType: string, options: { secret?: string; timestamp?: number; retry?: number } = {}) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', options.secret ?? SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex');
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${signature}`,
    ...(options.retry ? { 'x-slack-retry-num': String(options.retry), 'x-slack-retry-reason': 'http_timeout' } : {}),
  };
}

export async function postToSlackEndpoint(url: string, body: string, contentType: string, options?: Parameters<typeof signedHeaders>[2]) {
  const response = await fetch(`${url}/slack/events`, { method: 'POST', headers: signedHeaders(body, contentType, options), body });
  return { status: response.status, text: await response.text() };
}

export function blockActionBody(actionId: string, conversationId: string, user: { id: string; name: string }, channel = 'C0123456789', teamId = 'T1') {
  const payload = {
    type: 'block_actions',
    team: { id: teamId, domain: 'acme' },
    user: { id: user.id, username: user.name, name: user.name, team_id: teamId },
    api_app_id: 'A1',
    token: 'legacy',
    container: { type: 'message', message_ts: '1700000001.000100', channel_id: channel, is_ephemeral: false },
    trigger_id: '123.456.abc',
    channel: { id: channel, name: 'support' },
    message: { type: 'message', ts: '1700000001.000100', text: 'escalation' },
    response_url: 'https://hooks.slack.invalid/actions/T1/1/abc',
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value: conversationId, text: { type: 'plain_text', text: 'Claim' }, action_ts: '1700000002.000200' }],
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export function slashCommandBody(text: string, user: { id: string; name: string }, channel = 'C0123456789', teamId = 'T1') {
  return new URLSearchParams({
    token: 'legacy',
    team_id: teamId,
    team_domain: 'acme',
    channel_id: channel,
    channel_name: 'support',
    user_id: user.id,
    user_name: user.name,
    command: '/handover',
    text,
    api_app_id: 'A1',
    response_url: 'https://hooks.slack.invalid/commands/T1/1/abc',
    trigger_id: '123.456.abc',
  }).toString();
}

export function threadMessageEvent(options: { eventId: string; channel: string; threadTs: string; user: string; text: string; botId?: string }) {
  return JSON.stringify({
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: options.eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: 'message',
      channel: options.channel,
      user: options.user,
      text: options.text,
      ts: `${Date.now() / 1000}`,
      thread_ts: options.threadTs,
      channel_type: 'channel',
      ...(options.botId ? { bot_id: options.botId } : {}),
    },
  });
}

export function viewSubmissionBody(botId: string, rulesYaml: string, user: { id: string; name: string }, teamId = 'T1') {
  const payload = {
    type: 'view_submission',
    team: { id: teamId, domain: 'acme' },
    user: { id: user.id, username: user.name, name: user.name, team_id: teamId },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: '123.456.abc',
    view: {
      id: 'V1',
      team_id: teamId,
      type: 'modal',
      callback_id: 'handover_settings',
      private_metadata: botId,
      hash: 'h',
      state: { values: { rules: { rules_yaml: { type: 'plain_text_input', value: rulesYaml } } } },
    },
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export function appHomeOpenedEvent(user: string) {
  return JSON.stringify({
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `EvHome${Date.now()}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'app_home_opened', user, channel: 'D1', tab: 'home' },
  });
}
