import type { HandoverContext } from '../handover-context.js';
import type { StaffMember } from '../types.js';

export function findStaffMember(ctx: HandoverContext, staffId: string): Promise<StaffMember | null> {
  return ctx.staff.find(staffId);
}
