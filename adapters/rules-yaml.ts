import { stringify as toYaml } from 'yaml';
import { parseConfigYaml } from '../src/config/config-text.js';
import { handoverRulesSchema } from '../src/rules/handover-rule-schema.js';
import type { HandoverRule } from '../src/types.js';

/**
 * A bot's rules as YAML, for Slack's "Advanced (YAML)" modal: every field of
 * every rule, checked on save with the same schema as the config file. Whole:
 * a view that cannot hold it all must not offer it (a cut list saved back
 * would lose rules).
 */
export function rulesToYaml(rules: HandoverRule[]): string {
  return toYaml(rules, { collectionStyle: 'flow', lineWidth: 0 }).replace(/\}, \{/g, '},\n{');
}

/**
 * The most a submission may hold: Slack's field takes 3,000 characters, but a
 * view submission is whatever its sender posts. Real rule sets are a few KB.
 */
export const MAX_SUBMITTED_RULES_CHARS = 64 * 1024;

/** The submitted rules, or the message to show under the field. */
export function parseSubmittedRules(yaml: string): { rules: HandoverRule[] } | { error: string } {
  if (yaml.length > MAX_SUBMITTED_RULES_CHARS) return { error: `The rules are longer than ${MAX_SUBMITTED_RULES_CHARS} characters.` };
  let raw: unknown;
  try {
    raw = parseConfigYaml(yaml);
  } catch (error) {
    return { error: `Not valid YAML: ${(error as Error).message.split('\n')[0]}` };
  }
  const parsed = handoverRulesSchema.safeParse(raw ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [index, ...field] = issue.path;
    const place = typeof index === 'number' ? `Rule ${index + 1}${field.length ? `, ${field.join('.')}` : ''}: ` : '';
    return { error: `${place}${issue.message}` };
  }
  return { rules: parsed.data };
}
