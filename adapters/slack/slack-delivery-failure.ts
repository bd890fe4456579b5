import { DeliveryFailure } from '../../src/notify/delivery-failure.js';

/** Slack errors that pass; every other platform error (channel_not_found, not_in_channel, invalid_auth…) needs a person. */
const PASSING_PLATFORM_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

/** What a failed Web API call means for the outbox: retry (when), or give up. */
export function slackDeliveryFailure(error: unknown, what: string): DeliveryFailure {
  const coded = error as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string }; message?: string };
  switch (coded.code) {
    case 'slack_webapi_rate_limited_error':
      return new DeliveryFailure(`${what}: Slack rate limited`, true, (coded.retryAfter ?? 1) * 1000);
    case 'slack_webapi_http_error': {
      const status = coded.statusCode ?? 0;
      return new DeliveryFailure(`${what}: Slack answered HTTP ${status}`, status >= 500 || status === 408 || status === 0);
    }
    case 'slack_webapi_platform_error': {
      const reason = coded.data?.error ?? 'unknown';
      return new DeliveryFailure(`${what}: Slack said ${reason}`, PASSING_PLATFORM_ERRORS.has(reason));
    }
    default:
      return new DeliveryFailure(`${what}: ${coded.message ?? String(error)}`, true);
  }
}
