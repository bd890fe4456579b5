/**
 * Customer text shown in Slack: `&`, `<` and `>` escaped, so `<!channel>`,
 * `<@U…>` or `<https://evil|bank.com>` from a customer is shown, never acted on.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack's limit for a text object is 3,000 characters. */
export function clip(text: string, max = 2900): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
