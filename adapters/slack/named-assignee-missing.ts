import { escapeMrkdwn } from './escape-mrkdwn.js';

/** The escalation post's line when the rule named someone who could not be found: whom it meant, and that it waits for a claim. */
export function namedAssigneeMissingMrkdwn(rule: string, person: string): string {
  const who = /^[UW][A-Z0-9]{2,30}$/.test(person) ? `<@${person}>` : `*${escapeMrkdwn(person)}*`;
  return `:warning: Rule *${escapeMrkdwn(rule)}* names ${who}, who could not be found; claim it.`;
}
