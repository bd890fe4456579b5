import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Headers every answer carries (helmet). Pages (the chat, the widget, the
 * platforms' install pages) get helmet's full set with a strict Content
 * Security Policy: their own scripts and styles only, framed only by this
 * origin and the sites allowed to embed the widget. Data answers (the API,
 * health, metrics) are never rendered, so they get the set the OWASP REST
 * guidance asks of JSON answers, not the browsing-context headers: fewer
 * headers on the path every customer turn takes.
 */
export function securityHeaders(widgetOrigins: string[]): RequestHandler {
  const page = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'", ...widgetOrigins],
      },
    },
    // frame-ancestors says who may frame the page; X-Frame-Options cannot name the widget's sites
    xFrameOptions: false,
    referrerPolicy: { policy: 'no-referrer' },
    // widget.js is loaded by other sites
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  const data = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    referrerPolicy: { policy: 'no-referrer' },
    // the widget on other sites reads these answers (CORS decides which sites)
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: false,
    xPermittedCrossDomainPolicies: false,
    xPoweredBy: false,
    xXssProtection: false,
  });
  return (req, res, next) => (isDataRoute(req.url) ? data : page)(req, res, next);
}

function isDataRoute(url: string): boolean {
  return url.startsWith('/api/') || url === '/healthz' || url === '/readyz' || url.startsWith('/metrics');
}

/** The customer API answers browsers on the allowed sites (a widget talking to it directly); others get no CORS headers. */
export function corsForWidgets(widgetOrigins: string[]): RequestHandler {
  const allowed = new Set(widgetOrigins);
  const answer = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'last-event-id'],
    maxAge: 600,
  });
  return (req, res, next) => {
    // a preflight from a site that may not embed the chat is refused outright, not answered without headers
    const origin = req.get('origin');
    if (req.method === 'OPTIONS' && !(origin && allowed.has(origin))) {
      res.vary('Origin');
      res.status(403).end();
      return;
    }
    answer(req, res, next);
  };
}
