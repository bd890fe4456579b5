import type { Activity } from 'botbuilder';
import { OPERATOR_TENANT, tenantOrOperator, type Tenant } from '../../src/tenants/tenant.js';

export interface TeamsTenancy {
  /** Local/emulator mode (no app id, opted in): this machine only, the operator's. */
  localMode: boolean;
  /** A single-tenant app's own Microsoft 365 tenant: the operator's. */
  appTenantId: string;
  /** Tenants (`teams:<tenant id>`) that act as the operator. */
  operatorTenants: string[];
}

/**
 * The tenant of a Teams activity. Its tenant id comes with an activity whose
 * JWT the Bot Framework signed (botbuilder checks it before the turn runs).
 */
export function teamsTenant(activity: Pick<Activity, 'conversation' | 'channelData'>, tenancy: TeamsTenancy): Tenant {
  if (tenancy.localMode) return OPERATOR_TENANT;
  const id = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  if (typeof id !== 'string' || !id) return 'teams:unknown';
  if (tenancy.appTenantId && id === tenancy.appTenantId) return OPERATOR_TENANT;
  return tenantOrOperator(`teams:${id}`, tenancy.operatorTenants);
}
