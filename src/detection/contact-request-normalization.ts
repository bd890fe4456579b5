import { normalizeText } from '../text/normalize-text.js';
import { normalizedMessage } from './normalized-message.js';
import { rememberedPerWord } from './remembered-per-word.js';

/**
 * The contact-request rules' view of a message: the shared normalisation
 * (lower case, accents folded) plus what chat writing in the languages we
 * handle does to the words the rules look for:
 * - French and Italian elisions split, so "l'équipe" and "dell'assistenza"
 *   keep their noun ("l equipe", "dell assistenza") while "quelqu'un" stays
 *   one word;
 * - shorthand and phonetic spellings ("qqn", "jveux", "kiero", "qro", "c/",
 *   "cn", "nen") written out;
 * - German umlauts typed as ae/oe/ue ("moechte") folded like the accents;
 * - one slip of the keyboard (a letter missing, extra, wrong or swapped) in
 *   a long word the rules know ("mitarbieter", "operatre", "ajente").
 */

const SHORTHAND_WORDS: Record<string, string> = {
  // French
  qqn: 'quelquun', qqun: 'quelquun', qq1: 'quelquun', qlq: 'quelquun', qqu: 'quelquun', jveux: 'je veux', jvoudrais: 'je voudrais',
  jpeux: 'je peux', jpourrais: 'je pourrais', jaimerais: 'je aimerais', chui: 'je suis', jsuis: 'je suis', cmt: 'comment',
  // Spanish
  kiero: 'quiero', qiero: 'quiero', kero: 'quiero', qero: 'quiero', kisiera: 'quisiera', xfa: 'por favor', porfa: 'por favor', porfis: 'por favor', pls: 'please', plz: 'please',
  ablar: 'hablar', avlar: 'hablar',
  // Portuguese
  qro: 'quero', qru: 'quero', vc: 'voce', vcs: 'voces', pfv: 'por favor', pf: 'por favor', pra: 'para', pro: 'para o', tb: 'tambem', tbm: 'tambem',
  // Italian
  cn: 'con', nn: 'non', xfavore: 'per favore', qlcn: 'qualcuno', qualcun: 'qualcuno',
  // German
  nen: 'einen', w: 'with', kannste: 'kannst du', konnteste: 'konntest du', haste: 'hast du', mocht: 'mochte', moecht: 'mochte', bitteschon: 'bitte', jmd: 'jemand', jmdn: 'jemanden', jmdm: 'jemandem',
  // more chat shorthand: Spanish and Portuguese "someone", "please"
  algn: 'alguien', algm: 'alguem', plis: 'please', pliss: 'please',
};

/** Words the rules look for in any of our languages: the targets of typo correction. */
const KNOWN_WORDS = [
  // people and roles
  'human', 'humain', 'humano', 'umano', 'person', 'persona', 'personne', 'pessoa', 'mensch', 'menschen', 'agent', 'agente', 'operator',
  'operateur', 'operador', 'operatore', 'representative', 'representante', 'mitarbeiter', 'mitarbeiterin', 'kundenberater', 'kundenservice',
  'kundendienst', 'ansprechpartner', 'berater', 'beraterin', 'conseiller', 'conseillere', 'asesor', 'asesora', 'atendente', 'assistente',
  'addetto', 'consulente', 'responsabile', 'responsable', 'responsavel', 'supervisor', 'manager', 'gerente', 'vorgesetzten', 'someone',
  'somebody', 'jemanden', 'jemandem', 'quelquun', 'alguien', 'alguem', 'qualcuno', 'employee', 'empleado', 'funcionario',
  'interlocuteur', 'interlocutor', 'colaborador', 'encargado', 'direttore', 'directeur', 'director', 'diretor', 'customer', 'service',
  // asking to talk or be put through
  'speak', 'talk', 'sprechen', 'reden', 'verbinden', 'weiterleiten', 'durchstellen', 'parler', 'parlare', 'hablar', 'falar', 'conversar',
  'transfer', 'transferir', 'transferer', 'trasferire', 'connect', 'conectar', 'comunicar', 'contatto', 'contacto', 'contato', 'vorrei',
  'voglio', 'quiero', 'quero', 'quisiera', 'gostaria', 'voudrais', 'mochte', 'passami', 'pasame', 'richiamare', 'rappeler',
  'contact', 'assistant', 'assistance', 'support', 'chatting', 'talking', 'speaking', 'somebody', 'speak', 'talk', 'person',
];
const known = new Set(KNOWN_WORDS);
// a Map, not the object: "constructor" is a word, not a property
const SHORTHAND = new Map(Object.entries(SHORTHAND_WORDS));
// Real words one slip away from a known word: "beraten" (to advise) is not "berater", a directory not a director.
const NOT_SLIPS = new Set(['gente', 'algum', 'alguma', 'contacte', 'contacten', 'beraten', 'beratung', 'directory', 'directors', 'personal', 'personally', 'transfers', 'services', 'customers', 'parlato', 'parlata', 'contract', 'contracts', 'walking', 'charting', 'supported', 'hablan', 'hablas', 'habla', 'hable', 'hablen', 'hablo', 'falam', 'falas', 'fale', 'falem', 'parles', 'transfert']);

