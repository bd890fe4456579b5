/** One change of a bot's settings, as `/handover history` shows it. */
export interface SettingsAuditEntry {
  botId: string;
  tenant: string;
  /** The bot's revision the change produced: one entry per revision. */
  revision: number;
  at: Date;
  actor: { id: string; name: string };
  /** The change in plain words, e.g. `added rule "Sales leads"`. */
  summary: string;
}

export interface SettingsAuditRepository {
  /** Records a change; a second record of the same bot and revision is ignored (a retry). */
  append(entry: SettingsAuditEntry): Promise<void>;
  /** Up to `limit` changes of a bot, newest first. */
  latest(botId: string, limit: number): Promise<SettingsAuditEntry[]>;
  /** The change that produced a revision, if it was recorded. */
  ofRevision(botId: string, revision: number): Promise<SettingsAuditEntry | null>;
}
