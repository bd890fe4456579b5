import type { Request, RequestHandler, Response } from 'express';
import type { Histogram } from 'prom-client';

/** Where a router's own label for the request is kept (see labelRoutes). */
const ROUTE_LABEL = 'metricsRoute';

/**
 * Labels requests under `mount` by the route pattern their path matches,
 * before anything below can answer: a route keeps one label whether it
 * answers 200, a 404 from its handler, or a 413, 429 or 400 from the
 * middleware in front of it. Paths matching none are `unmatched`.
 */
export function labelRoutes(mount: string, patterns: string[]): RequestHandler {
  const routes = patterns.map((pattern) => ({
    label: `${mount}${pattern}`,
    // a :param is one path segment; like Express, case-insensitive and a trailing slash allowed
    path: new RegExp(`^${pattern.split(/(:\w+)/).map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}/?$`, 'i'),
  }));
  return (req, res, next) => {
    res.locals[ROUTE_LABEL] = routes.find((route) => route.path.test(req.path))?.label ?? 'unmatched';
    next();
  };
}

function routeLabel(req: Request, res: Response): string {
  const labelled = res.locals[ROUTE_LABEL];
  if (typeof labelled === 'string') return labelled;
  return req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
}

/**
 * Times every HTTP request by method, route pattern (never the raw path) and
 * status. A live stream (text/event-stream) is counted when its headers go
 * out: it stays open for as long as the customer does, and ends by the
 * client leaving. A request whose client left before any answer is counted
 * as 499 (nginx's "client closed request").
 */
export function httpTiming(histogram: Histogram<'method' | 'route' | 'status'>): RequestHandler {
  return (req, res, next) => {
    // on every request: one clock reading and one listener, not prom-client's timer closures
    const started = performance.now();
    let observed = false;
    const observe = () => {
      if (observed) return;
      observed = true;
      histogram.observe({ method: req.method, route: routeLabel(req, res), status: res.headersSent ? String(res.statusCode) : '499' }, (performance.now() - started) / 1000);
    };
    // Node has no event for "headers sent": hook writeHead, as the on-headers package does. Only a GET can be a
    // live stream (EventSource sends nothing else), so only a GET pays for the hook.
    if (req.method === 'GET') {
      const writeHead = res.writeHead;
      res.writeHead = function (this: Response, ...args: unknown[]) {
        const result = (writeHead as (...a: unknown[]) => unknown).apply(this, args);
        if (String(this.getHeader('content-type') ?? '').startsWith('text/event-stream')) observe();
        return result;
      } as typeof res.writeHead;
    }
    // a response emits 'close' after 'finish', and alone when its client left first
    res.once('close', observe);
    next();
  };
}
