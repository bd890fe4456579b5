import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackHttpFetch } from '../../adapters/slack/slack-http-fetch.js';

let server: Server;
let base: string;
const received: Array<{ method?: string; type?: string; length?: string; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method, type: req.headers['content-type'], length: req.headers['content-length'], body });
      if (req.url === '/empty') return void res.writeHead(204).end();
      if (req.url === '/slow') return void setTimeout(() => res.end('{}'), 1_000);
      res.writeHead(429, { 'retry-after': '3', 'x-oauth-scopes': 'chat:write', 'set-cookie': ['a=1', 'b=2'] });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited', echo: body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the Slack clients' fetch over node:http", () => {
  const slackFetch = slackHttpFetch();

  it('sends the body and headers as given and answers with the status, every header and the body', async () => {
    const response = await slackFetch(`${base}/api/chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'channel=C1&text=h%C3%A9',
    });
    expect(received.at(-1)).toEqual({ method: 'POST', type: 'application/x-www-form-urlencoded', length: '23', body: 'channel=C1&text=h%C3%A9' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(response.headers.get('x-oauth-scopes')).toBe('chat:write');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.json()).toEqual({ ok: false, error: 'ratelimited', echo: 'channel=C1&text=h%C3%A9' });
  });

  it('answers a status that carries no body without one', async () => {
    const response = await slackFetch(`${base}/empty`, { method: 'POST', body: '' });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('gives up when its signal aborts, as the clients time out a call', async () => {
    await expect(slackFetch(`${base}/slow`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(100) })).rejects.toThrow();
  });

  it('leaves a body that is not text (a file upload) to the global fetch', async () => {
    const form = new FormData();
    form.append('file', new Blob(['hello']), 'hello.txt');
    const response = await slackFetch(`${base}/api/files.upload`, { method: 'POST', body: form });
    expect(response.status).toBe(429);
    expect(received.at(-1)!.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(received.at(-1)!.body).toContain('hello');
  });
});
