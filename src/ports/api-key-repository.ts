/** A bot's API key as stored: only a hash of the key itself is kept. */
export interface ApiKeyRecord {
  /** Public id, shown by `handover keys list` and used to revoke (`key_…`). */
  id: string;
  botId: string;
  /** SHA-256 of the whole key (hex): what a presented key is looked up by. */
  hash: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** The Handoff API's per-bot keys (src/api-keys/api-keys.ts). */
export interface ApiKeyRepository {
  add(key: ApiKeyRecord): Promise<void>;
  findByHash(hash: string): Promise<ApiKeyRecord | null>;
  /** Marks the key revoked (once: a second revoke keeps the first time); null when no key has this id. */
  revoke(keyId: string, at: Date): Promise<ApiKeyRecord | null>;
  /** A bot's keys, revoked ones too, oldest first. */
  listForBot(botId: string): Promise<ApiKeyRecord[]>;
}
