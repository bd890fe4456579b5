import { UnknownStaffError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { newId } from '../ids/new-id.js';
import type { Tenant } from '../tenants/tenant.js';
import type { HandoverRule } from '../types.js';
import type { StaffLookup } from './settings-change.js';

/**
 * A rule that names a person is saved only when that person can be found:
 * known to Handover in the bot's tenant, or found now by the platform (then
 * stored in the tenant, so the rule finds them when it fires even if they
 * never used the app).
 */
export async function resolveNamedStaff(ctx: HandoverContext, tenant: Tenant, rule: HandoverRule, lookup: StaffLookup | undefined): Promise<void> {
  if (rule.assign.mode !== 'user') return;
  const reference = rule.assign.staff;
  if (await ctx.staff.findInTenant(reference, tenant)) return;
  const found = lookup ? await lookup(reference) : null;
  if (!found) throw new UnknownStaffError(reference);
  await ctx.staff.saveByIdentity(found.identity, { name: found.name, email: found.email ? found.email.toLowerCase() : null, tenant }, () => newId('st'));
}
