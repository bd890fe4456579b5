import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { clientKey } from './client-key.js';
import { sendError } from './error-responses.js';

/**
 * Requests per client (clientKey: an IPv6 client's /56 as one): `burst` in
 * a window sized so the average is `perMinute`. Floods get 429 with
 * Retry-After. Per process; behind several replicas each replica counts
 * alone, since a shared store would cost every turn a database write.
 */
export function rateLimit(options: { perMinute: number; burst: number; log: Logger }): RequestHandler {
  const limiter = new RateLimiterMemory({
    points: options.burst,
    duration: Math.ceil((options.burst * 60) / options.perMinute),
  });
  return (req, res, next) => {
    limiter.consume(clientKey(req)).then(
      () => next(),
      (refusal: unknown) => {
        if (!(refusal instanceof RateLimiterRes)) {
          // the memory store does not fail; were it to, the request goes on rather than being refused for our fault
          options.log.error({ err: refusal }, 'rate limiter failed');
          next();
          return;
        }
        res.setHeader('Retry-After', String(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000))));
        sendError(res, 'rate_limited', 'too many requests; slow down and retry after the Retry-After delay');
      },
    );
  };
}
