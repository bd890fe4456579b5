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
  'assistant', 'founder', 'founders', 'owner', 'ceo', 'umano', 'umana', 'humana', 'quelquun', 'menschlich', 'menschliche',
  'menschlichen', 'menschlicher', 'operatore', 'kundenservice', 'kundenberater', 'ansprechpartner', 'atendente', 'attendant',
  'anyone', 'anybody', 'humaine', 'agentes', 'pessoas', 'personas', 'personnes',
  // German, French, Spanish, Portuguese: people and roles a customer asks for
  'agenten', 'jemandem', 'jemanden', 'vorgesetzten', 'vorgesetzter', 'geschaftsfuhrer', 'geschaftsfuhrung',
  'operateur', 'responsable', 'superieur', 'gerente', 'supervisor', 'supervisora', 'alguien', 'alguem', 'consultor',
  'consultora', 'asesora', 'humanos', 'humains', 'gestor', 'gestionnaire',
];
const PERSON_PHRASES = [
  'customer service', 'customer support', 'customer care', 'support team', 'support staff', 'live chat', 'live support',
  'real person', 'real human', 'live agent', 'live person', 'service agent', 'support agent', 'your team', 'the team',
  'servicio al cliente', 'atencion al cliente', 'service client', 'service clientele', 'atendimento',
  'customer assistance', 'account manager', 'sales team', 'billing team', 'service team', 'care team', 'servizio clienti',
  'service a la clientele', 'atendimento ao cliente', 'equipo de ventas', 'equipe de vendas', 'service commercial',
  // departments asked for by name: "talk to billing", "parler au support technique"
  'sales', 'billing', 'tech support', 'technical support', 'soporte', 'suporte', 'support technique',
  'facturacion', 'facturation', 'financeiro', 'vendas', 'ventas', 'vertrieb', 'buchhaltung', 'gestor de cuenta',
  'gestionnaire de compte', 'gerente de conta', 'kundenbetreuer',
];
// Departments named without a person: "contact customer service" asks how to reach them (hours, a number), so
// only a request to talk or be put through makes it a request for a person.
const DEPARTMENTS = new Set(['sales', 'billing', 'tech support', 'technical support', 'soporte', 'suporte', 'support technique', 'facturacion', 'facturation', 'financeiro', 'vendas', 'ventas', 'vertrieb', 'buchhaltung', 'customer assistance', 'customer service', 'customer support', 'customer care', 'support team', 'support staff', 'service client', 'service clientele', 'servicio al cliente', 'atencion al cliente', 'atendimento', 'atendimento ao cliente', 'servizio clienti', 'service a la clientele']);
const WEAK_REQUEST = new Set(['contact', 'contacting', 'reach', 'get', 'need', 'want', 'call', 'wanna', 'ask', 'request']);
// Roles that stay ours after "my": "my account manager".
const OURS_AFTER_MY = new Set(['account manager', 'gestor de cuenta', 'gestionnaire de compte', 'gerente de conta', 'kundenbetreuer']);
// "talk about sales", "parler de facturation": the department is the subject, not whom to talk to
const ABOUT = new Set(['about', 'regarding', 'sobre', 'uber', 'de', 'concernant']);
const REQUEST = [
  'talk', 'speak', 'chat', 'connect', 'transfer', 'put', 'get', 'give', 'hand', 'handoff', 'escalate', 'reach', 'contact',
  'need', 'want', 'wanna', 'rather', 'prefer', 'ask', 'request', 'hablar', 'quiero', 'necesito',
  'parler', 'veux', 'voudrais', 'sprechen', 'mochte', 'mochte', 'will', 'falar', 'quero', 'preciso', 'gostaria', 'comunicar',
  'pasar', 'passer', 'transferir', 'took', 'tlak', 'spek', 'speek',
  'talking', 'speaking', 'chatting', 'contacting', 'connecting', 'transferring', 'connected', 'transferred', 'routed', 'switch', 'gimme', 'through',
  'parlare', 'brauche', 'besoin', 'hablar', 'conversar', 'verbinden', 'verbinde', 'sprechen', 'reden', 'mochten', 'necesitaria',
  'passez', 'parlez', 'transferez', 'transfira', 'transfiera', 'transfiere', 'escalate', 'escalar', 'forward', 'redirect',
  'weiterleiten', 'holen', 'hatte', 'chatten', 'ubergeben', 'durchstellen', 'mettez', 'mettre', 'transferer', 'connectez',
  'discuter', 'echanger', 'souhaite', 'aimerais', 'avoir', 'pasame', 'paseme', 'pasarme', 'comuniqueme', 'comunicame',
  'transfiereme', 'conecta', 'conecte', 'conectar', 'atienda', 'atender', 'chatear', 'gustaria', 'transfere', 'passa',
  'atendido', 'atendida', 'coloca', 'relation', 'conversar', 'pode', 'puede', 'puedo', 'posso', 'puis', 'pouvez', 'konnen', 'kann',
];
// German puts the verb last: "kann ich mit einem Mitarbeiter sprechen?"
const REQUEST_AFTER = new Set(['atender', 'atenderme', 'atendre', 'sprechen', 'reden', 'verbinden', 'weiterleiten', 'chatten', 'durch', 'ubergeben', 'zuruckrufen', 'durchstellen', 'sprechen']);
// Words after a person word that make it someone else's (my travel agent said…), or not a person at all.
const NOT_OUR_PERSON_AFTER = new Set(['puede', 'peut', 'consegue', 'kann', 'usou', 'uso', 'hat', 'im', 'inmobiliario', 'immobilier', 'imobiliario', 'bancaire', 'meeting', 'meetings', 'party', 'resource', 'resources', 'rights', 'nature', 'body', 'being', 'beings', 'error', 'race', 'trafficking', 'of', 'uber', 'table', 'reservation', 'ride', 'tent', 'room']);
const NOT_OUR_PERSON_BEFORE = new Set(['ihre', 'mi', 'mis', 'mein', 'meinem', 'meinen', 'meine', 'meiner', 'mon', 'ma', 'mes', 'meu', 'minha', 'dos', 'deux', 'zwei', 'duas', 'tres', 'trois', 'drei', 'cuatro', 'quatro', 'quatre', 'vier', 'two', 'three', 'four', 'five', 'virtual', 'personal', 'google', 'voice', 'digital', 'ai', 'teaching', 'lab', 'my', 'his', 'her', 'their', 'our', 'travel', 'estate', 'insurance', 'secret', 'real estate', 'free', 'cleaning', 'double', 'which', 'what', 'each', 'per', 'every', 'first', 'missing', 'average', 'bank', 'fbi', 'cia', 'sports', 'booking', 'smooth', 'one', 'for', 'single', 'per', 'each', 'like', 'normal']);
// "are you a human?", "am I talking to a person", "is this a bot": curiosity about us.
const CURIOSITY_ELSEWHERE = /\b(bist du|sind sie|bin ich|spreche ich mit|rede ich mit) .*(mensch|bot|roboter|person)\b|\b(etes vous|es tu|est ce que je parle a|je parle a) .*(humain|robot|bot|personne)\b|\b(eres|es usted|estoy hablando con) .*(persona|humano|robot|bot)\b|\b(voce e|vc e|estou falando com) .*(pessoa|humano|robo|bot)\b/;
const CURIOSITY = /\b(are|r) (you|u) (a |an )?(real |really )?(human|person|bot|robot|ai|machine|computer)|\b(am i|are we) (talking|chatting|speaking) (to|with) (a |an )?(real |actual )?(human|person|bot|robot|machine|computer|ai)|\bis (this|that|it) (a |an )?(real )?(human|person|bot|robot|machine)\b|\bif (you are|youre) (a |an )?(real )?(human|person|bot)|\b(you are|youre) (a )?(human|person|bot|robot|computer)\b|\bhuman or (a |an )?(bot|robot|computer|ai|machine)|\b(bot|robot|computer|ai|machine) or (a |an )?(real )?(human|person)\b/;
// Talk about the bot's own speech: "talk to me in Spanish", "speak faster".
const MANNER_ELSEWHERE = /\b(sprich|sprechen sie|rede) .*(langsamer|schneller|lauter|auf englisch|auf deutsch)\b|\b(parle|parlez|me parler) .*(lentement|vite|en anglais|en francais)\b|\b(habla|hablame|hablarme|hable) .*(despacio|rapido|en ingles|en espanol)\b|\b(fale|fala|falar comigo) .*(devagar|rapido|em ingles|em portugues)\b/;
const MANNER = /\b(talk|speak|chat)\w* (to me |with me )?(in|more|faster|slower|quicker|louder|quietly|softer|slowly|quickly|like|as|a little|with an? (\w+ )?accent)\b/;
// "…regarding my flight", "…since I am at the airport": explaining a situation to someone else's staff.
const ELSEWHERE = /\b(regarding|since|because|as) (i am|im|i m|my|we are|the) .*\b(flight|airport|airline|luggage|bag|hotel|car|doctor|bank|checking|account|card)\b/;
const NO_BOT = /\b(dont|do not|don t|not) (want|wanna|like) (to )?(talk|speak|chat)\w* (to|with) (a |the |this |an )?(bot|robot|machine|computer|ai)\b|\b(stop|enough|sick of|tired of|hate) (talking to )?(this |the |a )?(bot|robot|machine)\b|\bno (more )?(bot|robot)s?\b|\bhuman (handoff|handover|agent|support|help|please|pls|plz|now)\b|\b(talking|chatting|speaking|talk|chat|speak)\w* (to|with) (a |the |this |an |your )?(bot|robot|machine|chatbot)s? (is|are|was) (useless|pointless|a waste|stupid|annoying|not helping|no help)\b|\b(this|the|your|stupid) (bot|robot|chatbot) (is|was) (useless|pointless|no help|not helping|stupid)\b/;
// Asks that name no person word: one word for a handoff, "transfer me", "put me through to support",
// "anyone who can actually help", other languages' "is there a real person".
const BARE_REQUEST = /^(please |pls |plz )?(handoff|handover|hand off|transfer me|transfiera me|transfiere me|transferez moi|transfira me|verbinden sie mich|verbinde mich|pass me on|put me through)( please| pls| plz| por favor| svp| sil vous plait| bitte| now)?$|\b(put|transfer|connect|pass|send|forward) (me )?(through |over |on )?to (the |your |a |an )?(support|sales|billing|team|desk|help desk|helpdesk|founders?|owner|boss|agent|human|person|representative|operator|someone|somebody)\b|\b(anyone|anybody|someone|somebody) (else )?(here |there )?(who|that) (can|could) (actually |really |properly )?help( me)?( please| pls| plz)?$|\b(someone|somebody|anyone|anybody) else (please|pls|plz)\b|\bis there (any |a |an )?(real|actual) (human|person|people)\b|\bhay (alguna|una|algun) persona\b|\bc e (una|un|qualche) (persona|vero umano|reale)|\by a t il quelquun\b|\best (il|ce qu il y a) une personne\b|\bgibt es (einen |eine )?(echten |echte )?(menschen|person|mitarbeiter)\b|\btem (alguma|uma) pessoa\b|人工|真人|人类|人類|客服|转接|轉接|转移我|轉移我/;

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

