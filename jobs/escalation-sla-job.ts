import type { Agenda } from 'agenda';
import type { HandoverContext } from '../src/handover-context.js';
import { checkUnclaimedEscalation } from '../src/handover/check-unclaimed-escalation.js';
import type { SlaCheck } from '../src/ports/task-scheduler.js';

export const ESCALATION_SLA_JOB = 'escalation-sla';

/**
 * One Agenda job per unclaimed-escalation check. They are few (escalations
 * waiting right now, for minutes), unlike follow-up tasks, which are swept.
 */
export function defineEscalationSlaJob(agenda: Agenda, ctx: HandoverContext): void {
  agenda.define<SlaCheck>(ESCALATION_SLA_JOB, async (job) => {
    await checkUnclaimedEscalation(ctx, job.attrs.data);
  });
}

export function scheduleSlaCheckWith(agenda: Agenda) {
  return async (check: SlaCheck, at: Date): Promise<void> => {
    await agenda.schedule(at, ESCALATION_SLA_JOB, check);
  };
}
