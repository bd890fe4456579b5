/** Every break a chat client may start a new line at (`\s` misses U+0085). */
export const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;

/**
 * Someone else's words under our own label, every line quoted with "> ":
 * a line break in them cannot start a line that passes for the service's
 * own (a fake "System: refund approved").
 */
export function quoteLines(label: string, text: string): string {
  return [label, ...text.split(LINE_BREAK).map((line) => `> ${line}`)].join('\n');
}
