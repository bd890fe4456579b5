import { TeamsInfo, type TurnContext } from 'botbuilder';
import { HandoverError } from '../../src/errors.js';

/** Someone the team's roster knows, as Teams describes them. */
export interface RosterMember {
  /** The Microsoft Entra object id: what Handover knows Teams people by. */
  teamsUserId: string;
  name: string;
  email: string | null;
}

/** How long a roster lookup may take before the save is refused as "try again". */
export const ROSTER_TIMEOUT_MS = 10_000;

/** The roster could not be asked (not a "no such person"): the save is refused, to be tried again. */
export class RosterUnavailableError extends HandoverError {
  constructor(message: string) {
    super('platform_unavailable', message);
  }
}

/**
 * Looks a person up in the roster of the team (or chat) the card was used
 * in: `TeamsInfo.getMember` takes an Entra object id, a Teams user id or a
 * user principal name. Null when Teams says there is no such member.
 */
export async function findRosterMember(turn: TurnContext, reference: string, timeoutMs = ROSTER_TIMEOUT_MS): Promise<RosterMember | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RosterUnavailableError('the Teams roster did not answer in time')), timeoutMs);
  });
  try {
    // a read: nothing to dedupe, and the person is told to try again rather than kept waiting for retries
    const member = await Promise.race([TeamsInfo.getMember(turn, reference), timeout]);
    const teamsUserId = member.aadObjectId || member.id;
    if (!teamsUserId) return null;
    return { teamsUserId, name: member.name || member.givenName || reference, email: member.email || member.userPrincipalName || null };
  } catch (error) {
    if (isNotFound(error)) return null;
    if (error instanceof RosterUnavailableError) throw error;
    throw new RosterUnavailableError(`the Teams roster could not be read (${(error as { statusCode?: number }).statusCode ?? 'no answer'})`);
  } finally {
    clearTimeout(timer);
  }
}

function isNotFound(error: unknown): boolean {
  const failure = error as { statusCode?: number; code?: string; body?: { error?: { code?: string } } };
  return failure?.statusCode === 404 || failure?.statusCode === 400 || failure?.code === 'MemberNotFoundInConversation' || failure?.body?.error?.code === 'MemberNotFoundInConversation';
}
