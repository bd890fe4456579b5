import type { Logger } from 'pino';
import type { BotResponders } from './bots/bot-responders.js';
import type { ConversationTokens } from './conversation/conversation-tokens.js';
import type { ConversationEvents } from './ports/conversation-events.js';
import type { EscalationNotifier } from './ports/escalation-notifier.js';
import type { HandoverMetrics } from './ports/handover-metrics.js';
import type { TaskScheduler } from './ports/task-scheduler.js';
import type { HandoverStore } from './storage/handover-store.js';

/** Everything a use case needs, wired once by the composition root. */
export interface HandoverContext {
  store: HandoverStore;
  events: ConversationEvents;
  notifier: EscalationNotifier;
  scheduler: TaskScheduler;
  metrics: HandoverMetrics;
  responders: BotResponders;
  tokens: ConversationTokens;
  log: Logger;
  now(): Date;
}
