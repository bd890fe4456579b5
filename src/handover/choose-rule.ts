import { matchSensitiveTopic } from '../detection/sensitive-topic.js';
import { TRIGGERS, type Bot, type HandoverRule, type Trigger } from '../types.js';

/** What one customer turn showed, for the rules to judge. */
export interface TurnSignals {
  text: string;
  contactRequest: boolean;
  /** Whom a contact request asks for, when the customer said (sales, billing, support, a role or a name). */
  department?: string | null;
  /** The bot had no confident answer. */
  unanswered: boolean;
  confidence: number;
  /** Failed turns so far, this one included. */
  failedTurns: number;
  /** Why the bot could not answer, when it said (an AI assistant's "I can't answer this"). */
  unansweredReason?: string;
  /** An AI assistant asked for a person under this rule's guidance, for this reason. */
  guidance?: { rule: string; reason: string } | null;
  /** The topic of a rule's list the text touches, when the turn matched it already (see sensitiveTopicsOnce). */
  sensitiveTopic?: (rule: HandoverRule) => string | null;
}

/** A turn's sensitive-topic matches, each rule's worked out once however many times the turn judges the rules. */
export function sensitiveTopicsOnce(text: string): (rule: HandoverRule) => string | null {
  const found = new Map<HandoverRule, string | null>();
  return (rule) => {
    let topic = found.get(rule);
    if (topic === undefined) {
      topic = matchSensitiveTopic(text, rule.sensitiveTopics);
      found.set(rule, topic);
    }
    return topic;
  };
}

export interface RuleDecision {
  rule: HandoverRule;
  trigger: Trigger;
  reason: string;
  department?: string | null;
  /** The team's summary, when whoever decided wrote one (a handing-off bot); otherwise the handover writes it. */
  summary?: string;
}

/**
 * The first enabled rule whose triggers match runs; of its matching
 * triggers, the one reported follows the spec's precedence (TRIGGERS order).
 * Nothing fires unless the bot has Labs and handover switched on.
 */
export function chooseRule(bot: Bot, signals: TurnSignals): RuleDecision | null {
  if (!bot.labs || !bot.handover) return null;
  for (const rule of bot.rules) {
    if (!rule.enabled) continue;
    for (const trigger of TRIGGERS) {
      if (!rule.triggers.includes(trigger)) continue;
      const reason = reasonFor(trigger, rule, bot, signals);
      if (reason) return trigger === 'contact_request' && signals.department ? { rule, trigger, reason, department: signals.department } : { rule, trigger, reason };
    }
    // the assistant judged this rule's guidance to apply: the rule runs as for its foremost trigger, with the assistant's reason
    if (signals.guidance?.rule === rule.name) {
      const trigger = TRIGGERS.find((candidate) => rule.triggers.includes(candidate));
      if (trigger) return { rule, trigger, reason: signals.guidance.reason };
    }
  }
  return null;
}

function reasonFor(trigger: Trigger, rule: HandoverRule, bot: Bot, signals: TurnSignals): string | null {
  switch (trigger) {
    case 'contact_request':
      if (!signals.contactRequest) return null;
      return signals.department ? `The customer asked to talk to a person (${signals.department}).` : 'The customer asked to talk to a person.';
    case 'sensitive_topic': {
      const topic = !signals.text ? null : signals.sensitiveTopic ? signals.sensitiveTopic(rule) : matchSensitiveTopic(signals.text, rule.sensitiveTopics);
      return topic ? `The message touches a sensitive topic: ${topic}.` : null;
    }
    case 'failed_resolution':
      return signals.failedTurns >= bot.failedTurnsBeforeHandover
        ? `The bot failed to help ${signals.failedTurns} times.`
        : null;
    case 'lack_of_information':
      if (!signals.unanswered) return null;
      return signals.unansweredReason ?? `The bot had no confident answer (confidence ${signals.confidence.toFixed(2)}).`;
  }
}
