import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  activityId: string | null;
  body: any;
}

/**
 * A local stand-in for the Bot Framework connector (the activity's
 * serviceUrl): records what the bot sends and answers with activity ids.
 */
export async function startConnectorStandIn() {
  const calls: ConnectorCall[] = [];
  /** The roster (TeamsInfo.getMember) by Entra object id, Teams user id or principal name; anyone else is not a member. */
  const members = new Map<string, { id: string; name: string; aadObjectId: string; email?: string; userPrincipalName?: string }>();
  /** While set, roster lookups are refused (as when the bot may not read the team's members). */
  const roster = { refused: false };
  let next = 1;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)(?:\/activities(?:\/([^/?]+))?)?/.exec(req.url ?? '');
      const body = raw ? JSON.parse(raw) : null;
      calls.push({
        method: req.method ?? '',
        path: req.url ?? '',
        conversationId: decodeURIComponent(match?.[1] ?? ''),
        activityId: match?.[2] ? decodeURIComponent(match[2]) : null,
        body,
      });
      res.setHeader('content-type', 'application/json');
      const member = /^\/v3\/conversations\/[^/]+\/members\/([^/?]+)$/.exec(req.url ?? '');
      if (req.method === 'GET' && member) {
        if (roster.refused) {
          res.statusCode = 403;
          return void res.end(JSON.stringify({ error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } }));
        }
        const found = members.get(decodeURIComponent(member[1]!).toLowerCase());
        if (found) return void res.end(JSON.stringify(found));
        res.statusCode = 404;
        return void res.end(JSON.stringify({ error: { code: 'MemberNotFoundInConversation', message: 'The member could not be found in the conversation.' } }));
      }
      if (req.url === '/v3/conversations') {
        // a new channel post: Teams answers with the reply chain's id and the post's activity id
        const activityId = `${1700000000000 + next++}`;
        return void res.end(JSON.stringify({ id: `${body.channelData.channel.id};messageid=${activityId}`, activityId }));
      }
      res.end(JSON.stringify({ id: req.method === 'PUT' ? decodeURIComponent(match?.[2] ?? '') : `${1700000000000 + next++}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    roster,
    /** Puts someone in the roster, found by any of their ids. */
    addMember(person: { id: string; name: string; aadObjectId: string; email?: string; userPrincipalName?: string }) {
      for (const key of [person.id, person.aadObjectId, person.email, person.userPrincipalName]) if (key) members.set(key.toLowerCase(), person);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const CHANNEL = '19:support@thread.tacv2';

export function teamsMessage(serviceUrl: string, options: { text: string; from: { id: string; name: string; aadObjectId?: string }; conversationId?: string; id?: string }) {
  return {
    type: 'message',
    id: options.id ?? `${Date.now()}${Math.floor(Math.random() * 1000)}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: options.from.id, name: options.from.name, aadObjectId: options.from.aadObjectId ?? options.from.id },
    conversation: { id: options.conversationId ?? CHANNEL, isGroup: true, conversationType: 'channel', tenantId: 't1' },
    recipient: { id: '28:handover-bot', name: 'Handover' },
    text: `<at>Handover</at> ${options.text}`,
    textFormat: 'plain',
    entities: [{ type: 'mention', text: '<at>Handover</at>', mentioned: { id: '28:handover-bot', name: 'Handover' } }],
    channelData: { teamsChannelId: CHANNEL, teamsTeamId: '19:team@thread.tacv2', channel: { id: CHANNEL }, tenant: { id: 't1' } },
  };
}

export function cardAction(serviceUrl: string, verb: string, conversationId: string, from: { id: string; name: string }) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `${Date.now()}${Math.floor(Math.random() * 100000)}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: from.id, name: from.name, aadObjectId: from.id },
    conversation: { id: CHANNEL, isGroup: true, conversationType: 'channel', tenantId: 't1' },
    recipient: { id: '28:handover-bot', name: 'Handover' },
    value: { action: { type: 'Action.Execute', verb, data: { conversationId } }, trigger: 'manual' },
    channelData: { channel: { id: CHANNEL }, tenant: { id: 't1' } },
  };
}

export { CHANNEL };
