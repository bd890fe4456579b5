/**
 * A minimal external bot using Handover's Handoff API: it hands a
 * conversation over to the team, passes on what its customer writes next,
 * and receives the team's side as Standard Webhooks, verified with the
 * `standardwebhooks` library. Node 20+, no dependencies besides that one.
 *
 *   HANDOVER_URL=http://localhost:3000 BOT_ID=demo HANDOVER_API_KEY=hk_… \
 *   HANDOVER_WEBHOOK_SECRET=whsec_… PORT=4000 npx tsx examples/handoff-bot/handoff-bot.ts
 *
 * (key and secret from `npx handover keys create demo --webhook http://<this host>:4000/webhook`)
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { Webhook } from 'standardwebhooks';

export interface HandoffBotOptions {
  handoverUrl: string;
  botId: string;
  apiKey: string;
  webhookSecret: string;
  /** Where the webhook server listens (0: any free port). */
  port: number;
  host?: string;
}

/** An event as Handover sends it (README "Handoff API"). */
export interface HandoffEvent {
  id: string;
  type: 'handoff.claimed' | 'handoff.transferred' | 'handoff.agent_message' | 'handoff.resolved';
  timestamp: string;
  data: { conversationId: string; botId: string; status?: string; assignee?: { id: string; name: string } | null; message?: { id: string; text: string; author: { name: string } | null } };
}

export async function startHandoffBot(options: HandoffBotOptions) {
  const webhook = new Webhook(options.webhookSecret);
  const events: HandoffEvent[] = [];
  /** What this bot would show its customers: the team's replies, per conversation. */
  const inbox: Array<{ conversationId: string; from: string; text: string }> = [];
  /** Conversations the team has; the bot answers the others itself. */
  const withTeam = new Set<string>();

  const server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/webhook') return void res.writeHead(404).end();
    const raw = await readBody(req);
    let event: HandoffEvent;
    try {
      // the raw body as received, and the webhook-id, -timestamp and -signature headers: a forged, changed or replayed event throws
      event = webhook.verify(raw, req.headers as Record<string, string>) as HandoffEvent;
    } catch {
      return void res.writeHead(401).end();
    }
    // a retry of an event already handled (its webhook-id is the same): acknowledge, do nothing
    if (!events.some((seen) => seen.id === event.id)) {
      events.push(event);
      const { conversationId } = event.data;
      if (event.type === 'handoff.agent_message' && event.data.message) {
        inbox.push({ conversationId, from: event.data.message.author?.name ?? 'the team', text: event.data.message.text });
      }
      if (event.type === 'handoff.resolved') withTeam.delete(conversationId);
    }
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));

  const call = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
    const request = () =>
      fetch(`${options.handoverUrl}/api/v1/bots/${options.botId}${path}`, {
        method,
        headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    let response: Response;
    for (let attempt = 1; ; attempt += 1) {
      try {
        response = await request();
        break;
      } catch (error) {
        // a connection that failed (or a reused one the server had just closed): the same call again is safe,
        // since the handoff carries its Idempotency-Key and a message its messageId
        if (attempt === 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
    const answer = await response.json();
    if (!response.ok) throw new Error(`Handover answered ${response.status}: ${answer.error?.message}`);
    return answer;
  };

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`,
    events,
    inbox,
    withTeam,
    /** Hands a conversation to the team; the Idempotency-Key makes a retry of this call safe. */
    async handOff(input: { customer: { id: string; name?: string }; transcript: Array<{ from: 'customer' | 'bot'; text: string }>; reason: string; summary?: string }) {
      const idempotencyKey = randomUUID();
      const accepted = await call('POST', '/handoffs', input, { 'idempotency-key': idempotencyKey });
      withTeam.add(accepted.conversationId);
      return accepted as { conversationId: string; token: string; status: string };
    },
    /** What the customer writes while the team has the conversation goes to the team's thread. */
    async forward(conversationId: string, text: string) {
      return call('POST', `/handoffs/${conversationId}/messages`, { text, messageId: randomUUID() });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

// run directly: hand one conversation over and print what the team does with it
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const env = (name: string) => process.env[name] ?? (console.error(`set ${name}`), process.exit(2));
  const bot = await startHandoffBot({
    handoverUrl: env('HANDOVER_URL'),
    botId: env('BOT_ID'),
    apiKey: env('HANDOVER_API_KEY'),
    webhookSecret: env('HANDOVER_WEBHOOK_SECRET'),
    port: Number(process.env.PORT ?? 4000),
    host: process.env.HOST ?? '0.0.0.0',
  });
  const { conversationId } = await bot.handOff({
    customer: { id: 'customer-1', name: 'Sam' },
    transcript: [
      { from: 'customer', text: 'My parcel never arrived' },
      { from: 'bot', text: 'I can only track parcels with a tracking number.' },
    ],
    reason: 'The customer has no tracking number',
    summary: 'Sam’s parcel did not arrive and there is no tracking number; the bot could not look it up.',
  });
  console.log(`handed over: ${conversationId}; webhook server on port ${Number(process.env.PORT ?? 4000)}`);
  setInterval(() => {
    for (const line of bot.inbox.splice(0)) console.log(`${line.from} to the customer: ${line.text}`);
    if (!bot.withTeam.has(conversationId)) {
      console.log('the team handed the conversation back: the bot answers again');
      process.exit(0);
    }
  }, 500);
}