const MAY_START_WITH_MENSCH = /^\s*mensch/iu;
// after "mit", "zu", "an", "Sie": "mit Ihrer Chefin", "holen Sie Ihren Vorgesetzten"; not "sprechen Ihre Mitarbeiter Englisch?"
const FORMAL_YOUR = /\b(?:mit|zu|an|zum|zur|Sie|mir)\s+(?:(?:bitte|mal|doch|einmal)\s+)*Ihr(?:e|er|em|en)?\b/u;
const FORMAL_YOUR_GLOBAL = /(\b(?:mit|zu|an|zum|zur|Sie|mir)\s+(?:(?:bitte|mal|doch|einmal)\s+)*)Ihr(e|er|em|en)?\b/gu;
// Written all in lower case, "ihre" is still the formal "your" in a message that addresses the reader as "Sie" with a verb
// first ("geben sie mir bitte ihre kollegin"): "verbinden sie", "können sie"
const FORMAL_ADDRESS = /\b(?:geben|verbinden|stellen|holen|leiten|lassen|schicken|k(?:ö|oe|o)nn(?:t)?en|w(?:ü|ue|u)rden)\s+sie\b/iu;
const LOWER_FORMAL_YOUR_GLOBAL = /(\b(?:mit|zu|an|zum|zur|sie|mir)\s+(?:(?:bitte|mal|doch|einmal)\s+)*)ihr(e|er|em|en)?\b/gu;
const APOSTROPHE = /['’]/;
const MAY_SAY_FILE_MOI = /file[\s-]+moi/iu;

/** `keep`: words never corrected, the caller's own vocabulary ("contact" is not a slip of "contacto"). */
export function normalizeForContactRequest(text: string, keep: ReadonlySet<string> = new Set()): string {
  let split = text;
  // German formal "Ihr…" (your), capitalised, after a preposition or "Sie" is ours, like "euer"; "ihr…" is her or their
  if (FORMAL_YOUR.test(text)) split = split.replace(FORMAL_YOUR_GLOBAL, (_match, before: string, ending: string) => `${before}eur${ending}`);
  if (FORMAL_ADDRESS.test(text)) split = split.replace(LOWER_FORMAL_YOUR_GLOBAL, (_match, before: string, ending: string | undefined) => `${before}eur${ending ?? ''}`);
  // Each rewrite needs a character or word most messages lack: test for it before running the expression.
  // "Mensch, …" as an exclamation, not a person
  if (MAY_START_WITH_MENSCH.test(text)) split = split.replace(/^\s*mensch\s*[,!]+\s*(?=\S)/iu, '');
  if (APOSTROPHE.test(text)) {
    split = split
      // "a manager's approval": the person's, kept as a separate "s" the rules read as someone else's
      .replace(/\b(manager|supervisor|agent|boss|owner|representative|rep|employee|person|advisor|adviser|consultant|operator|human)['’]s\b/giu, '$1 s')
      .replace(/\bquelqu\s*['’]\s*un/giu, 'quelquun')
      // "s'il vous plaît" stays "sil vous plait", the form the rules know
      .replace(/\bs['’](?=ils?\b)/giu, 's')
      .replace(/\b(l|d|j|m|t|s|n|c|qu|dell|all|dall|nell|sull|un|quest|nessun)['’](?=\p{L})/giu, '$1 ');
  }
  if (text.includes('/')) split = split.replace(/\bc\/(?=\s|\p{L})/giu, 'com ').replace(/\bw\/(?=\s|\p{L})/giu, 'with ');
  // French slang "file-moi" is "give me"
  if (MAY_SAY_FILE_MOI.test(text)) split = split.replace(/\bfile[\s-]+moi\b/giu, 'donne moi');
  let normalized = split === text ? normalizedMessage(text) : normalizeText(split);
  // "en ligne", "in linea": online; "en contacto con", "em contato com", "in contatto con": one request word
  if (normalized.includes('ligne') || normalized.includes('linea') || normalized.includes('linha')) normalized = normalized.replace(/\b(en ligne|in linea|em linha|en linea)\b/g, 'online');
  if (normalized.includes('conta') || normalized.includes('kontakt')) {
    normalized = normalized.replace(/\b(en|em|in) (contacto|contato|contatto|kontakt) (?=(con|com|mit|with)\b)/g, 'incontact ');
  }
  if (ROUND_FOUR_PHRASE.test(normalized)) normalized = rewrittenPhrases(normalized);
  if (normalized.includes(' wen ')) normalized = normalized.replace(/\b(kann|konnte|darf|durfte|mochte) ich (\w+ ){0,2}wen\b/g, (match) => `${match.slice(0, -3)}jemanden`);
  const words = normalized
    .split(' ');
  if (words[0] === '') return '';
  return words.map((word) => (keep.has(word) ? word : correctedWord(word))).join(' ');
}

// Phrases rewritten to the words the rules know; one scan tells whether a message has any of them.
const ROUND_FOUR_PHRASE = /mao|mano|hand|coup de main|c est urgent|one of|word with|conversation with|member of|oeil|œil|vistazo|olhada|occhiata/;

function rewrittenPhrases(text: string): string {
  let normalized = text;
  // "lend me a hand", "dar uma mão", "echar una mano": help; "…, c'est urgent": urgent
  if (normalized.includes(' mao') || normalized.includes(' mano') || normalized.includes(' hand') || normalized.includes('coup de main')) {
    normalized = normalized
      .replace(/\b(give|lend) (me )?a hand\b/g, 'help')
      .replace(/\bdar(me)? uma (mao|maozinha)\b/g, 'ajudar')
      .replace(/\bechar(me)? una (mano|manita)\b/g, 'ayudar')
      .replace(/\bdar(mi)? una mano\b/g, 'aiutare')
      .replace(/\bdonner un coup de main\b/g, 'aider');
  }
  if (normalized.includes('c est urgent')) normalized = normalized.replace(/\bc est urgent\b/g, 'urgent');
  // "one of your reps": your reps, so the person stays near the verb asking for them
  if (normalized.includes('one of')) normalized = normalized.replace(/\bone of (your|the|ur)\b/g, '$1');
  // "have a word with", "a conversation with": talk with; "a member of staff": staff
  if (normalized.includes(' word with')) normalized = normalized.replace(/\b(have|had|get) a (quick |short )?word with\b/g, 'talk with');
  if (normalized.includes('conversation with')) normalized = normalized.replace(/\b(have|had|get) an? (quick |short )?conversation with\b/g, 'talk with');
  if (normalized.includes('member of')) normalized = normalized.replace(/\ba member of (your |the )?(staff|team)\b/g, 'a staff');
  // a look at something: "jeter un œil à", "echarle un vistazo a", "dar uma olhada em", "dare un'occhiata a"
  if (normalized.includes('oeil') || normalized.includes('œil') || normalized.includes('vistazo') || normalized.includes('olhada') || normalized.includes('occhiata')) {
    normalized = normalized
      .replace(/\bjeter un (coup d )?(oeil|œil)(?= |$)/g, 'regarder')
      .replace(/\bechar(le|me)? un vistazo\b/g, 'revisar')
      .replace(/\bdar uma olhada\b/g, 'olhar')
      .replace(/\bdar(e|mi)? un occhiata\b/g, 'guardare');
  }
  return normalized;
}

const correctedWord = rememberedPerWord(correctWord);

function correctWord(word: string): string {
  const written = SHORTHAND.get(word);
  if (written !== undefined) return written;
  if (known.has(word) || NOT_SLIPS.has(word) || /\d/.test(word) || !/^[a-z]+$/.test(word)) return word;
  // letters drawn out for emphasis: "humaaan", "pleeease"
  if (hasTripleLetter(word)) return correctWord(word.replace(/([a-z])\1{2,}/g, '$1'));
  const folded = word.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
  if (folded !== word && known.has(folded)) return folded;
  // run-on words: "speakwith", "tospeak"
  for (const glue of ['to', 'with']) {
    if (word.startsWith(glue) && known.has(word.slice(glue.length))) return `${glue} ${word.slice(glue.length)}`;
    if (word.endsWith(glue) && known.has(word.slice(0, -glue.length))) return `${word.slice(0, -glue.length)} ${glue}`;
  }
  const head = germanRoleHead(word);
  if (head !== undefined) return head;
  if (word.length < 5) return word;
  // Candidates share the word or one of its one-letter deletions with a target or one of the target's (a deletion index,
  // so the search costs a few map lookups, not an edit distance per known word); the edit distance then confirms.
  for (const variant of [word, ...deletions(word)]) {
    for (const target of SLIP_INDEX.get(variant) ?? []) if (withinOneEdit(word, target)) return target;
  }
  return word;
}

// German names a role by a compound whose last part is the person: "Servicemitarbeiter", "Fachberaterin",
// "Musiklehrer", "Filialleitung"; the rules know the last part.
const GERMAN_ROLE_HEADS = [
  'mitarbeiterin', 'mitarbeiter', 'mitarbeitenden', 'sachbearbeiterin', 'bearbeiterin', 'bearbeiter', 'ansprechpartnerin', 'ansprechpartner',
  'betreuerin', 'betreuer', 'beraterin', 'berater', 'lehrerin', 'lehrer',
] as const;
const HEAD_OF = new Map<string, string>([['bearbeiterin', 'sachbearbeiterin'], ['bearbeiter', 'sachbearbeiter']]);
// the lead of a unit: "Filialleitung", "Praxisleitung" (not "Wasserleitung", a pipe)
const LEAD_OF_A_UNIT = /^(filial|team|abteilungs|geschafts|projekt|kurs|schul|bereichs|praxis|stations|niederlassungs|markt|heim|kita|laden|betriebs|standort|objekt)leitung$/;

function germanRoleHead(word: string): string | undefined {
  if (word.length < 9) return undefined;
  if (LEAD_OF_A_UNIT.test(word)) return 'teamleitung';
  for (const head of GERMAN_ROLE_HEADS) {
    if (word.length >= head.length + 3 && word.endsWith(head)) return HEAD_OF.get(head) ?? head;
  }
  return undefined;
}

function hasTripleLetter(word: string): boolean {
  for (let i = 2; i < word.length; i += 1) if (word.charCodeAt(i) === word.charCodeAt(i - 1) && word.charCodeAt(i) === word.charCodeAt(i - 2)) return true;
  return false;
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += 1) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

const SLIP_INDEX = new Map<string, string[]>();
for (const target of KNOWN_WORDS) {
  if (target.length < 6) continue;
  for (const variant of new Set([target, ...deletions(target)])) {
    const targets = SLIP_INDEX.get(variant) ?? [];
    if (!targets.includes(target)) targets.push(target);
    SLIP_INDEX.set(variant, targets);
  }
}

/** One insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
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
  if (Math.abs(a.length - b.length) !== 1) return false;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  return short.slice(i) === long.slice(i + 1);
}
