export interface SettingsRepository {
  /** The installation's conversation-token secret, created by whichever replica asks first with `create`. */
  tokenSecret(create: () => string): Promise<string>;
}
