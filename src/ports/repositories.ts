import type { ApiKeyRepository } from './api-key-repository.js';
import type { BotRepository } from './bot-repository.js';
import type { CapacityQueueRepository } from './capacity-queue-repository.js';
import type { BotWebhookRepository } from './bot-webhook-repository.js';
import type { ConversationRepository } from './conversation-repository.js';
import type { Decisions } from './decisions.js';
import type { EscalationPostRepository } from './escalation-post-repository.js';
import type { HandoverFactRepository } from './handover-fact-repository.js';
import type { InstallationRepository } from './installation-repository.js';
import type { OutboxRepository } from './outbox-repository.js';
import type { ReceiptRepository } from './receipt-repository.js';
import type { SettingsAuditRepository } from './settings-audit-repository.js';
import type { SeatRepository } from './seat-repository.js';
import type { SettingsRepository } from './settings-repository.js';
import type { StaffRepository } from './staff-repository.js';
import type { TaskRepository } from './task-repository.js';
import type { WaitingQueueRepository } from './waiting-queue-repository.js';

/** Everything the product stores, through the storage adapter (adapters/mongo). */
export interface Repositories {
  conversations: ConversationRepository;
  bots: BotRepository;
  staff: StaffRepository;
  tasks: TaskRepository;
  decisions: Decisions;
  receipts: ReceiptRepository;
  escalationPosts: EscalationPostRepository;
  outbox: OutboxRepository;
  settings: SettingsRepository;
  settingsAudit: SettingsAuditRepository;
  slackInstallations: InstallationRepository;
  /** Each bot's waiting conversations and recent times to claim: queue position and expected wait. */
  waitingQueue: WaitingQueueRepository;
  /** Capacity routing: staff members' seats and the conversations waiting for one. */
  seats: SeatRepository;
  capacityQueue: CapacityQueueRepository;
  /** Each handover's steps, for the team view and satisfaction. */
  handoverFacts: HandoverFactRepository;
  /** The Handoff API's per-bot keys and webhooks. */
  apiKeys: ApiKeyRepository;
  botWebhooks: BotWebhookRepository;
}
