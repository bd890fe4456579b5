import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';

/**
 * A `fetch` for the openai SDK over `node:http(s)` with kept-alive
 * connections: the global `fetch` (undici) costs more CPU a request, and a
 * customer turn with a model makes one such request (bench/RESULTS.md).
 * Only what the SDK uses: method, headers, a body, an abort signal.
 */
export function nodeHttpFetch(): typeof fetch {
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
  return (async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const secure = url.protocol === 'https:';
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    const body = init.body == null ? undefined : typeof init.body === 'string' ? init.body : Buffer.from(await new Response(init.body).arrayBuffer());
    const method = init.method ?? 'GET';
    return new Promise<Response>((resolve, reject) => {
      const respond = (res: IncomingMessage) => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) for (const one of [value].flat()) responseHeaders.append(name, one);
        }
        const status = res.statusCode ?? 502;
        const empty = status === 204 || status === 304 || method === 'HEAD';
        if (empty) res.resume();
        resolve(new Response(empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), { status, statusText: res.statusMessage ?? '', headers: responseHeaders }));
      };
      const options = { method, headers, agent: secure ? agents.https : agents.http, ...(init.signal ? { signal: init.signal } : {}) };
      const req = secure ? httpsRequest(url, options, respond) : httpRequest(url, options, respond);
      req.on('error', reject);
      req.end(body);
    });
  }) as typeof fetch;
}
