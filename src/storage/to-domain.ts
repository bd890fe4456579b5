import type { Bot, Conversation, HandoverRecord, Message, StaffMember, Task } from '../types.js';
import type {
  BotDocument,
  ConversationDocument,
  HandoverDocument,
  MessageDocument,
  StaffDocument,
  TaskDocument,
} from './handover-store.js';

/** Plain domain objects from lean documents: the rest of the code never sees `_id`. */

export function toBot(doc: BotDocument): Bot {
  return {
    id: doc._id,
    name: doc.name,
    labs: doc.labs,
    handover: doc.handover,
    slackChannel: doc.slackChannel ?? null,
    failedTurnsBeforeHandover: doc.failedTurnsBeforeHandover,
    knowledgeBase: doc.knowledgeBase ?? [],
    rules: doc.rules ?? [],
    updatedAt: doc.updatedAt,
  };
}

export function toConversation(doc: ConversationDocument): Conversation {
  return {
    id: doc._id,
    botId: doc.botId,
    status: doc.status,
    paused: doc.paused,
    tags: doc.tags ?? [],
    assignee: doc.assignee?.id ? { id: doc.assignee.id, name: doc.assignee.name } : null,
    customer: doc.customer ?? {},
    failedTurns: doc.failedTurns ?? 0,
    lastCustomerText: doc.lastCustomerText ?? null,
    lastHandoverId: doc.lastHandoverId ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function toMessage(doc: MessageDocument): Message {
  return {
    id: doc._id,
    conversationId: doc.conversationId,
    from: doc.from,
    text: doc.text,
    at: doc.at,
    author: doc.author?.id ? { id: doc.author.id, name: doc.author.name } : null,
  };
}

export function toTask(doc: TaskDocument): Task {
  return {
    id: doc._id,
    conversationId: doc.conversationId,
    botId: doc.botId,
    note: doc.note,
    dueAt: doc.dueAt,
    status: doc.status,
    assignee: doc.assignee?.id ? { id: doc.assignee.id, name: doc.assignee.name } : null,
  };
}

export function toHandoverRecord(doc: HandoverDocument): HandoverRecord {
  return {
    id: doc._id,
    conversationId: doc.conversationId,
    botId: doc.botId,
    trigger: doc.trigger,
    rule: doc.rule,
    reason: doc.reason,
    taskId: doc.taskId ?? null,
    at: doc.at,
  };
}

export function toStaffMember(doc: StaffDocument): StaffMember {
  return {
    id: doc._id,
    name: doc.name,
    email: doc.email ?? null,
    slackUserId: doc.slackUserId ?? null,
    teamsUserId: doc.teamsUserId ?? null,
    available: doc.available,
    notifyOnConversationAssigned: doc.notifyOnConversationAssigned,
    notifyOnTaskAssigned: doc.notifyOnTaskAssigned,
  };
}
