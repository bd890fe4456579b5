import type { HandoverContext } from '../../src/handover-context.js';
import { updateBotSwitches } from '../../src/bots/bot-settings.js';
import { botsOfTenant, findBot } from '../../src/bots/tenant-bots.js';
import { updateStaffPreferences } from '../../src/staff/save-staff-member.js';
import type { StaffMember } from '../../src/types.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import type { Tenant } from '../../src/tenants/tenant.js';

export const HELP = [
  '*/handover* — hand bot conversations to the team',
  '• `status [bot]` — handover and Labs state, rules, subscribed channel',
  '• `on|off [bot]` — switch handover on or off',
  '• `labs on|off [bot]` — the Labs switch (handover exists only when on)',
  '• `subscribe [bot]` — this channel receives the bot\'s escalations',
  '• `rules [bot]` — list the rules; `settings [bot]` — edit them (admins)',
  '• `available on|off` — take part in auto-assignment',
  '• `notify conversation on|off`, `notify task on|off` — direct messages when something is assigned to you',
  '• `resolve`, `return`, `transfer @someone`, `tag <tag>`, `task <30m|2h|1d> <note>` — act on the escalation you last claimed or replied to',
  'In an escalation thread only the person who claimed it speaks to the customer; start with `note:` or `//` to keep a message internal.',
].join('\n');

export interface CommandInput {
  text: string;
  channelId: string;
  /** The Slack workspace the command came from (Teams: none). */
  teamId?: string;
  /** The caller's tenant, from the verified request: the only bots the command sees. */
  tenant: Tenant;
  staff: StaffMember;
  /** Checked only for configuration changes. */
  mayConfigure: () => Promise<boolean>;
}

export const CONFIG_REFUSAL = 'Only workspace admins and owners, or people listed in HANDOVER_ADMINS, can change handover configuration.';

/** `/handover …` (Slack) and `@Handover …` (Teams) share the same words; the answer is mrkdwn. */
export async function runHandoverCommand(ctx: HandoverContext, input: CommandInput): Promise<string> {
  const words = input.text.trim().split(/\s+/).filter(Boolean).map((word) => word.toLowerCase());
  const [command, ...args] = words;
  const configure = async (change: () => Promise<string>) => ((await input.mayConfigure()) ? change() : CONFIG_REFUSAL);

  switch (command) {
    case 'status':
      return status(ctx, args[0], input.tenant);
    case 'rules':
      return rules(ctx, args[0], input.tenant);
    case 'on':
    case 'off':
      return configure(async () => {
        const bot = await commandBot(ctx, args[0], input.tenant);
        await updateBotSwitches(ctx, bot.id, { handover: command === 'on' });
        return `Handover is now *${command}* for ${escapeMrkdwn(bot.name)}.`;
      });
    case 'labs': {
      const state = args[0];
      if (state !== 'on' && state !== 'off') return 'Usage: `/handover labs on|off [bot]`';
      return configure(async () => {
        const bot = await commandBot(ctx, args[1], input.tenant);
        await updateBotSwitches(ctx, bot.id, { labs: state === 'on' });
        return `Labs is now *${state}* for ${escapeMrkdwn(bot.name)}.`;
      });
    }
    case 'subscribe':
      return configure(async () => {
        const bot = await commandBot(ctx, args[0], input.tenant);
        await updateBotSwitches(ctx, bot.id, { slackChannel: input.channelId, slackTeamId: input.teamId ?? null });
        return `This channel now receives ${escapeMrkdwn(bot.name)}'s escalations.`;
      });
    case 'available': {
      const state = args[0];
      if (state !== 'on' && state !== 'off') return 'Usage: `/handover available on|off`';
      await updateStaffPreferences(ctx, input.staff.id, { available: state === 'on' });
      return state === 'on' ? 'You are available: auto-assigned conversations can come to you.' : 'You are no longer available for auto-assignment.';
    }
    case 'notify': {
      const [what, state] = args;
      if ((what !== 'conversation' && what !== 'task') || (state !== 'on' && state !== 'off')) {
        return 'Usage: `/handover notify conversation|task on|off`';
      }
      const field = what === 'conversation' ? 'notifyOnConversationAssigned' : 'notifyOnTaskAssigned';
      await updateStaffPreferences(ctx, input.staff.id, { [field]: state === 'on' });
      return `Direct messages when a ${what} is assigned to you: *${state}*.`;
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
export async function commandBot(ctx: HandoverContext, botId: string | undefined, tenant: Tenant) {
  if (botId) {
    const bot = await findBot(ctx, botId);
    if (!bot || bot.tenant !== tenant) throw new CommandError(`There is no bot "${escapeMrkdwn(botId)}".`);
    return bot;
  }
  const bots = await botsOfTenant(ctx, tenant, 20);
  if (bots.length === 1) return bots[0]!;
  const demo = bots.find((bot) => bot.id === 'demo');
  if (bots.length > 1 && !demo) throw new CommandError(`Name the bot: ${bots.map((bot) => `\`${bot.id}\``).join(', ')}`);
  if (!demo) throw new CommandError('There is no bot yet.');
  return demo;
}

export class CommandError extends Error {}

async function status(ctx: HandoverContext, botId: string | undefined, tenant: Tenant): Promise<string> {
  const bot = await commandBot(ctx, botId, tenant);
  return [
    `*${escapeMrkdwn(bot.name)}* (\`${bot.id}\`)`,
    `Labs: *${bot.labs ? 'on' : 'off'}* · Handover: *${bot.handover ? 'on' : 'off'}* · Rules: ${bot.rules.length}/6`,
    `Escalations go to: ${bot.slackChannel ? `<#${bot.slackChannel}>` : 'no Slack channel yet (`/handover subscribe`)'}`,
  ].join('\n');
}

async function rules(ctx: HandoverContext, botId: string | undefined, tenant: Tenant): Promise<string> {
  const bot = await commandBot(ctx, botId, tenant);
  if (bot.rules.length === 0) return `${escapeMrkdwn(bot.name)} has no handover rules.`;
  return bot.rules
    .map(
      (rule, i) =>
        `${i + 1}. *${escapeMrkdwn(rule.name)}*${rule.enabled ? '' : ' (disabled)'} — triggers: ${rule.triggers.join(', ')}; assign: ${rule.assign.mode}; task: ${
          rule.task.enabled ? `${rule.task.dueInMinutes} min` : 'none'
        }; tags: ${rule.tags.join(', ') || '—'}`,
    )
    .join('\n');
}
