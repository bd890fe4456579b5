import type { HandoverContext } from '../handover-context.js';
import type { PersonalChatReference } from '../ports/staff-repository.js';

/** Remembers where to reach a staff member 1:1 in Teams (where assignments and reminders reach them). */
export async function rememberTeamsPersonalChat(ctx: HandoverContext, staffId: string, reference: PersonalChatReference): Promise<void> {
  await ctx.staff.setTeamsPersonalChat(staffId, reference);
}

export function teamsPersonalChatOf(ctx: HandoverContext, staffId: string): Promise<PersonalChatReference | null> {
  return ctx.staff.teamsPersonalChatOf(staffId);
}
