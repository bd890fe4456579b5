import { OPERATOR_TENANT } from '../../src/tenants/tenant.js';
import type { Bot, Conversation, Message, StaffMember, Task } from '../../src/types.js';
import type { BotDocument, ConversationDocument, StaffDocument, TaskDocument } from './handover-store.js';

/** Plain domain objects from lean documents: the rest of the code never sees `_id`. */

export function toBot(doc: BotDocument): Bot {
  return {
    id: doc._id,
    name: doc.name,
    tenant: doc.tenant ?? OPERATOR_TENANT,
    labs: doc.labs,
    handover: doc.handover,
    slackChannel: doc.slackChannel ?? null,
    slackTeamId: doc.slackTeamId ?? null,
    failedTurnsBeforeHandover: doc.failedTurnsBeforeHandover,
    ...(typeof doc.contactRequestThreshold === 'number' ? { contactRequestThreshold: doc.contactRequestThreshold } : {}),
    ...(typeof doc.staffCapacity === 'number' ? { staffCapacity: doc.staffCapacity } : {}),
    businessHours: doc.businessHours ?? null,
    knowledgeBase: doc.knowledgeBase ?? [],
    ...(doc.assistant ? { assistant: doc.assistant } : {}),
    rules: doc.rules ?? [],
    revision: doc.revision ?? 0,
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

export function toStaffMember(doc: StaffDocument): StaffMember {
  return {
    id: doc._id,
    name: doc.name,
    email: doc.email ?? null,
    slackUserId: doc.slackUserId ?? null,
    teamsUserId: doc.teamsUserId ?? null,
    tenant: doc.tenant ?? null,
    available: doc.available,
    capacity: doc.capacity ?? null,
    notifyOnConversationAssigned: doc.notifyOnConversationAssigned,
    notifyOnTaskAssigned: doc.notifyOnTaskAssigned,
  };
}
