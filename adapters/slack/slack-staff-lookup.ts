import type { WebClient } from '@slack/web-api';
import type { StaffLookup } from '../../src/settings/settings-change.js';

/** A Slack user id (U… or, on Enterprise Grid, W…). */
export const SLACK_USER_ID = /^[UW][A-Z0-9]{2,30}$/;

/**
 * Finds the person a rule names through Slack (users.info with the caller's
 * workspace token): a member of that workspace (or of its Enterprise Grid
 * org), not deactivated, not a bot. Anyone else is nobody a rule can name.
 */
export function slackStaffLookup(client: WebClient, workspace: { teamId?: string; enterpriseId?: string }): StaffLookup {
  return async (reference) => {
    if (!SLACK_USER_ID.test(reference)) return null;
    let user;
    try {
      ({ user } = await client.users.info({ user: reference }));
    } catch (error) {
      if ((error as { data?: { error?: string } }).data?.error === 'user_not_found') return null;
      throw error;
    }
    if (!user || user.deleted || user.is_bot) return null;
    const sameTeam = !user.team_id || !workspace.teamId || user.team_id === workspace.teamId;
    const sameOrg = Boolean(workspace.enterpriseId) && user.enterprise_user?.enterprise_id === workspace.enterpriseId;
    if (!sameTeam && !sameOrg) return null;
    return {
      identity: { slackUserId: reference },
      name: user.profile?.display_name || user.real_name || user.name || reference,
      email: user.profile?.email ?? null,
    };
  };
}
