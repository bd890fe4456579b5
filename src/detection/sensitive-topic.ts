import { normalizeText } from '../text/normalize-text.js';
import { normalizedMessage } from './normalized-message.js';

export const DEFAULT_SENSITIVE_TOPICS: readonly string[] = [
  'payment dispute',
  'chargeback',
  'refund',
  'legal',
  'cancellation',
  'complaint',
  'self-harm',
];

/**
 * Words and phrases that mean a default topic beyond its own words. Each
 * alternative is a list of word stems that must all appear, in any order.
 */
const TOPIC_MEANINGS: Record<string, string[][]> = {
  'payment dispute': [['disput', 'fee'], ['never', 'authori'], ['not', 'authori'], ['wrong', 'amount'], ['bill', 'wrong'], ['money', 'twice'], ['charg', 'wasnt', 'me'], ['never', 'agre', 'pay'], ['disput', 'charg'], ['disput', 'payment'], ['disput', 'transact'], ['unauthori', 'charg'], ['didnt', 'authori'], ['charg', 'twice'], ['doubl', 'charg'], ['overcharg'], ['wrong', 'charg'], ['fraudul', 'charg']],
  chargeback: [['chargeback'], ['charg', 'back'], ['revers', 'charg'], ['revers', 'payment'], ['bank', 'revers']],
  refund: [['refund'], ['money', 'back'], ['reimburs'], ['repay'], ['reembols'], ['rembours'], ['ruckerstatt'], ['erstatt'], ['devolu', 'dinero'], ['reembolso']],
  legal: [['legal'], ['lawyer'], ['attorney'], ['sue'], ['suing'], ['lawsuit'], ['court'], ['solicitor'], ['litigat'], ['gdpr'], ['abogado'], ['avocat'], ['anwalt'], ['advogado']],
  cancellation: [['cancel'], ['terminat', 'subscript'], ['terminat', 'contract'], ['terminat', 'account'], ['unsubscrib'], ['end', 'subscript'], ['stop', 'subscript'], ['close', 'account'], ['cancelar'], ['annuler'], ['kundig']],
  complaint: [['complain'], ['complaint'], ['unacceptabl'], ['disgrac'], ['outrag'], ['terribl', 'servic'], ['worst', 'servic'], ['reclam'], ['beschwer'], ['queja']],
  'self-harm': [['hurt', 'myself'], ['kill', 'myself'], ['killing', 'myself'], ['ending', 'my', 'life'], ['harm', 'myself'], ['self', 'harm'], ['suicid'], ['end', 'my', 'life'], ['want', 'to', 'die'], ['cut', 'myself'], ['take', 'my', 'own', 'life'], ['not', 'worth', 'living']],
};

const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'and', 'or', 'for', 'in', 'on', 'my', 'your', 'with']);

/**
 * Crude stemming: enough for inflections of topic words ("refunded",
 * "refunds", "cancelling", "cancellation" → "cancel", "disputes" → "disput").
 */
export function stem(word: string): string {
  let w = word;
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ments', 'ment', 'led', 'ed', 'es', 's', 'e']) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  // cancell → cancel, charg stays
  return w.replace(/(.)\1$/, '$1');
}

function meaningsOf(topic: string): string[][] {
  const normalized = normalizeText(topic);
  const own = normalized
    .split(' ')
    .filter((word) => word && !STOP_WORDS.has(word))
    .map(stem);
  return [own, ...(TOPIC_MEANINGS[normalized.replace(/ /g, ' ')] ?? TOPIC_MEANINGS[topic.toLowerCase()] ?? [])];
}

/** Short parts match whole words only ("court" is not "courtesy"); longer ones match as prefixes ("refund" → "refunded"). */
function partMatches(part: string, stemmed: string, word: string): boolean {
  return part.length <= 5 ? stemmed === part || word === part : stemmed.startsWith(part) || word.startsWith(part);
}

/**
 * Whether all of a meaning's parts appear among the message's words. Plain
 * loops: this runs for each topic's every meaning on every customer message,
 * and the closures of `every`/`some` were an eighth of what a turn allocated.
 */
function meaningIn(meaning: string[], stems: string[], words: string[]): boolean {
  if (meaning.length === 0) return false;
  for (const part of meaning) {
    let found = false;
    for (let i = 0; i < stems.length && !found; i++) found = partMatches(part, stems[i]!, words[i]!);
    if (!found) return false;
  }
  return true;
}

const meaningCache = new Map<string, string[][]>();

// "sue" is legal only as a verb (I'll sue you, going to sue), not as a name (my name is Sue, Sue booked it)
const BEFORE_SUE_THE_VERB = new Set(['will', 'ill', 'to', 'gonna', 'can', 'could', 'should', 'might', 'must', 'would', 'we', 'i', 'they', 'and', 'or', 'not', 'then', 'shall', 'lets']);
const AFTER_SUE_THE_VERB = new Set(['you', 'your', 'them', 'the', 'this', 'for', 'u', 'ya', 'yall', 'everyone', 'somebody', 'over']);
// a capital S in mid-sentence, or "Sue" opening a sentence that goes on with anything but whom to sue
const SUE_THE_NAME = /[\p{Ll},]\s+Sue\b|^Sue\b(?!\s+(you|them|your|the)\b)/u;
// a court to play on or eat at is not a court of law
const COURT_OF_PLAY = new Set(['tennis', 'basketball', 'food', 'squash', 'badminton', 'volleyball', 'padel', 'netball', 'handball']);

/**
 * Words that look like a topic's but are not: Sue the name, a tennis court,
 * noise-cancelling headphones, "no complaints". They are blanked so no
 * meaning can use them.
 */
function withoutLookAlikes(words: string[], sueIsAName: boolean): string[] {
  return words.map((word, i) => {
    const before = words[i - 1] ?? '';
    const after = words[i + 1] ?? '';
    if (word === 'sue' && (sueIsAName || (!BEFORE_SUE_THE_VERB.has(before) && !AFTER_SUE_THE_VERB.has(after)))) return '';
    if (word === 'court' && COURT_OF_PLAY.has(before)) return '';
    if (before === 'noise' && word.startsWith('cancel')) return '';
    if (before === 'no' && word.startsWith('complaint')) return '';
    return word;
  });
}

/**
 * The first of the rule's topics the message touches, as written in the
 * rule, or null. A topic matches when all its content words appear
 * (inflected, any order), or one of its known paraphrases does.
 */
export function matchSensitiveTopic(text: string, topics: readonly string[]): string | null {
  const words = withoutLookAlikes(normalizedMessage(text).split(' ').filter(Boolean), SUE_THE_NAME.test(text));
  if (words.length === 0) return null;
  const stems = words.map(stem);
  for (const topic of topics) {
    let meanings = meaningCache.get(topic);
    if (!meanings) {
      meanings = meaningsOf(topic);
      meaningCache.set(topic, meanings);
    }
    for (const meaning of meanings) {
      if (meaningIn(meaning, stems, words)) return topic;
    }
  }
  return null;
}
