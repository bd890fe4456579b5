import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** No body may come with these statuses (the Response constructor refuses one). */
const BODILESS_STATUSES = new Set([101, 103, 204, 205, 304]);

function responseHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    for (const one of Array.isArray(value) ? value : [value ?? '']) headers.append(name, one);
  }
  return headers;
}

/**
 * The `fetch` the Slack Web API clients call Slack with: Node's own HTTP
 * over kept-alive connections, for what the clients send (a POST with a
 * string body); anything else (a file upload's form data) goes to the
 * global fetch. undici's fetch costs several times the CPU of `node:http`
 * per request (figures in bench/RESULTS.md), and a burst of Claim clicks
 * makes one "already claimed" call per loser, on the thread that
 * acknowledges the clicks.
 */
export function slackHttpFetch(): typeof fetch {
  const agents: Record<string, HttpAgent> = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };
  return (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const body = init?.body;
    const url = input instanceof Request ? null : new URL(input);
    const agent = url && agents[url.protocol];
    if (!url || !agent || typeof body !== 'string') return fetch(input, init);
    const headers = { ...Object.fromEntries(new Headers(init?.headers).entries()), 'content-length': String(Buffer.byteLength(body)) };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Response>((resolve, reject) => {
      const request = send(url, { method: init?.method ?? 'GET', headers, agent, signal: init?.signal ?? undefined }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const status = incoming.statusCode ?? 502;
          const payload = BODILESS_STATUSES.has(status) ? null : Buffer.concat(chunks);
          resolve(new Response(payload, { status, statusText: incoming.statusMessage ?? '', headers: responseHeaders(incoming.headers) }));
        });
      });
      request.on('error', reject);
      request.end(body);
    });
  }) as typeof fetch;
}
