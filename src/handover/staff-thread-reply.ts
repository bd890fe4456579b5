import { HandoverError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import type { Message, StaffMember } from '../types.js';
import { postAgentReply } from './post-agent-reply.js';

/** A thread message starting like this stays among the team. */
const INTERNAL_NOTE = /^\s*(\/\/|note:)/i;

export type StaffThreadReply =
  | { kind: 'relayed'; message: Message }
  /** `//` or `note:`: for the team only. */
  | { kind: 'note' }
  /** Not relayed, and the writer should hear why. */
  | { kind: 'refused'; reason: string };

/**
 * Someone wrote in an escalation's thread. Only the holder's words reach the
 * customer, and not their internal notes; anyone else's stay in the thread
 * and they are told so.
 */
export async function handleStaffThreadReply(ctx: HandoverContext, conversationId: string, staff: StaffMember, text: string): Promise<StaffThreadReply> {
  if (INTERNAL_NOTE.test(text)) return { kind: 'note' };
  try {
    return { kind: 'relayed', message: await postAgentReply(ctx, conversationId, staff, text) };
  } catch (error) {
    if (error instanceof HandoverError) return { kind: 'refused', reason: error.message };
    throw error;
  }
}
