import type { RequestHandler } from 'express';

/**
 * Headers every answer carries, and a strict Content Security Policy for
 * the chat page: its own scripts and styles only, framed only by this
 * origin and the sites allowed to embed the widget.
 */
export function securityHeaders(widgetOrigins: string[]): RequestHandler {
  const frameAncestors = ["'self'", ...widgetOrigins].join(' ');
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
  return (_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin'); // widget.js is loaded by other sites
    next();
  };
}

/** The customer API answers browsers on the allowed sites (a widget talking to it directly); others get no CORS headers. */
export function corsForWidgets(widgetOrigins: string[]): RequestHandler {
  const allowed = new Set(widgetOrigins);
  return (req, res, next) => {
    const origin = req.get('origin');
    res.vary('Origin');
    if (origin && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Headers', 'content-type, authorization, last-event-id');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    if (req.method === 'OPTIONS') {
      res.status(origin && allowed.has(origin) ? 204 : 403).end();
      return;
    }
    next();
  };
}
