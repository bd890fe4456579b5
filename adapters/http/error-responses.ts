import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { HandoverError, type ErrorCode } from '../../src/errors.js';

/** The one place where error codes become HTTP statuses; the compiler checks every code has one. */
const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_input: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule_limit: 409,
  settings_changed: 409,
  payload_too_large: 413,
  rate_limited: 429,
  address_not_allowed: 400,
  storage_unavailable: 503,
  platform_unavailable: 503,
  // never a caller's fault, whatever reaches the HTTP layer
  delivery_failed: 500,
  internal: 500,
  config_file: 500,
  env_config: 500,
  knowledge_base_file: 500,
  usage: 500,
  command: 500,
  embedded_database: 500,
};

export function sendError(res: Parameters<RequestHandler>[1], code: ErrorCode, message: string): void {
  res.status(STATUS_BY_CODE[code]).json({ error: { code, message } });
}

const MONGO_UNAVAILABLE = /^Mongo(ServerSelection|Network|NotConnected|Topology|PoolCleared)/;
/**
 * A database that answers but cannot serve the command now: an internal
 * failure (FerretDB reports its SQLite errors so, e.g. while restarting) or
 * a shutdown in progress. Worth a retry, like the outages above.
 */
const MONGO_CANNOT_SERVE_NOW = new Set([1, 91, 11600, 11602]);

function isStorageUnavailable(error: unknown): boolean {
  const { name, code } = (error ?? {}) as { name?: string; code?: unknown };
  if (MONGO_UNAVAILABLE.test(name ?? '')) return true;
  return name === 'MongoServerError' && typeof code === 'number' && MONGO_CANNOT_SERVE_NOW.has(code);
}

export function errorResponses(log: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (res.headersSent) return;
    if (error instanceof HandoverError) return sendError(res, error.code, error.message);
    const bodyParserType = (error as { type?: string }).type;
    if (bodyParserType === 'entity.too.large') return sendError(res, 'payload_too_large', 'the request body is too large (limit 64 kB)');
    if (bodyParserType === 'entity.parse.failed') return sendError(res, 'invalid_json', 'the request body is not valid JSON');
    if (bodyParserType) return sendError(res, 'invalid_input', `the request body could not be read (${bodyParserType})`);
    // Express's own refusals (a URL that does not decode, …) carry a 4xx status
    const status = (error as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) return sendError(res, 'invalid_input', 'the request could not be read (malformed URL or headers)');
    if (isStorageUnavailable(error)) {
      log.warn({ err: error, path: req.path }, 'database unavailable');
      return sendError(res, 'storage_unavailable', 'the database is unavailable; try again shortly');
    }
    log.error({ err: error, path: req.path }, 'unexpected error');
    sendError(res, 'internal', 'something went wrong on our side');
  };
}

export function notFoundRoute(): RequestHandler {
  return (req, res) => sendError(res, 'not_found', `no route ${req.method} ${req.path}`);
}
