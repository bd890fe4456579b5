import { UnknownStaffError } from '../errors.js';
import { ConfigFileError } from '../config/bot-config-file.js';
import type { HandoverContext } from '../handover-context.js';
import type { HandoverRule } from '../types.js';
import { resolveNamedStaff } from './resolve-named-staff.js';
import type { StaffLookup } from './settings-change.js';

/**
 * At start-up, the people the configuration file's rules name, as the
 * settings forms check them on save: each found (known, or found now by the
 * platform and stored in the bot's tenant), or the start stops with a line
 * naming bot, rule and person. `platformReference` says which references the
 * platform doing the lookup can judge (another platform's ids are left to it).
 */
export async function resolveConfigFileStaff(
  ctx: HandoverContext,
  bots: ReadonlyArray<{ id: string; rules: HandoverRule[] }>,
  lookup: StaffLookup,
  platformReference: (reference: string) => boolean,
): Promise<void> {
  for (const configured of bots) {
    const bot = await ctx.bots.find(configured.id, { fresh: true });
    if (!bot) continue;
    for (const rule of configured.rules) {
      if (rule.assign.mode !== 'user' || !platformReference(rule.assign.staff)) continue;
      try {
        await resolveNamedStaff(ctx, bot.tenant, rule, lookup);
      } catch (error) {
        if (!(error instanceof UnknownStaffError)) throw error;
        throw new ConfigFileError(
          `bot "${bot.id}", rule "${rule.name}", field assign.staff: nobody "${rule.assign.staff}" could be found in the workspace; name a member (their user id) or use mode claim or auto`,
        );
      }
    }
  }
}
