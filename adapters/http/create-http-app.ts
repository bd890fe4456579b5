import express, { type Express, type Router } from 'express';
import type { Logger } from 'pino';
import type { HandoverContext } from '../../src/handover-context.js';
import { customerApi } from '../webchat/customer-api.js';
import { errorResponses, notFoundRoute, sendError } from './error-responses.js';
import type { LiveStreams } from './live-streams.js';
import { rateLimit } from './rate-limit.js';
import type { TrustProxy } from './trust-proxy.js';
import { corsForWidgets, securityHeaders } from './security-headers.js';
import type { PrometheusMetrics } from '../metrics/prometheus-metrics.js';
import { metricsRoute } from '../metrics/metrics-route.js';
import { labelRoutes } from '../metrics/http-timing.js';
import { customerApiRoutes } from '../webchat/openapi.js';
import { repoPath } from '../repo-root.js';

export interface HttpAppOptions {
  ctx: HandoverContext;
  log: Logger;
  rateLimitPerMinute: number;
  /** Checks the database answers, for /readyz. */
  databaseReady(): Promise<boolean>;
  /** Platform adapters (Slack, Teams), mounted after the customer API. */
  mounts?: Array<{ path: string; router: Router | Express }>;
  /** Aborted when the service stops: live streams end so the server can close. */
  stopping: AbortSignal;
  prometheus: PrometheusMetrics;
  metricsToken: string | null;
  /** Sites allowed to embed the chat (frame it, call the API from the browser). */
  widgetOrigins: string[];
  /** Which proxies may name the client (X-Forwarded-For): rate limits and the stream cap count per client. */
  trustProxy: TrustProxy;
  liveStreams: LiveStreams;
}

const webchatPage = repoPath('adapters', 'webchat', 'public');

export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // no ETag hash of every JSON answer: they change with each turn and no client revalidates them (express.static keeps its own)
  app.set('etag', false);
  app.set('trust proxy', options.trustProxy);
  app.use(options.prometheus.httpTiming);
  app.use(securityHeaders(options.widgetOrigins));
  app.get('/metrics', metricsRoute(options.prometheus, options.metricsToken));
  // While shutting down, every answer closes its connection: clients move to a fresh one (another replica).
  app.use((_req, res, next) => {
    if (options.stopping.aborted) res.setHeader('Connection', 'close');
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (options.stopping.aborted) sendError(res, 'storage_unavailable', 'shutting down');
    else if (await options.databaseReady()) res.json({ status: 'ready' });
    else sendError(res, 'storage_unavailable', 'the database is not reachable');
  });

  // one mount of a router rather than four handlers mounted at /api/v1: each mount matches and trims the path again
  const api = express.Router();
  api.use(
    // first, so a 413 or 429 from what follows is labelled with the route it was for
    labelRoutes('/api/v1', customerApiRoutes()),
    corsForWidgets(options.widgetOrigins),
    rateLimit({ perMinute: options.rateLimitPerMinute, burst: Math.max(10, Math.ceil(options.rateLimitPerMinute / 6)), log: options.log }),
    express.json({ limit: '64kb', strict: false, type: () => true }),
    customerApi(options.ctx, { stopping: options.stopping, liveStreams: options.liveStreams }),
  );
  app.use('/api/v1', api);
  // after the customer API: a customer's turn need not pass through the platforms' routers (Slack's is mounted at /)
  for (const mount of options.mounts ?? []) app.use(mount.path, mount.router);
  app.use(express.static(webchatPage, { index: 'index.html', maxAge: '5m' }));
  app.use(notFoundRoute());
  app.use(errorResponses(options.log));
  return app;
}
