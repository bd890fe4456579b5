/**
 * What a settings view carries in private_metadata: the bot and the revision
 * it showed (a save against an older one is refused, see changeBotSettings),
 * and in the rule editor which rule (null: a new one).
 */
export interface SettingsViewMetadata {
  botId: string;
  revision: number;
  ruleIndex?: number | null;
}

export function settingsMetadata(metadata: SettingsViewMetadata): string {
  return JSON.stringify(metadata);
}

/** null when the metadata is not ours (Slack sends back exactly what we set, so only a forged or pre-revision view gets here). */
export function readSettingsMetadata(raw: string | undefined): SettingsViewMetadata | null {
  try {
    const value = JSON.parse(raw ?? '') as Partial<SettingsViewMetadata>;
    if (typeof value.botId !== 'string' || !Number.isInteger(value.revision)) return null;
    const ruleIndex = Number.isInteger(value.ruleIndex) ? value.ruleIndex! : null;
    return { botId: value.botId, revision: value.revision!, ruleIndex };
  } catch {
    return null;
  }
}
