import type { RunningService } from '../../adapters/server/start-service.js';
import type { PostReference } from '../../src/ports/escalation-post-repository.js';

/**
 * What a running service stored, read through its repositories as the use
 * cases read it: integration tests never look at the database's documents.
 */
export function storedConversation(service: RunningService, conversationId: string) {
  return service.ctx.conversations.find(conversationId);
}

/** Where the conversation's escalation was posted, by platform (`slack`: channel and ts; `teams`: the card's activity). */
export function escalationPosts(service: RunningService, conversationId: string): Promise<Record<string, PostReference & Record<string, any>>> {
  return service.ctx.escalationPosts.postsOf(conversationId);
}

export function storedBot(service: RunningService, botId: string) {
  return service.ctx.bots.find(botId, { fresh: true });
}

/** The Teams channel a bot's escalations go to (null: none subscribed). */
export function teamsChannelOf(service: RunningService, botId: string) {
  return service.ctx.bots.teamsChannelOf(botId);
}

/** A staff member by their Slack or Teams user id, in a tenant (`operator` for a single-workspace Slack, `teams:<tenant id>`). */
export function storedStaff(service: RunningService, platformUserId: string, tenant: string) {
  return service.ctx.staff.findInTenant(platformUserId, tenant);
}
