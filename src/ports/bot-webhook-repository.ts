/** Where an external bot receives its handoffs' events (src/handoff/bot-webhook-settings.ts). */
export interface BotWebhook {
  botId: string;
  /** null: events only over the live stream. */
  url: string | null;
  /** Standard Webhooks signing secret (`whsec_…`). */
  secret: string;
  updatedAt: Date;
}

export interface BotWebhookRepository {
  find(botId: string): Promise<BotWebhook | null>;
  save(webhook: BotWebhook): Promise<void>;
}
