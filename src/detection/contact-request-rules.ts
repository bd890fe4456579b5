import { normalizeText } from '../text/normalize-text.js';

/**
 * Does the customer ask to talk to a person? Scored patterns over normalised
 * words: a request (talk, speak, connect, transfer, give me…) aimed at a
 * person (human, agent, representative, someone from the team…), or a person
 * word standing alone ("agent!", "real human pls"). Look-alikes are ruled out
 * first: third parties ("my travel agent", "human resources"), curiosity
 * ("are you a human?"), and talk about how the bot speaks ("speak slower").
 */

const PERSON = [
  'human', 'humans', 'person', 'people', 'agent', 'agents', 'representative', 'representatives', 'rep', 'operator',
  'someone', 'somebody', 'employee', 'employees', 'staff', 'manager', 'supervisor', 'advisor', 'adviser', 'consultant',
  'associate', 'humano', 'persona', 'agente', 'asesor', 'operador', 'pessoa', 'atendente', 'humain', 'personne',
  'conseiller', 'conseillere', 'mensch', 'menschen', 'mitarbeiter', 'mitarbeiterin', 'berater', 'kundendienst',
];
const PERSON_PHRASES = [
  'customer service', 'customer support', 'customer care', 'support team', 'support staff', 'live chat', 'live support',
  'real person', 'real human', 'live agent', 'live person', 'service agent', 'support agent', 'your team', 'the team',
  'servicio al cliente', 'atencion al cliente', 'service client', 'service clientele', 'atendimento',
];
const REQUEST = [
  'talk', 'speak', 'chat', 'connect', 'transfer', 'put', 'get', 'give', 'hand', 'handoff', 'escalate', 'reach', 'contact',
  'need', 'want', 'wanna', 'rather', 'prefer', 'ask', 'request', 'hablar', 'quiero', 'necesito',
  'parler', 'veux', 'voudrais', 'sprechen', 'mochte', 'mochte', 'will', 'falar', 'quero', 'preciso', 'gostaria', 'comunicar',
  'pasar', 'passer', 'transferir', 'took', 'tlak', 'spek', 'speek',
];
// Words after a person word that make it someone else's (my travel agent said…), or not a person at all.
const NOT_OUR_PERSON_AFTER = new Set(['meeting', 'meetings', 'party', 'resources', 'rights', 'nature', 'body', 'being', 'beings', 'error', 'race', 'trafficking', 'of', 'uber', 'table', 'reservation', 'ride', 'tent', 'room']);
const NOT_OUR_PERSON_BEFORE = new Set(['my', 'his', 'her', 'their', 'our', 'travel', 'estate', 'insurance', 'secret', 'real estate', 'free', 'cleaning', 'double', 'which', 'what', 'each', 'per', 'every', 'first', 'missing', 'average', 'bank', 'fbi', 'cia', 'sports', 'booking', 'smooth', 'one', 'for', 'single', 'per', 'each', 'like', 'normal']);
// "are you a human?", "am I talking to a person", "is this a bot": curiosity about us.
const CURIOSITY = /\b(are|r) (you|u) (a |an )?(real |really )?(human|person|bot|robot|ai|machine|computer)|\b(am i|are we) (talking|chatting|speaking) (to|with) (a |an )?(real )?(human|person|bot|robot|machine|computer|ai)|\bis (this|that|it) (a |an )?(real )?(human|person|bot|robot|machine)\b|\bif (you are|youre) (a |an )?(real )?(human|person|bot)|\b(you are|youre) (a )?(human|person|bot|robot|computer)\b|\bhuman or (a |an )?(bot|robot|computer|ai|machine)|\b(bot|robot|computer|ai|machine) or (a |an )?(real )?(human|person)\b/;
// Talk about the bot's own speech: "talk to me in Spanish", "speak faster".
const MANNER = /\b(talk|speak|chat)\w* (to me |with me )?(in|more|faster|slower|quicker|louder|quietly|softer|slowly|quickly|like|as|a little|with an? (\w+ )?accent)\b/;
// "…regarding my flight", "…since I am at the airport": explaining a situation to someone else's staff.
const ELSEWHERE = /\b(regarding|since|because|as) (i am|im|i m|my|we are|the) .*\b(flight|airport|airline|luggage|bag|hotel|car|doctor|bank|checking|account|card)\b/;
const NO_BOT = /\b(dont|do not|don t|not) (want|wanna|like) (to )?(talk|speak|chat)\w* (to|with) (a |the |this |an )?(bot|robot|machine|computer|ai)\b|\b(stop|enough|sick of|tired of|hate) (talking to )?(this |the |a )?(bot|robot|machine)\b|\bno (more )?(bot|robot)s?\b|\bhuman (handoff|handover|agent|support|help|please|pls|plz|now)\b/;

const personWords = new Set(PERSON);
const requestWords = new Set(REQUEST);
const TYPO_TARGETS = ['human', 'person', 'agent', 'representative', 'operator', 'someone', 'employee', 'customer', 'service', 'speak', 'talk'];

