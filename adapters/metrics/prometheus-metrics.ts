import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { HandoverMetrics } from '../../src/ports/handover-metrics.js';
import type { Repositories } from '../../src/ports/repositories.js';
import type { LiveStreamMetrics } from '../http/live-streams.js';
import { httpTiming } from './http-timing.js';
import { registerTeamStatsMetrics } from './team-stats-metrics.js';

/** Seconds buckets from a second to a day: claims take minutes, resolutions hours. */
const HUMAN_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 14400, 43200, 86400];
/**
 * Counting conversations and reading the outbox scan them on FerretDB: a
 * scrape reuses counts this fresh, so scrapes (or a caller hammering an
 * open /metrics) cost at most one read per window.
 */
const COUNT_FRESH_MS = 15_000;

export interface PrometheusMetrics {
  metrics: HandoverMetrics;
  registry: Registry;
  /** Times every HTTP request by route (the route's pattern, never the raw path). */
  httpTiming: RequestHandler;
  liveStreams: LiveStreamMetrics;
}

/** Prometheus metrics for `/metrics`, in a registry of this service's own. */
export function createPrometheusMetrics(store: Pick<Repositories, 'conversations' | 'outbox'> & Partial<Pick<Repositories, 'handoverFacts'>>, now?: () => Date): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'handover_' });
  // prom-client's active handles/requests/resources sums are gauges named *_total, a name only counters may have;
  // the same gauges without the suffix, by type, remain (sum them for the total)
  for (const metric of registry.getMetricsAsArray()) {
    if (metric instanceof Gauge && metric.name.endsWith('_total')) registry.removeSingleMetric(metric.name);
  }

  const handovers = new Counter({ name: 'handover_handovers_total', help: 'Handovers started, by bot and trigger', labelNames: ['bot', 'trigger'], registers: [registry] });
  const timeToClaim = new Histogram({ name: 'handover_time_to_claim_seconds', help: 'From the handover to the claim', labelNames: ['bot'], buckets: HUMAN_BUCKETS, registers: [registry] });
  const timeToEnd = new Histogram({
    name: 'handover_time_to_resolve_seconds',
    help: 'From the handover to its end (resolved, returned to the bot, or gone quiet)',
    labelNames: ['bot', 'how'],
    buckets: HUMAN_BUCKETS,
    registers: [registry],
  });
  const reminderLateness = new Histogram({
    name: 'handover_job_lateness_seconds',
    help: 'How late follow-up task reminders went out after their due time',
    labelNames: ['job'],
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  const http = new Histogram({
    name: 'handover_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const modelLatency = new Histogram({
    name: 'handover_model_latency_seconds',
    help: "Calls to bots' AI assistant models, by bot and purpose (answer, summary), failed ones included",
    labelNames: ['bot', 'purpose'],
    buckets: [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 2, 3, 5, 8, 13, 20, 30, 60],
    registers: [registry],
  });
  const modelErrors = new Counter({
    name: 'handover_model_errors_total',
    help: 'Model calls that gave nothing usable, by kind: timeout, unavailable (network, 5xx, 429), refused (other 4xx), bad_response, breaker_open (not attempted)',
    labelNames: ['bot', 'purpose', 'kind'],
    registers: [registry],
  });
  const modelTokens = new Counter({ name: 'handover_model_tokens_total', help: 'Tokens the model endpoints reported, by bot and type (prompt, completion)', labelNames: ['bot', 'type'], registers: [registry] });
  const modelBreaker = new Gauge({ name: 'handover_model_breaker_state', help: "Each bot's model circuit breaker: 0 closed, 1 half open (one trial call), 2 open (no calls)", labelNames: ['bot'], registers: [registry] });

  const csatAnswers = new Counter({ name: 'handover_csat_answers_total', help: 'Satisfaction answers ("How did we do?"), by bot and score (1-5)', labelNames: ['bot', 'score'], registers: [registry] });
  if (store.handoverFacts) registerTeamStatsMetrics(registry, store.handoverFacts, now);

  const liveStreams = new Gauge({ name: 'handover_live_streams', help: 'Live conversation streams (Server-Sent Events) open on this replica', registers: [registry] });
  const streamRequests = new Counter({
    name: 'handover_live_stream_requests_total',
    help: 'Live stream requests past the token check: opened, client_gone (left before it opened), over_limit (the client had its limit open)',
    labelNames: ['outcome'],
    registers: [registry],
  });

  // concurrent scrapes share one read in flight
  const cached = <T>(read: () => Promise<T>) => {
    let value: { at: number; data: Promise<T> } | null = null;
    return () => {
      if (!value || Date.now() - value.at > COUNT_FRESH_MS) {
        const data = read();
        value = { at: Date.now(), data };
        data.catch(() => {
          if (value?.data === data) value = null;
        });
      }
      return value.data;
    };
  };
  const openCounts = cached(async () => ({
    waiting: await store.conversations.countWithStatus('waiting'),
    assigned: await store.conversations.countWithStatus('assigned'),
  }));
  new Gauge({
    name: 'handover_open_escalations',
    help: 'Conversations with the team, by status (refreshed at most every 15 s)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const counts = await openCounts();
      this.set({ status: 'waiting' }, counts.waiting);
      this.set({ status: 'assigned' }, counts.assigned);
    },
  });
  const outboxCounts = cached(() => store.outbox.countByTargetAndState());
  new Gauge({
    name: 'handover_outbox_backlog',
    help: 'Notifications not yet delivered (pending) and given up (failed), by platform (refreshed at most every 15 s)',
    labelNames: ['target', 'state'],
    registers: [registry],
    async collect() {
      const counts = await outboxCounts();
      this.reset();
      for (const { target, state, count } of counts) this.set({ target, state }, count);
    },
  });

  return {
    registry,
    metrics: {
      handoverStarted: ({ botId, trigger }) => handovers.inc({ bot: botId, trigger }),
      claimed: ({ botId, waitedMs }) => timeToClaim.observe({ bot: botId }, waitedMs / 1000),
      ended: ({ botId, how, tookMs }) => timeToEnd.observe({ bot: botId, how }, tookMs / 1000),
      taskReminded: ({ latenessMs }) => reminderLateness.observe({ job: 'task-reminders' }, Math.max(0, latenessMs) / 1000),
      satisfaction: ({ botId, score }) => csatAnswers.inc({ bot: botId, score: String(score) }),
      modelCalled: ({ botId, purpose, ms, failure, promptTokens, completionTokens }) => {
        if (failure !== 'breaker_open') modelLatency.observe({ bot: botId, purpose }, ms / 1000);
        if (failure) modelErrors.inc({ bot: botId, purpose, kind: failure });
        if (promptTokens) modelTokens.inc({ bot: botId, type: 'prompt' }, promptTokens);
        if (completionTokens) modelTokens.inc({ bot: botId, type: 'completion' }, completionTokens);
      },
      modelBreaker: ({ botId, state }) => modelBreaker.set({ bot: botId }, state === 'closed' ? 0 : state === 'half_open' ? 1 : 2),
    },
    liveStreams: {
      opened: () => {
        liveStreams.inc();
        streamRequests.inc({ outcome: 'opened' });
      },
      closed: () => liveStreams.dec(),
      refused: (reason) => streamRequests.inc({ outcome: reason }),
    },
    httpTiming: httpTiming(http),
  };
}
