import type { Agenda } from 'agenda';
import type { HandoverContext } from '../src/handover-context.js';
import { checkQuietHandover } from '../src/handover/check-quiet-handover.js';
import { checkUnclaimedEscalation } from '../src/handover/check-unclaimed-escalation.js';
import type { SlaCheck } from '../src/ports/task-scheduler.js';

export const ESCALATION_SLA_JOB = 'escalation-sla';

/**
 * One Agenda job per unclaimed-escalation or quiet-handover check. They are few (escalations
 * waiting right now, for minutes), unlike follow-up tasks, which are swept.
 */
export function defineEscalationSlaJob(agenda: Agenda, ctx: HandoverContext): void {
  agenda.define<SlaCheck>(ESCALATION_SLA_JOB, async (job) => {
    const check = job.attrs.data;
    if (check.stage === 'quiet') await checkQuietHandover(ctx, check);
    else await checkUnclaimedEscalation(ctx, check);
  });
}

export function scheduleSlaCheckWith(agenda: Agenda) {
  return async (check: SlaCheck, at: Date): Promise<void> => {
    await agenda.schedule(at, ESCALATION_SLA_JOB, check);
  };
}
