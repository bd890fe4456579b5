import type { RequestHandler } from 'express';
import { rateLimit as expressRateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { sendError } from './error-responses.js';

/**
 * Requests per client address (req.ip, an IPv6 client's /56 as one, like
 * clientKey): `burst` in a window sized so the average is `perMinute`.
 * Floods get 429 with Retry-After. Per process; behind several replicas
 * each replica counts alone.
 */
export function rateLimit(options: { perMinute: number; burst: number; log: Logger }): RequestHandler {
  // the library's checks of the setup (e.g. X-Forwarded-For arriving while no proxy is trusted) go to our log, once each
  const report = (error: unknown) => options.log.warn({ err: error }, 'rate limiter configuration check');
  return expressRateLimit({
    windowMs: Math.ceil((options.burst * 60_000) / options.perMinute),
    limit: options.burst,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    logger: { warn: report, error: report },
    handler: (_req, res) => sendError(res, 'rate_limited', 'too many requests; slow down and retry after the Retry-After delay'),
  });
}
