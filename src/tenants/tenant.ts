import { NotFoundError } from '../errors.js';
import type { Bot, StaffMember } from '../types.js';

/**
 * Who owns a bot: one chat-platform installation or the operator.
 *
 * - `slack:<team or enterprise id>`: a Slack workspace, or an Enterprise Grid org installed org-wide;
 * - `teams:<tenant id>`: a Microsoft 365 tenant;
 * - `operator`: whoever runs the service (the config file's bots, the demo bot), acting
 *   through the installations the operator names (and the one workspace of a single-token Slack set-up).
 *
 * The platform adapters turn a verified request (Slack's signature, the Bot
 * Framework's JWT) into the caller's tenant; nothing a caller writes in a
 * command or a payload chooses it.
 */
export type Tenant = string;

export const OPERATOR_TENANT: Tenant = 'operator';

/** An installation's tenant, or the operator's when the operator named that installation as theirs. */
export function tenantOrOperator(tenant: Tenant, operatorTenants: readonly string[]): Tenant {
  return operatorTenants.includes(tenant) ? OPERATOR_TENANT : tenant;
}

export const TENANT_PATTERN = /^(operator|slack:[TE][A-Z0-9]{1,30}|teams:[A-Za-z0-9-]{1,64})$/;

/**
 * A staff member acts only on their own tenant's bots' conversations. Anything
 * else answers "not found", as for a conversation that does not exist.
 */
export function assertSameTenant(bot: Pick<Bot, 'tenant'>, staff: Pick<StaffMember, 'tenant'>, conversationId: string): void {
  if (staff.tenant !== bot.tenant) throw new NotFoundError(`conversation "${conversationId}"`);
}
