/** The domain's types, in the product's words. */

/** In precedence order: when several match one turn, the first listed is reported. */
export const TRIGGERS = ['contact_request', 'sensitive_topic', 'failed_resolution', 'lack_of_information'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export type ConversationStatus = 'bot' | 'waiting' | 'assigned' | 'resolved';
export type MessageAuthor = 'customer' | 'bot' | 'agent' | 'system';

export type Assignment = { mode: 'claim' } | { mode: 'user'; staff: string } | { mode: 'auto' };

export interface TaskAction {
  enabled: boolean;
  note: string;
  dueInMinutes: number;
}

export interface NotifyAction {
  slack: boolean;
  teams: boolean;
  email: string[];
  webhook: string | null;
}

/** What happens to an escalation nobody claims (unset: nothing). */
export interface EscalationSla {
  minutes: number;
  /** After a second `minutes`: nothing more, the next available staff member, or a post in a backup channel. */
  fallback: 'none' | 'auto' | 'backup';
  backupSlackChannel: string | null;
}

export interface HandoverRule {
  name: string;
  enabled: boolean;
  triggers: Trigger[];
  sensitiveTopics: string[];
  assign: Assignment;
  task: TaskAction;
  closingMessage: string;
  pauseBot: boolean;
  tags: string[];
  /** May be missing on rules stored before SLAs existed. */
  sla?: EscalationSla | null;
  /** With the team but silent this long: the bot takes over again (missing: never). */
  resumeBotAfterQuietMinutes?: number | null;
  notify: NotifyAction;
  /** Plain-language guidance for a bot's AI assistant: when it should hand over under this rule (missing: never on the assistant's say). */
  guidance?: string | null;
  /** Ask the customer "How did we do?" when the handover is resolved (missing: yes). */
  csat?: boolean;
}

export interface KnowledgeBaseEntry {
  id: string;
  questions: string[];
  answer: string;
}

export interface Bot {
  id: string;
  name: string;
  /** Who owns the bot (see src/tenants/tenant.ts): only that tenant's people see it, change it, and get its escalations. */
  tenant: string;
  labs: boolean;
  handover: boolean;
  slackChannel: string | null;
  /** The Slack workspace of slackChannel (set by /handover subscribe): whose token posts there when the app is installed in several. */
  slackTeamId: string | null;
  failedTurnsBeforeHandover: number;
  /** How sure the contact-request detector must be (its calibrated probability) before a message counts as asking for a person; unset: 0.5. */
  contactRequestThreshold?: number;
  knowledgeBase: KnowledgeBaseEntry[];
  /** An AI assistant answers instead of the knowledge base alone (missing: the knowledge base answers). Operator config only. */
  assistant?: AssistantConfig | null;
  rules: HandoverRule[];
  /** How many open conversations auto-assignment gives each person for this bot (unset: their own limit, else 5); see src/capacity/. */
  staffCapacity?: number | null;
  /** When the team works, in the bot's zone (null or missing: always open); see src/business-hours/. */
  businessHours?: BusinessHours | null;
  /** Counts the changes of labs, handover and rules (0 for bots stored before revisions): a settings form saves against the revision it showed. */
  revision: number;
  updatedAt: Date;
}

/** Someone from the team, as shown to customers and in posts. */
export interface Person {
  id: string;
  name: string;
}

export interface Customer {
  id?: string;
  name?: string;
  email?: string;
}

export interface Conversation {
  id: string;
  botId: string;
  status: ConversationStatus;
  paused: boolean;
  tags: string[];
  assignee: Person | null;
  customer: Customer;
  failedTurns: number;
  lastCustomerText: string | null;
  /** The latest handover of this conversation, if any. */
  lastHandoverId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Message {
  id: string;
  conversationId: string;
  from: MessageAuthor;
  text: string;
  at: Date;
  author: Person | null;
}

export type TaskStatus = 'open' | 'overdue' | 'done';

export interface Task {
  id: string;
  conversationId: string;
  botId: string;
  note: string;
  dueAt: Date;
  status: TaskStatus;
  assignee: Person | null;
}

export interface HandoverRecord {
  id: string;
  conversationId: string;
  botId: string;
  trigger: Trigger;
  rule: string;
  reason: string;
  /** For a contact request: whom the customer asked for, when they said (sales, billing, support, a role or a name). */
  department?: string | null;
  taskId: string | null;
  /** 1-3 sentences for the team: what the customer wants and what the bot tried (missing on handovers from before summaries). */
  summary?: string;
  at: Date;
  /** Set when it arrived out of business hours: when the team is back. */
  outOfHours?: OutOfHours | null;
  /** The person the rule names, who could not be found when it fired: the escalation waits for a claim, and says why. */
  namedAssigneeMissing?: string | null;
}

/** Weekdays as business hours name them. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A bot's opening hours: local times per weekday in its IANA zone, and closed days ('2026-12-25'). */
export interface BusinessHours {
  timeZone: string;
  weekly: Partial<Record<Weekday, OpenRange[]>>;
  holidays: string[];
}

/** One stretch of a day the team works, local wall-clock times ('09:00' to '17:00'; '24:00' is midnight at its end). */
export interface OpenRange {
  from: string;
  to: string;
}

/** Where a waiting customer stands in the bot's queue: "You are #3 — usually answered within ~6 min" (src/queue/). */
export interface QueueStanding {
  /** 1 for the oldest waiting handover of the bot. */
  position: number;
  /** Null when there were too few recent claims to say. */
  expectedWaitMinutes: number | null;
  /** Out of business hours: when the team is back ("Monday 9:00 (Berlin time)"); null while it works. */
  back: string | null;
}

/** A handover that came while the team was away: when it is back, as an instant and in words ("Monday 9:00 (Berlin time)"). */
export interface OutOfHours {
  backAt: Date | null;
  back: string | null;
}

export interface StaffMember {
  id: string;
  name: string;
  email: string | null;
  slackUserId: string | null;
  teamsUserId: string | null;
  /** The tenant whose installation they last acted through (null: not known since tenants exist). */
  tenant: string | null;
  available: boolean;
  /** How many open conversations auto-assignment gives them (unset: 5); a bot's staffCapacity overrides it. */
  capacity?: number | null;
  notifyOnConversationAssigned: boolean;
  notifyOnTaskAssigned: boolean;
}

/** What a customer turn produced, as the HTTP API reports it. */
export interface TurnResult {
  conversationId: string;
  status: ConversationStatus;
  paused: boolean;
  tags: string[];
  assignee: Person | null;
  replies: Array<{ id: string; from: MessageAuthor; text: string; at: Date }>;
  handover: { trigger: Trigger; rule: string; taskId: string | null; taskDueAt: Date | null } | null;
}

/**
 * A bot's AI assistant: any OpenAI-compatible Chat Completions endpoint. Set
 * only in the operator's config file (the endpoint is an outbound request and
 * the key an operator secret), never from Slack or Teams.
 */
export interface AssistantConfig {
  baseUrl: string;
  model: string;
  /** The environment variable holding the API key (none: a local model without a key). */
  apiKeyEnv: string | null;
  systemPrompt: string;
  temperature: number;
  /** The most a customer turn waits for the model; past it, the fallback answers. */
  timeoutMs: number;
  /** When the model is slow or down: the knowledge base's answer, or a handover as lack_of_information. */
  fallback: 'faq' | 'handover';
}
