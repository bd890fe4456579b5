import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { botConfigSchema } from '../../src/config/bot-config-file.js';

/** An external bot's webhook endpoint: keeps every request as received. */
export async function startReceiver() {
  const received: Array<{ raw: string; headers: Record<string, string> }> = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      received.push({ raw, headers: req.headers as Record<string, string> });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/events`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A bot whose conversations come from an external bot through the Handoff API: one rule, notifying no platform. */
export const externalBot = (id: string) =>
  botConfigSchema.parse({ id, name: `${id} bot`, labs: true, rules: [{ name: 'People', triggers: ['contact_request'], notify: { slack: false, teams: false, email: [], webhook: null } }] });