const FILLER = new Set(['a', 'an', 'the', 'real', 'live', 'actual', 'please', 'pls', 'plz', 'now', 'just', 'some', 'one', 'i', 'want', 'need', 'to', 'talk', 'speak', 'with', 'me', 'get', 'give', 'un', 'una', 'une', 'um', 'uma', 'ein', 'einen', 'einem', 'mit', 'con', 'com', 'avec', 'oh', 'hi', 'hello', 'hey', 'ok', 'okay', 'handoff', 'handover', 'help', 'service', 'customer', 'support', 'team', 'from', 'your', 'care', 'proper', 'else', 'another', 'other', 'gimme', 'any', 'by', 'rather', 'would', 'like', 'id', 'dont', 'wanna', 'bot', 'not', 'de', 'du', 'da', 'do', 'el', 'la', 'le', 'bitte', 'svp', 'sil', 'vous', 'plait', 'por', 'favor', 'vite', 'echten', 'echter', 'vrai', 'verdad', 'verdade']);

/** The hand-written rules alone: precise on the phrasings they know, blind to the others. */
export function matchContactRequestRules(text: string): { isRequest: boolean; score: number } {
  const normalized = normalizeText(text);
  if (!normalized) return { isRequest: false, score: 0 };
  const words = normalized.split(' ').map(correctTypo);
  const joined = ` ${words.join(' ')} `;

  if (NO_BOT.test(joined)) return { isRequest: true, score: 0.95 };
  if (BARE_REQUEST.test(normalized) || BARE_REQUEST.test(words.join(' '))) return { isRequest: true, score: 0.8 };
  if (MANNER.test(joined) || MANNER_ELSEWHERE.test(joined)) return { isRequest: false, score: 0.05 };
  const curious = CURIOSITY.test(joined) || CURIOSITY_ELSEWHERE.test(joined);

  const { positions: personAt, departments } = ourPersonPositions(words, joined);
  if (personAt.length === 0) return { isRequest: false, score: 0.02 };

  // A person word with only filler around it: "agent!", "real human pls", "human handoff".
  if (!curious && words.length <= 6 && words.every((word) => FILLER.has(word) || isPersonWord(word)) && !words.some((word) => WEAK_REQUEST.has(word) && word !== 'want' && word !== 'need' && word !== 'get' && word !== 'wanna')) {
    return { isRequest: true, score: 0.9 };
  }
  // A request aimed at a person, within a few words before it.
  for (const at of personAt) {
    for (let i = Math.max(0, at - 6); i < at; i += 1) {
      if (requestWords.has(words[i]!) && !curious && !(departments.has(at) && WEAK_REQUEST.has(words[i]!))) {
        return ELSEWHERE.test(joined) ? { isRequest: false, score: 0.5 } : { isRequest: true, score: 0.85 };
      }
    }
    for (let i = at + 1; i < Math.min(words.length, at + 6); i += 1) {
      if (REQUEST_AFTER.has(words[i]!) && !curious) return { isRequest: true, score: 0.85 };
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

/** Where a person from our team is named: person words not owned by a third party; which of them name a department only. */
function ourPersonPositions(words: string[], joined: string): { positions: number[]; departments: Set<number> } {
  const positions: number[] = [];
  const departments = new Set<number>();
  words.forEach((word, i) => {
    if (!personWords.has(word)) return;
    if (NOT_OUR_PERSON_BEFORE.has(words[i - 1] ?? '') || NOT_OUR_PERSON_AFTER.has(words[i + 1] ?? '')) return;
    // "agente de viajes", "agent de voyage": a trade, not our staff
    if (/^(viajes|viagens|voyage|seguros|assurance|assurances|reisen)$/.test(words[i + 2] ?? '')) return;
    const next = words[i + 1] ?? '';
    if (/^(someone|somebody|anyone|anybody)$/.test(word) && /^(may|might|used|is|has|have|made|stole|hacked|took|who|that|called|named|born|using|charged|was|know|knows|else s|in|at|on|to|out|there)$/.test(next)) return;
    // "someone to look at my car": a person for a job, not someone to talk to
    if (/^(someone|somebody|anyone|anybody)$/.test(word) && next === 'to' && !/^(talk|speak|chat|help|assist)$/.test(words[i + 2] ?? '')) return;
    // "call someone", "text someone": the customer's own calls
    if (/^(call|text|email|message|phone|dial)$/.test(words[i - 1] ?? '')) return;
    if (word === 'people' && !/(real|actual|live)/.test(words[i - 1] ?? '')) return;
    positions.push(i);
  });
  for (const phrase of PERSON_PHRASES) {
    const index = joined.indexOf(` ${phrase} `);
    if (index < 0) continue;
    const before = joined.slice(0, index).trim().split(' ');
    if (NOT_OUR_PERSON_BEFORE.has(before[before.length - 1] ?? '') && !OURS_AFTER_MY.has(phrase)) continue;
    if (DEPARTMENTS.has(phrase) && ABOUT.has(before[before.length - 1] ?? '')) continue;
    const at = before.filter(Boolean).length;
    positions.push(at);
    if (DEPARTMENTS.has(phrase)) departments.add(at);
  }
  return { positions, departments };
}
