import { InvalidInputError, NotFoundError } from '../errors.js';
import type { HandoverContext } from '../handover-context.js';
import { assertStaffOfConversation } from '../tenants/assert-staff-of-bot.js';
import { DEFAULT_TAG } from '../rules/handover-rule-schema.js';
import { plainConversation } from '../conversation/plain-conversation.js';
import { createFollowUpTask } from '../tasks/create-follow-up-task.js';
import type { StaffMember } from '../types.js';
import { resolveConversation } from './resolve-conversation.js';
import { transferConversation } from './transfer-conversation.js';

export const THREAD_COMMANDS = ['resolve', 'return', 'transfer', 'tag', 'task'] as const;

export const THREAD_COMMANDS_HELP = '`resolve`, `return` (to the bot), `transfer @someone`, `tag <tag>`, `task <30m|2h|1d> <note>`';

export interface ThreadCommand {
  conversationId: string;
  staff: StaffMember;
  /** The words after the command's name: `resolve`, `tag vip`, `task 2h call back`. */
  text: string;
  /** For transfer: the person mentioned, as the platform resolved them. */
  transferTo: StaffMember | null;
}

export function isThreadCommand(text: string): boolean {
  const word = text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return (THREAD_COMMANDS as readonly string[]).includes(word);
}

const TAG = /^[\p{L}\p{N}_-]{1,40}$/u;
const WHEN = /^(\d{1,4})(m|min|h|d)$/i;

/** Acts on one conversation from its thread; the answer is for the person who asked. */
export async function runThreadCommand(ctx: HandoverContext, command: ThreadCommand): Promise<string> {
  const [word = '', ...rest] = command.text.trim().split(/\s+/);
  const { conversationId, staff } = command;
  await assertStaffOfConversation(ctx, conversationId, staff);
  switch (word.toLowerCase()) {
    case 'resolve':
      await resolveConversation(ctx, conversationId, staff);
      return 'Resolved: the bot has the conversation back and the customer was told.';
    case 'return':
      await resolveConversation(ctx, conversationId, staff, 'returned');
      return 'Handed back to the bot: the customer was told they can ask for a person again.';
    case 'transfer': {
      if (!command.transferTo) throw new InvalidInputError('Say who to transfer to: `transfer @someone`.');
      const conversation = await transferConversation(ctx, conversationId, staff, command.transferTo);
      return `${conversation.assignee?.name ?? command.transferTo.name} has the conversation now.`;
    }
    case 'tag': {
      const tag = rest[0] ?? '';
      if (!TAG.test(tag)) throw new InvalidInputError(`A tag is 1-40 letters, digits, "_" or "-" (like \`${DEFAULT_TAG}\`).`);
      const updated = await ctx.conversations.update(conversationId, { addTags: [tag] });
      if (!updated) throw new NotFoundError(`conversation "${conversationId}"`);
      await ctx.notifier.conversationChanged({ conversation: plainConversation(updated), change: 'updated', by: staff });
      return `Tagged \`${tag}\`.`;
    }
    case 'task': {
      const when = WHEN.exec(rest[0] ?? '');
      const note = rest.slice(1).join(' ').trim();
      if (!when || !note) throw new InvalidInputError('Usage: `task <30m|2h|1d> <note>`.');
      const minutes = Number(when[1]) * ({ m: 1, min: 1, h: 60, d: 24 * 60 }[when[2]!.toLowerCase()] ?? 1);
      const current = await ctx.conversations.find(conversationId);
      if (!current) throw new NotFoundError(`conversation "${conversationId}"`);
      const task = await createFollowUpTask(ctx, {
        conversationId,
        botId: current.botId,
        note: note.slice(0, 500),
        dueAt: new Date(ctx.now().getTime() + minutes * 60_000),
        assignee: { id: staff.id, name: staff.name },
      });
      const updated = await ctx.conversations.update(conversationId, { addTaskId: task.id });
      await ctx.notifier.conversationChanged({ conversation: plainConversation(updated!), change: 'updated', by: staff });
      return `Task set for ${task.dueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC: ${task.note}`;
    }
    default:
      throw new InvalidInputError(`In an escalation's thread: ${THREAD_COMMANDS_HELP}.`);
  }
}
