import type { RequestHandler } from 'express';
import { sendError } from './error-responses.js';

/**
 * A token bucket per client address: bursts are fine, floods get 429 with
 * Retry-After. Per process; behind several replicas each replica counts alone.
 */
export function rateLimit(options: { perMinute: number; burst: number }): RequestHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = options.perMinute / 60_000;
  setInterval(() => {
    const now = Date.now();
    for (const [key, bucket] of buckets) if (now - bucket.at > 120_000) buckets.delete(key);
  }, 60_000).unref();

  return (req, res, next) => {
    const key = req.ip ?? 'unknown';
    const now = Date.now();
    const bucket = buckets.get(key) ?? { tokens: options.burst, at: now };
    bucket.tokens = Math.min(options.burst, bucket.tokens + (now - bucket.at) * refillPerMs);
    bucket.at = now;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      res.setHeader('Retry-After', String(Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)));
      return sendError(res, 'rate_limited', 'too many requests; slow down and retry after the Retry-After delay');
    }
    bucket.tokens -= 1;
    next();
  };
}
