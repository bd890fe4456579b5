import { normalizeText } from '../text/normalize-text.js';

/**
 * The customer says the bot's last answer did not help ("that didn't help",
 * "not what I asked", "useless"). Only statements about the answer count:
 * "the app is not working" is a question, not feedback.
 */
const FEEDBACK =
  /^(no|nope|nah|hmm|ugh|sorry|well|but|ok|okay)?\s*(thats|that is|this is|that was|this was|it is|its|it was|your answer is|the answer is|answer is)?\s*(not|doesnt|didnt|does not|did not|wasnt|was not|isnt|is not)\s+(help|helpful|useful|answer|what i (asked|meant|wanted|need|needed)|right|correct|it|relevant|working for me)\b|\b(did not|didnt|does not|doesnt|didn t) (help|answer my question|answer the question|solve|fix|work for me)\b|^(useless|not helpful|unhelpful|wrong answer|thats wrong|that s wrong|no thats wrong|wrong|irrelevant|not useful|no help|you didnt understand|you dont understand|you are not helping|youre not helping|not what i asked)\b|\b(you (didnt|did not|dont|do not) understand( me| my question)?)\b|\bthat (answer )?(is|was) (useless|wrong|irrelevant|not helpful)\b|\bstill (not working|doesnt work|does not work|the same problem|confused)\b/;

export function isNegativeFeedback(text: string): boolean {
  const normalized = normalizeText(text);
  if (normalized.split(' ').length > 16) return false;
  return FEEDBACK.test(normalized);
}
