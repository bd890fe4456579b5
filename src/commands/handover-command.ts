import { changeBotSettings } from '../settings/change-bot-settings.js';
import { settingsHistory } from '../settings/settings-history.js';
import type { SettingsChange } from '../settings/settings-change.js';
import { botsOfTenant, findBot } from '../bots/tenant-bots.js';
import { HandoverError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { updateStaffPreferences } from '../staff/save-staff-member.js';
import type { Tenant } from '../tenants/tenant.js';
import type { Bot, StaffMember } from '../types.js';
import { plainAnswer, type CommandAnswer } from './command-answer.js';
import { hoursAnswer } from '../business-hours/hours-answer.js';
import { statsAnswer } from '../stats/stats-answer.js';
import { DEFAULT_STAFF_CAPACITY } from '../capacity/staff-capacity.js';
import { STATS_WINDOWS, teamStats, type StatsWindow } from '../stats/team-stats.js';

/**
 * The words `/handover …` (Slack) and `@Handover …` (Teams) share: parsed
 * here, run as use cases, answered as a CommandAnswer that each platform
 * renders in its own markup.
 */
export const HELP: CommandAnswer = [
  [{ command: '' }, ' — hand bot conversations to the team'],
  ['• ', { code: 'status [bot]' }, ' — handover and Labs state, rules, subscribed channel'],
  ['• ', { code: 'on|off [bot]' }, ' — switch handover on or off'],
  ['• ', { code: 'labs on|off [bot]' }, ' — the Labs switch (handover exists only when on)'],
  ['• ', { code: 'subscribe [bot]' }, " — this channel receives the bot's escalations"],
  ['• ', { code: 'rules [bot]' }, ' — list the rules; ', { code: 'settings [bot]' }, ' — edit them (admins)'],
  ['• ', { code: 'history [bot]' }, ' — who changed the settings, what and when'],
  ['• ', { code: 'hours [bot]' }, ' — business hours, and whether the team is in now'],
  ['• ', { code: 'available on|off' }, ' — take part in auto-assignment'],
  ['• ', { code: 'capacity [1-100|default]' }, ' — how many open conversations auto-assignment gives you (default 5)'],
  ['• ', { code: 'stats [bot] [7d|30d]' }, ' — handovers, time to claim and resolve, open now, satisfaction'],
  ['• ', { code: 'notify conversation on|off' }, ', ', { code: 'notify task on|off' }, ' — direct messages when something is assigned to you'],
  [
    '• ',
    { code: 'resolve' },
    ', ',
    { code: 'return' },
    ', ',
    { code: 'transfer @someone' },
    ', ',
    { code: 'tag <tag>' },
    ', ',
    { code: 'task <30m|2h|1d> <note>' },
    ' — act on the escalation you last claimed or replied to',
  ],
  ['In an escalation thread only the person who claimed it speaks to the customer; start with ', { code: 'note:' }, ' or ', { code: '//' }, ' to keep a message internal.'],
];

export const CONFIG_REFUSAL = 'Only workspace admins and owners, or people listed in HANDOVER_ADMINS, can change handover configuration.';

export interface CommandInput {
  text: string;
  /** The caller's tenant, from the verified request: the only bots the command sees. */
  tenant: Tenant;
  staff: StaffMember;
  /** Checked only for configuration changes. */
  mayConfigure: () => Promise<boolean>;
  /** Routes the bot's escalations to the channel the command was given in (each platform knows its channels). */
  subscribeHere: (bot: Bot) => Promise<void>;
}

/** A command that cannot be run as given; its message is plain text for the person who typed it. */
export class CommandError extends HandoverError {
  constructor(message: string) {
    super('command', message);
  }
}

export async function runHandoverCommand(ctx: HandoverContext, input: CommandInput): Promise<CommandAnswer> {
  const [command, ...args] = input.text.trim().split(/\s+/).filter(Boolean).map((word) => word.toLowerCase());
  const configure = async (change: () => Promise<CommandAnswer>) => ((await input.mayConfigure()) ? change() : plainAnswer(CONFIG_REFUSAL));

  switch (command) {
    case 'status':
      return status(await commandBot(ctx, args[0], input.tenant));
    case 'rules':
      return rules(await commandBot(ctx, args[0], input.tenant));
    case 'hours':
      return hoursAnswer(await commandBot(ctx, args[0], input.tenant), ctx.now());
    case 'on':
    case 'off':
      return configure(async () => {
        const bot = await commandBot(ctx, args[0], input.tenant);
        await changeSwitches(ctx, input, bot, { kind: 'switches', handover: command === 'on' });
        return [['Handover is now ', { strong: command }, ` for ${bot.name}.`]];
      });
    case 'labs': {
      const state = args[0];
      if (state !== 'on' && state !== 'off') return [['Usage: ', { command: 'labs on|off [bot]' }]];
      return configure(async () => {
        const bot = await commandBot(ctx, args[1], input.tenant);
        await changeSwitches(ctx, input, bot, { kind: 'switches', labs: state === 'on' });
        return [['Labs is now ', { strong: state }, ` for ${bot.name}.`]];
      });
    }
    case 'subscribe':
      return configure(async () => {
        const bot = await commandBot(ctx, args[0], input.tenant);
        await input.subscribeHere(bot);
        return plainAnswer(`This channel now receives ${bot.name}'s escalations.`);
      });
    case 'stats': {
      const window = args.find((arg): arg is StatsWindow => Object.hasOwn(STATS_WINDOWS, arg));
      const rest = args.filter((arg) => arg !== window);
      if (rest.length > 1 || args.some((arg) => /^\d+d$/.test(arg) && arg !== window)) return [['Usage: ', { command: 'stats [bot] [7d|30d]' }]];
      const bot = await commandBot(ctx, rest[0], input.tenant);
      return statsAnswer(bot, await teamStats(ctx, bot.id, window ?? '7d', ctx.now()));
    }
    case 'history':
      return history(ctx, await commandBot(ctx, args[0], input.tenant), input.tenant);
    case 'capacity': {
      const [value] = args;
      if (value === undefined) return capacityAnswer(input.staff.capacity ?? null);
      const limit = value === 'default' ? null : Number(value);
      if (limit !== null && !(Number.isInteger(limit) && limit >= 1 && limit <= 100)) return [['Usage: ', { command: 'capacity [1-100|default]' }]];
      const updated = await updateStaffPreferences(ctx, input.staff.id, { capacity: limit });
      return capacityAnswer(updated?.capacity ?? null);
    }
    case 'available': {
      const state = args[0];
      if (state !== 'on' && state !== 'off') return [['Usage: ', { command: 'available on|off' }]];
      await updateStaffPreferences(ctx, input.staff.id, { available: state === 'on' });
      return plainAnswer(state === 'on' ? 'You are available: auto-assigned conversations can come to you.' : 'You are no longer available for auto-assignment.');
    }
    case 'notify': {
      const [what, state] = args;
      if ((what !== 'conversation' && what !== 'task') || (state !== 'on' && state !== 'off')) {
        return [['Usage: ', { command: 'notify conversation|task on|off' }]];
      }
      const field = what === 'conversation' ? 'notifyOnConversationAssigned' : 'notifyOnTaskAssigned';
      await updateStaffPreferences(ctx, input.staff.id, { [field]: state === 'on' });
      return [[`Direct messages when a ${what} is assigned to you: `, { strong: state }, '.']];
    }
    default:
      return HELP;
  }
}

/**
 * The bot a command names, or the only one, or the demo bot: among the
 * caller's tenant's bots only. Another tenant's bot is answered exactly as a
 * bot that does not exist.
 */
export async function commandBot(ctx: HandoverContext, botId: string | undefined, tenant: Tenant): Promise<Bot> {
  if (botId) {
    const bot = await findBot(ctx, botId);
    if (!bot || bot.tenant !== tenant) throw new CommandError(`There is no bot "${botId}".`);
    return bot;
  }
  const bots = await botsOfTenant(ctx, tenant, 20);
  if (bots.length === 1) return bots[0]!;
  const demo = bots.find((bot) => bot.id === 'demo');
  if (bots.length > 1 && !demo) throw new CommandError(`Name the bot: ${bots.map((bot) => bot.id).join(', ')}`);
  if (!demo) throw new CommandError('There is no bot yet.');
  return demo;
}

/** A switch flipped by a command is a settings change like a form's: against the bot as just read, and audited. */
function changeSwitches(ctx: HandoverContext, input: CommandInput, bot: Bot, change: SettingsChange): Promise<Bot> {
  return changeBotSettings(ctx, { botId: bot.id, tenant: input.tenant, actor: { id: input.staff.id, name: input.staff.name }, expectedRevision: bot.revision, change });
}

const HISTORY_LENGTH = 15;

async function history(ctx: HandoverContext, bot: Bot, tenant: Tenant): Promise<CommandAnswer> {
  const entries = await settingsHistory(ctx, bot.id, tenant, HISTORY_LENGTH);
  if (entries.length === 0) return plainAnswer(`Nobody has changed ${bot.name}'s settings from Slack or Teams yet.`);
  return [
    [{ strong: bot.name }, ` — the last ${entries.length === 1 ? 'change' : `${entries.length} changes`}, newest first:`],
    ...entries.map((entry) => [`${entry.at.toISOString().slice(0, 16).replace('T', ' ')} UTC — `, { strong: entry.actor.name }, ` ${entry.summary}`]),
  ];
}

function capacityAnswer(capacity: number | null): CommandAnswer {
  return [
    ['Auto-assignment gives you up to ', { strong: String(capacity ?? DEFAULT_STAFF_CAPACITY) }, ` open conversations${capacity === null ? ' (the default)' : ''}; a bot's own limit comes first. Claiming by hand is never limited.`],
  ];
}

function status(bot: Bot): CommandAnswer {
  return [
    [{ strong: bot.name }, ' (', { code: bot.id }, ')'],
    ['Labs: ', { strong: bot.labs ? 'on' : 'off' }, ' · Handover: ', { strong: bot.handover ? 'on' : 'off' }, ` · Rules: ${bot.rules.length}/6`],
    ['Escalations go to: ', ...(bot.slackChannel ? [{ slackChannel: bot.slackChannel }] : ['no Slack channel yet (', { command: 'subscribe' }, ')'])],
  ];
}

function rules(bot: Bot): CommandAnswer {
  if (bot.rules.length === 0) return plainAnswer(`${bot.name} has no handover rules.`);
  return bot.rules.map((rule, i) => [
    `${i + 1}. `,
    { strong: rule.name },
    `${rule.enabled ? '' : ' (disabled)'} — triggers: ${rule.triggers.join(', ')}; assign: ${rule.assign.mode}; task: ${
      rule.task.enabled ? `${rule.task.dueInMinutes} min` : 'none'
    }; tags: ${rule.tags.join(', ') || '—'}`,
  ]);
}
