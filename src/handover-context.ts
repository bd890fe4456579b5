import type { Logger } from 'pino';
import type { BotResponders } from './bots/bot-responders.js';
import type { ConversationTokens } from './conversation/conversation-tokens.js';
import type { ConversationEvents } from './ports/conversation-events.js';
import type { EscalationNotifier } from './ports/escalation-notifier.js';
import type { HandoverMetrics } from './ports/handover-metrics.js';
import type { Repositories } from './ports/repositories.js';
import type { TaskScheduler } from './ports/task-scheduler.js';

/** Everything a use case needs, wired once by the composition root: the repositories (ctx.conversations, ctx.bots…) and the other ports. */
export interface HandoverContext extends Repositories {
  events: ConversationEvents;
  notifier: EscalationNotifier;
  scheduler: TaskScheduler;
  metrics: HandoverMetrics;
  responders: BotResponders;
  tokens: ConversationTokens;
  log: Logger;
  now(): Date;
}