/** Edit distance ≤ 1 for words of five letters or more ("humna", "agnet", "reprsentative"). */
function correctTypo(word: string): string {
  if (word.length < 5 || personWords.has(word) || requestWords.has(word)) return word;
  for (const target of TYPO_TARGETS) {
    if (Math.abs(target.length - word.length) <= 1 && withinOneEdit(word, target)) return target;
  }
  return word;
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === b.length) {
    let diff = -1;
    for (let i = 0; i < a.length; i += 1) {
      if (a[i] === b[i]) continue;
      if (diff >= 0) return diff === i - 1 && a[diff] === b[i] && a[i] === b[diff] && a.slice(i + 1) === b.slice(i + 1);
      diff = i;
    }
    return true;
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  return short.slice(i) === long.slice(i + 1);
}

const FILLER = new Set(['a', 'an', 'the', 'real', 'live', 'actual', 'please', 'pls', 'plz', 'now', 'just', 'some', 'one', 'i', 'want', 'need', 'to', 'talk', 'speak', 'with', 'me', 'get', 'give', 'un', 'una', 'une', 'um', 'uma', 'ein', 'einen', 'einem', 'mit', 'con', 'com', 'avec', 'oh', 'hi', 'hello', 'hey', 'ok', 'okay', 'handoff', 'handover', 'help', 'service', 'customer', 'support', 'team', 'from', 'your', 'any', 'by', 'rather', 'would', 'like', 'id', 'dont', 'wanna', 'bot', 'not', 'de', 'du', 'da', 'do', 'el', 'la', 'le']);

export function detectContactRequest(text: string): { isRequest: boolean; score: number } {
  const normalized = normalizeText(text);
  if (!normalized) return { isRequest: false, score: 0 };
  const words = normalized.split(' ').map(correctTypo);
  const joined = ` ${words.join(' ')} `;

  if (NO_BOT.test(joined)) return { isRequest: true, score: 0.95 };
  if (MANNER.test(joined)) return { isRequest: false, score: 0.05 };
  const curious = CURIOSITY.test(joined);

  const personAt = ourPersonPositions(words, joined);
  if (personAt.length === 0) return { isRequest: false, score: 0.02 };

  // A person word with only filler around it: "agent!", "real human pls", "human handoff".
  if (!curious && words.length <= 6 && words.every((word) => FILLER.has(word) || isPersonWord(word))) {
    return { isRequest: true, score: 0.9 };
  }
  // A request aimed at a person, within a few words before it.
  for (const at of personAt) {
    for (let i = Math.max(0, at - 6); i < at; i += 1) {
      if (requestWords.has(words[i]!) && !curious) {
        return ELSEWHERE.test(joined) ? { isRequest: false, score: 0.5 } : { isRequest: true, score: 0.85 };
      }
    }
  }
  if (/\bare there (also |any )?(humans|people|real people|persons) (working|here|available)\b|\bis there (a |an )?(human|person|real person|agent|someone|anyone|somebody) (i can|to) (talk|speak|chat)/.test(joined)) {
    return ELSEWHERE.test(joined) ? { isRequest: false, score: 0.5 } : { isRequest: true, score: 0.75 };
  }
  return { isRequest: false, score: curious ? 0.1 : 0.3 };
}

function isPersonWord(word: string): boolean {
  return personWords.has(word);
}

/** Where a person from our team is named: person words not owned by a third party. */
function ourPersonPositions(words: string[], joined: string): number[] {
  const positions: number[] = [];
  words.forEach((word, i) => {
    if (!personWords.has(word)) return;
    if (NOT_OUR_PERSON_BEFORE.has(words[i - 1] ?? '') || NOT_OUR_PERSON_AFTER.has(words[i + 1] ?? '')) return;
    const next = words[i + 1] ?? '';
    if ((word === 'someone' || word === 'somebody') && /^(may|might|used|is|has|have|made|stole|hacked|took|else|who|that|called|named|born|using|charged|was)$/.test(next)) return;
    // "someone to look at my car": a person for a job, not someone to talk to
    if ((word === 'someone' || word === 'somebody') && next === 'to' && !/^(talk|speak|chat|help|assist)$/.test(words[i + 2] ?? '')) return;
    // "call someone", "text someone": the customer's own calls
    if (/^(call|text|email|message|phone|dial)$/.test(words[i - 1] ?? '')) return;
    if (word === 'people' && !/(real|actual|live)/.test(words[i - 1] ?? '')) return;
    positions.push(i);
  });
  for (const phrase of PERSON_PHRASES) {
    const index = joined.indexOf(` ${phrase} `);
    if (index < 0) continue;
    const before = joined.slice(0, index).trim().split(' ');
    if (NOT_OUR_PERSON_BEFORE.has(before[before.length - 1] ?? '')) continue;
    positions.push(before.filter(Boolean).length);
  }
  return positions;
}
