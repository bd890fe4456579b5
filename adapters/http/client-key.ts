import type { Request } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';

/**
 * Who a request counts against for rate limits and the live-stream cap:
 * the client address as Express resolves it under the `trust proxy`
 * setting (the socket's peer unless the operator trusts a proxy), with an
 * IPv6 client's whole /56 as one client, since one host can pick any
 * address in its prefix.
 */
export function clientKey(req: Request): string {
  const address = req.ip ?? req.socket.remoteAddress;
  return address ? ipKeyGenerator(address) : 'unknown';
}
