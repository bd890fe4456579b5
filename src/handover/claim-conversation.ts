import { appendMessages, newMessage } from '../conversation/append-message.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { assertStaffOfConversation } from '../tenants/assert-staff-of-bot.js';
import { leaveQueue } from '../queue/queue-standing.js';
import { plainConversation } from '../conversation/plain-conversation.js';
import { loadTasks } from '../tasks/task-state.js';
import { seatHolderOf } from '../capacity/seats.js';
import { recordHandoverClaimed } from '../stats/record-handover-facts.js';
import type { Conversation, Person, StaffMember } from '../types.js';

export type ClaimOutcome =
  | { won: true; conversation: Conversation }
  | { won: false; conversation: Conversation; heldBy: Person | null };

/**
 * First to claim wins: one unique-key decision per handover settles it,
 * however many staff click at once and on whichever replica.
 */
export async function claimConversation(ctx: HandoverContext, conversationId: string, staff: StaffMember): Promise<ClaimOutcome> {
  const current = await ctx.conversations.find(conversationId);
  if (!current) throw new NotFoundError(`conversation "${conversationId}"`);
  await assertStaffOfConversation(ctx, conversationId, staff, current.botId);
  if (current.status === 'assigned') return { won: false, conversation: plainConversation(current), heldBy: current.assignee };
  if (current.status !== 'waiting') {
    throw new ConflictError(`conversation "${conversationId}" is not waiting for the team (it is ${current.status})`);
  }

  const person: Person = { id: staff.id, name: staff.name };
  const decision = await ctx.decisions.decideOnce(`claim:${conversationId}:${current.lastHandoverId}`, { ...person });
  if (!decision.won) {
    const heldBy = { id: String(decision.winner.id), name: String(decision.winner.name) };
    return { won: false, conversation: plainConversation(current), heldBy };
  }
  const joined = newMessage(ctx, conversationId, 'system', `${staff.name} from the team joined the conversation.`);
  const conversation = await appendMessages(ctx, conversationId, [joined], { status: 'assigned', assignee: person });
  ctx.log.info({ conversationId, staffId: staff.id }, 'conversation claimed');
  await leaveQueue(ctx, current, true);
  await Promise.all([seatHolderOf(ctx, current, staff), recordHandoverClaimed(ctx, current)]);
  const handedOverAt = current.handovers.at(-1)?.at;
  if (handedOverAt) ctx.metrics.claimed({ botId: current.botId, waitedMs: ctx.now().getTime() - new Date(handedOverAt).getTime() });
  ctx.events.publish(conversationId, { type: 'status', status: conversation.status, paused: conversation.paused, assignee: person });
  await ctx.notifier.conversationChanged({ conversation, change: 'claimed', by: staff });

  // Open follow-up tasks nobody was named for now belong to whoever claimed the conversation.
  const tasks = await loadTasks(ctx, current.taskIds, person);
  for (const task of tasks.filter((task) => task.status !== 'done' && task.assignee?.id === staff.id)) {
    await ctx.notifier.assigned({ staff, conversation, task, kind: 'task' });
  }
  return { won: true, conversation };
}
