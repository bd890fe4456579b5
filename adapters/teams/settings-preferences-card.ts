import { z } from 'zod';
import type { StaffMember } from '../../src/types.js';
import { adaptiveCard, noteBlock, type CardNote } from './settings-card.js';

export const SAVE_PREFERENCES_VERB = 'preferences_save';

/** A staff member's own notification preferences and availability, in their 1:1 chat with the bot. */
export function preferencesCard(staff: StaffMember, note: CardNote | null = null) {
  const toggle = (id: string, title: string, on: boolean) => ({ type: 'Input.Toggle', id, title, value: on ? 'true' : 'false', valueOn: 'true', valueOff: 'false' });
  return adaptiveCard(
    [
      { type: 'TextBlock', text: `Your Handover notifications, ${staff.name}`, weight: 'Bolder', size: 'Medium', wrap: true },
      ...noteBlock(note),
      { type: 'TextBlock', text: 'Send me a message here', wrap: true },
      toggle('notifyOnConversationAssigned', 'When a conversation gets assigned to me', staff.notifyOnConversationAssigned),
      toggle('notifyOnTaskAssigned', 'When a task gets assigned to me', staff.notifyOnTaskAssigned),
      { type: 'TextBlock', text: 'Availability', wrap: true, separator: true },
      toggle('available', 'Available: auto-assigned conversations can come to me', staff.available),
    ],
    [{ type: 'Action.Execute', title: 'Save', verb: SAVE_PREFERENCES_VERB, data: {} }],
  );
}

const toggleValue = z.union([z.enum(['true', 'false']), z.boolean()]).transform((value) => value === true || value === 'true');

/** What a save may carry: the three toggles, each optional (a missing one is left as it is). */
export const preferencesInputSchema = z.object({
  notifyOnConversationAssigned: toggleValue.optional(),
  notifyOnTaskAssigned: toggleValue.optional(),
  available: toggleValue.optional(),
});
