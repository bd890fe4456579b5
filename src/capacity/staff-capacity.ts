import type { Bot, StaffMember } from '../types.js';

export const DEFAULT_STAFF_CAPACITY = 5;

/** How many open conversations auto-assignment gives someone for a bot: the bot's setting, else their own, else 5. */
export function capacityOf(staff: Pick<StaffMember, 'capacity'>, bot: Pick<Bot, 'staffCapacity'>): number {
  return bot.staffCapacity ?? staff.capacity ?? DEFAULT_STAFF_CAPACITY;
}
