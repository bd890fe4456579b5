import { LINE_BREAK } from '../../src/text/quote-lines.js';

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


/** Text someone else wrote, on one line: a line break in it cannot start a line that looks like one of ours. */
export function oneLine(text: string): string {
  return text.replace(/[\s\u0085]+/g, ' ').trim();
}

const LOOKALIKE: Record<string, string> = { '*': '\u2217', _: '\uFF3F', '~': '\u223C', '`': '\u02CB' };

/**
 * For a message's fallback text where markup parsing cannot be turned off
 * (chat.update): mrkdwn has no escape for `*`, `_`, `~` and `` ` ``, so they
 * become look-alikes that pair with nothing. Blocks show the real characters.
 */
export function withoutMarkup(text: string): string {
  return text.replace(/[*_~`]/g, (char) => LOOKALIKE[char]!);
}

/** How much of a line goes in one piece, so that even fully escaped it fits a text object. */
const LINE_PIECE = 500;

/**
 * A customer's message for `plain_text` objects, every line quoted with
 * "> ". Slack never parses plain text for formatting, so `*Bot:*` stays
 * asterisks; the quote marks on every line mean a line break cannot
 * start a line that passes for the service's own. Escaped like all our
 * text (Slack shows the three entities as the characters), and split
 * into pieces that each fit a text object.
 */
export function quotedPlainText(text: string, maxPieces = 10): string[] {
  const lines: string[] = [];
  for (const line of text.split(LINE_BREAK)) {
    const chars = Array.from(line);
    for (let at = 0; at === 0 || at < chars.length; at += LINE_PIECE) {
      lines.push(`&gt; ${escapeMrkdwn(chars.slice(at, at + LINE_PIECE).join(''))}`);
    }
  }
  const pieces: string[] = [];
  let piece = '';
  for (const line of lines) {
    if (piece && piece.length + 1 + line.length > 2900) {
      pieces.push(piece);
      piece = line;
    } else {
      piece = piece ? `${piece}\n${line}` : line;
    }
  }
  pieces.push(piece);
  if (pieces.length > maxPieces) {
    pieces.length = maxPieces;
    pieces[maxPieces - 1] += '\n&gt; …';
  }
  return pieces;
}
