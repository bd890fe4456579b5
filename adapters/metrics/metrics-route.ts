import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { sendError } from '../http/error-responses.js';
import type { PrometheusMetrics } from './prometheus-metrics.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** `/metrics`; with a token, only for `Authorization: Bearer <token>`. */
export function metricsRoute(prometheus: PrometheusMetrics, token: string | null): RequestHandler {
  // digests have one length whatever was sent, so the comparison takes the same time for every wrong token
  const expected = token ? digest(`Bearer ${token}`) : null;
  return async (req, res) => {
    if (expected && !timingSafeEqual(digest(req.get('authorization') ?? ''), expected)) {
      return sendError(res, 'unauthorized', 'metrics need Authorization: Bearer <HANDOVER_METRICS_TOKEN>');
    }
    res.type(prometheus.registry.contentType).send(await prometheus.registry.metrics());
  };
}
