import { handoverRuleSchema } from '../../src/rules/handover-rule-schema.js';
import type { Bot } from '../../src/types.js';

/** A bot as the domain sees it, Labs and handover on, with these rules (defaults filled in) and any field overridden. */
export function testBot(rules: Array<Record<string, unknown>>, overrides: Partial<Bot> = {}): Bot {
  return {
    id: 'b',
    name: 'B',
    tenant: 'operator',
    labs: true,
    handover: true,
    slackChannel: null,
    slackTeamId: null,
    failedTurnsBeforeHandover: 2,
    knowledgeBase: [],
    rules: rules.map((rule) => handoverRuleSchema.parse(rule)),
    revision: 0,
    updatedAt: new Date(0),
    ...overrides,
  };
}
