import type { Bot, HandoverRule } from '../types.js';

/** What a bot's record holds besides its settings: written once at creation. */
export interface NewBot extends Partial<Omit<Bot, 'id' | 'updatedAt'>> {
  id: string;
  name: string;
}

export type BotSwitches = Partial<Pick<Bot, 'labs' | 'handover' | 'slackChannel' | 'slackTeamId' | 'failedTurnsBeforeHandover'>>;

/** A bot's settings as the configuration file last set them. */
export type ConfigFileValues = Record<string, unknown>;

/** Where the platform posts a bot's escalations (a Teams channel's conversation reference). */
export type ChannelReference = Record<string, unknown>;

export interface BotRepository {
  /** A bot, as fresh as the adapter keeps it (changes through this process show at once); `fresh`: read now. */
  find(botId: string, options?: { fresh?: boolean }): Promise<Bot | null>;
  /** Up to `limit` bots of a tenant. */
  botsOfTenant(tenant: string, limit: number): Promise<Bot[]>;
  /** false when the id is taken. */
  create(bot: NewBot, fromConfigFile?: ConfigFileValues): Promise<boolean>;
  update(botId: string, changes: BotSwitches): Promise<Bot | null>;
  /** Sets the Slack channel of a bot that has none. */
  setSlackChannelIfUnset(botId: string, channel: string): Promise<void>;
  /** Appends a rule unless the rules changed since they were `expectedCount` long; null when they did (or there is no such bot). */
  addRule(botId: string, rule: HandoverRule, expectedCount: number): Promise<Bot | null>;
  replaceRules(botId: string, rules: HandoverRule[]): Promise<Bot | null>;
  /** Sets labs, handover, rules, staff capacity and business hours and counts the revision up, unless the revision moved from `expectedRevision`; null when it did (or there is no such bot). */
  saveSettings(botId: string, settings: Pick<Bot, 'labs' | 'handover' | 'rules' | 'failedTurnsBeforeHandover' | 'staffCapacity' | 'businessHours'>, expectedRevision: number): Promise<Bot | null>;
  /** The values the configuration file set last time (null: no such bot). */
  configFileValues(botId: string): Promise<ConfigFileValues | null>;
  /** Sets fields from the configuration file, remembering them as its values. */
  applyConfigFile(botId: string, values: ConfigFileValues): Promise<void>;
  /** Bots stored before tenants existed get `tenant`; returns how many. */
  adoptUntenanted(tenant: string): Promise<number>;
  /** The next turn of a bot's round robin (1, 2, 3…), one atomic step however many replicas ask. */
  nextRoundRobinTurn(botId: string): Promise<number>;
  teamsChannelOf(botId: string): Promise<ChannelReference | null>;
  /** Remembers the Teams channel a bot's escalations go to. */
  setTeamsChannel(botId: string, reference: ChannelReference): Promise<void>;
}
