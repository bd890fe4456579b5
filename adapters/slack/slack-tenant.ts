import { OPERATOR_TENANT, tenantOrOperator, type Tenant } from '../../src/tenants/tenant.js';

/** The installation a verified Slack request came through (Bolt's context), or a stored installation. */
export interface SlackInstallationRef {
  teamId?: string | null;
  enterpriseId?: string | null;
  isEnterpriseInstall?: boolean;
}

export interface SlackTenancy {
  /** Installed per workspace (OAuth): each installation is a tenant of its own. */
  multiWorkspace: boolean;
  /** Tenants (`slack:T…`, `slack:E…`) that act as the operator. */
  operatorTenants: string[];
}

/**
 * The tenant of a Slack installation. With one bot token there is one
 * workspace, the operator's; installed in many, each workspace (or an
 * Enterprise Grid org installed org-wide) is its own tenant, unless the
 * operator named it as theirs.
 */
export function slackTenant(installation: SlackInstallationRef, tenancy: SlackTenancy): Tenant {
  if (!tenancy.multiWorkspace) return OPERATOR_TENANT;
  const id = installation.isEnterpriseInstall && installation.enterpriseId ? installation.enterpriseId : installation.teamId;
  // an installation we cannot name owns nothing
  return tenantOrOperator(id ? `slack:${id}` : 'slack:unknown', tenancy.operatorTenants);
}
