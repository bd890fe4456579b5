import { Agent, request } from 'node:http';

export interface BenchResponse {
  ok: boolean;
  status: number;
  body: string;
}

/**
 * HTTP over `node:http` with kept-alive connections. The bench's clients
 * share the two cores with the service and the database: `fetch` (undici)
 * spent 1.9–2.0 ms of CPU a customer turn here against 0.6 ms for this,
 * which is more than the database's own work on a turn, so the phases
 * measured the client as much as the server.
 */
export function benchHttpClient() {
  // idle connections are dropped before the service's keep-alive timeout (5 s) closes them: a request
  // sent on a connection the server is closing at that moment fails (ECONNRESET), as the open-loop phase's
  // customers, pausing for seconds between turns, found
  const agent = new Agent({ keepAlive: true, timeout: 4_000 });
  /** One request on the kept-alive agent, its whole answer read. */
  const send = (url: string, options: { method: string; headers?: Record<string, string> }, body?: string): Promise<BenchResponse> =>
    new Promise((resolve, reject) => {
      const req = request(url, { ...options, agent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ ok: res.statusCode! >= 200 && res.statusCode! < 300, status: res.statusCode!, body: text }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  const post = (url: string, body: string, headers: Record<string, string>): Promise<BenchResponse> =>
    send(url, { method: 'POST', headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, body);
  const get = (url: string): Promise<BenchResponse> => send(url, { method: 'GET' });
  return {
    post,
    get,
    postJson: (url: string, body: unknown, headers: Record<string, string> = {}) => post(url, JSON.stringify(body), { 'content-type': 'application/json', ...headers }),
    close: () => agent.destroy(),
  };
}

export type BenchHttpClient = ReturnType<typeof benchHttpClient>;
