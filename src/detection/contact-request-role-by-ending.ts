/**
 * Requests for a person named by a role the rules have no list entry for
 * (issue 20, sixth round). German, French, Spanish, Portuguese and Italian
 * mark the one who does something by the word's ending (Übersetzer,
 * traducteur, traductor, tradutor, traduttore; commercialista; Apothekerin),
 * so a role can be recognised by its ending where the sentence's frame
 * already says a person is meant:
 * - a verb of talking, a preposition, a determiner, then the role:
 *   "parler à un traducteur", "hablar con el profesor", "falar com um
 *   contador", "parlare con il commercialista", German with the verb last:
 *   "mit einem Übersetzer sprechen", "mich an einen Fachberater wenden";
 * - a role (or someone) asked to call, call back or answer the customer:
 *   "un contador me puede llamar?", "um técnico de vocês pode me ligar",
 *   "un commercialista può richiamarmi", "qualcuno mi può rispondere?".
 * - a hand-over verb with "me", then the role: "mettez-moi en ligne avec le
 *   réparateur", "mi mette in comunicazione con il tatuatore";
 * - a contact wished for: "um contato com o tatuador";
 * - German: a role asked for in the accusative after a wish, "ich möchte den
 *   Bestatter sprechen"; a role wanted on the phone, "gebt mir den
 *   Tätowierer ans Telefon".
 * English has its own frame (ROLE_BY_ENDING in
 * contact-request-described-person.ts). Machines that share the endings
 * (ordinateur, contestador, Computer) are not roles; a past conversation
 * ("j'ai parlé avec…") uses a participle the frames do not list.
 */

const ROLE_ENDING = /(graphe|grafo|grafa|graf|grafin|eur|euse|rice|ien|ienne|iste|ier|iere|or|ora|ista|ero|era|eiro|eira|ico|ica|ente|ario|aria|tore|trice|iere|aio|erin|ist|istin|eurin|mann|frau|leute|er)$/;
// Words with a role's ending that are things, or the customer's own side
const NOT_A_ROLE = new Set([
  'ordinateur', 'repondeur', 'serveur', 'moteur', 'robot', 'automate', 'ordenador', 'computador', 'contestador', 'motor', 'computer', 'roboter', 'drucker',
  'rechner', 'server', 'cliente', 'clientes', 'paciente', 'pacientes', 'paziente', 'kunde', 'dossier', 'courrier', 'papier', 'fichier', 'calendrier', 'panier',
  'numero', 'nummer', 'fever', 'other', 'another', 'either', 'whether', 'rather', 'her', 'per', 'der', 'er', 'ihr', 'leer', 'oder', 'aber', 'sobre', 'entre', 'mieux',
  'lui', 'leur', 'leurs', 'hier', 'vier', 'meer', 'wasser', 'sitio', 'telefono', 'telefone', 'machine', 'maquina', 'macchina', 'maschine', 'chatbot', 'bot',
]);
const TALK_VERB = new Set([
  'parler', 'discuter', 'causer', 'jaser', 'echanger', 'adresser', 'entretenir', 'hablar', 'platicar', 'conversar', 'charlar', 'dirigirme', 'falar',
  'parlare', 'conversare', 'rivolgermi', 'parlarne', 'discutere',
  // a contact wished for: "um contato com o tatuador", "un contact avec le photographe"
  'contato', 'contacto', 'contatto', 'contact',
]);
// hand-over verbs, with "me" before or after them: "mettez-moi en ligne avec", "mi mette in comunicazione con"
const HAND_OVER = new Set(['mettez', 'mets', 'mettre', 'passez', 'passe', 'transferez', 'branchez', 'connectez', 'mette', 'metta', 'mettete', 'passi', 'ponga', 'pone', 'ponme', 'pongame', 'coloca', 'coloque', 'poe', 'conecta', 'conecte', 'collega', 'colleghi',
  'comunica', 'comunique', 'comunicar', 'pasa', 'pase', 'passa', 'transfere', 'transfira', 'transfiere', 'transfiera', 'trasferisca']);
// the same verbs with "me" joined to them: "comuníqueme con", "pásame con", "ponme con"
const HAND_OVER_ME = new Set(['comuniqueme', 'comunicame', 'pasame', 'paseme', 'ponme', 'pongame', 'conectame', 'conecteme', 'transfiereme', 'transfierame', 'passami', 'collegami', 'mettimi']);
// what may stand between such a verb and its preposition
const BETWEEN = new Set(['incontact', 'moi', 'me', 'mi', 'm', 'online', 'en', 'em', 'in', 'relation', 'contact', 'contato', 'contacto', 'contatto', 'communication', 'comunicazione', 'comunicacion', 'comunicacao', 'rapport', 'ligne', 'linea', 'linha', 'directement', 'direttamente', 'directamente', 'diretamente', 'de', 'vive', 'voix', 'un', 'peu', 'rapidement']);
const PREPOSITION = new Set(['a', 'avec', 'au', 'aux', 'con', 'com', 'al', 'ao', 'alla', 'allo', 'col']);
// a contracted preposition carries its determiner: "al", "au", "ao", "alla"
const CARRIES_DETERMINER = new Set(['al', 'au', 'aux', 'ao', 'alla', 'allo', 'col']);
const DETERMINER = new Set([
  'un', 'une', 'le', 'la', 'l', 'les', 'el', 'los', 'las', 'o', 'os', 'um', 'uma', 'una', 'uno', 'il', 'lo', 'i', 'gli', 'votre', 'vos', 'vostro', 'vostra',
  'su', 'sus', 'seu', 'sua', 'algun', 'alguno', 'alguna', 'algum', 'alguma', 'qualche', 'quelque', 'cette', 'este', 'esta', 'esse', 'essa', 'questo', 'questa',
]);
const NEGATION = new Set(['ne', 'no', 'nao', 'non', 'nicht', 'pas', 'nunca', 'jamais', 'mai']);
const GERMAN_WITH = new Set(['mit', 'an']);
const GERMAN_DETERMINER = new Set(['einem', 'einer', 'einen', 'eine', 'dem', 'der', 'den', 'die', 'eurem', 'eurer', 'euren', 'eure', 'ihrem', 'ihrer', 'ihren']);
const GERMAN_TALK_LAST = new Set(['sprechen', 'reden', 'telefonieren', 'unterhalten', 'wenden', 'verbunden', 'verbinden', 'rede', 'verbinde', 'besprechen', 'kommunizieren']);
const GERMAN_ACCUSATIVE = new Set(['den', 'einen', 'eine', 'die', 'euren', 'eure', 'ihren']);
const GERMAN_WISH = new Set(['mochte', 'mochten', 'will', 'wollte', 'wurde', 'hatte', 'gern', 'gerne', 'gib', 'gebt', 'geben', 'hol', 'holt', 'holen', 'brauche', 'brauchte', 'verlange']);
const SUBJECT_DETERMINER = new Set(['un', 'une', 'una', 'uno', 'um', 'uma', 'ein', 'eine', 'einer', 'el', 'le', 'la', 'il', 'lo', 'o', 'der', 'die', 'vostro', 'vostra', 'votre', 'su', 'seu', 'sua']);
const SOMEONE = new Set(['quelquun', 'alguien', 'alguem', 'qualcuno', 'jemand']);
const ME = new Set(['me', 'mi', 'moi', 'mich', 'mir', 'm']);
const MODAL = new Set(['puede', 'pueda', 'podria', 'pode', 'poderia', 'possa', 'peut', 'pourrait', 'puisse', 'puo', 'potrebbe', 'possa', 'kann', 'konnte', 'soll', 'pourriez', 'podrian', 'pueden', 'podem']);
const CONTACTS_OR_ANSWERS = new Set([
  'llamar', 'llamarme', 'ligar', 'rappeler', 'appeler', 'recontacter', 'contacter', 'richiamare', 'richiamarmi', 'chiamare', 'chiamarmi', 'anrufen',
  'zuruckrufen', 'contactar', 'contactarme', 'contatar', 'retornar', 'responder', 'responderme', 'rispondere', 'rispondermi', 'repondre', 'antworten',
  'atender', 'atenderme', 'ricontattare', 'ricontattarmi', 'telefonare', 'telefonarmi', 'telefonear', 'devolver',
]);
// a role or someone from the company's side: "de vocês", "de votre équipe", "dei vostri", "von Ihnen"
const OF_YOURS = new Set(['de', 'da', 'do', 'di', 'dei', 'del', 'della', 'von', 'vom', 'aus', 'voces', 'ustedes', 'vous', 'voi', 'vostri', 'euch', 'ihnen', 'votre', 'su', 'sua', 'equipe', 'equipo', 'team', 'la', 'el', 'chez', 'in', 'carne', 'e', 'y', 'ossa', 'hueso', 'osso', 'vrai', 'vraie', 'real', 'vero', 'vera', 'echter', 'qui', 'ahi']);

export function isRoleByEnding(word: string): boolean {
  return word.length >= 6 && ROLE_ENDING.test(word) && !NOT_A_ROLE.has(word);
}

/** `words`: the rules' normalised words. */
export function asksForRoleByEnding(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    const handOver = HAND_OVER_ME.has(word) || (HAND_OVER.has(word) && (ME.has(words[i - 1] ?? '') || ME.has(words[i + 1] ?? '')));
    if ((TALK_VERB.has(word) || handOver) && !negated(words, i)) {
      let k = i + 1;
      // "parler directement avec", "échanger de vive voix avec", "mettez-moi en ligne avec"
      while (k < i + 5 && words[k] !== undefined && !PREPOSITION.has(words[k]!) && (BETWEEN.has(words[k]!) || words[k]!.endsWith('ment'))) k += 1;
      const preposition = words[k];
      if (preposition === undefined || !PREPOSITION.has(preposition)) continue;
      k += 1;
      if (!CARRIES_DETERMINER.has(preposition)) {
        if (!DETERMINER.has(words[k] ?? '')) continue;
        k += 1;
      }
      if (isRoleByEnding(words[k] ?? '') || isRoleByEnding(words[k + 1] ?? '')) return true;
      continue;
    }
    // German: "mit einem Übersetzer … sprechen", "an einen Fachberater wenden"
    if (GERMAN_WITH.has(word) && GERMAN_DETERMINER.has(words[i + 1] ?? '')) {
      const roleAt = isRoleByEnding(words[i + 2] ?? '') ? i + 2 : isRoleByEnding(words[i + 3] ?? '') ? i + 3 : -1;
      if (roleAt < 0) continue;
      for (let k = roleAt + 1; k < Math.min(words.length, roleAt + 6); k += 1) if (GERMAN_TALK_LAST.has(words[k]!)) return !negated(words, roleAt);
      continue;
    }
    // "ich möchte den Bestatter sprechen", "gebt mir den Tätowierer ans Telefon"
    if (GERMAN_ACCUSATIVE.has(word) && isRoleByEnding(words[i + 1] ?? '') && words.slice(Math.max(0, i - 4), i).some((before) => GERMAN_WISH.has(before))) {
      const next = words.slice(i + 2, i + 5).join(' ');
      if (/^(\w+ )?(sprechen|erreichen)\b|^(\w+ )?(ans|am) telefon\b/.test(next)) return true;
    }
    // "un contador me puede llamar", "um técnico de vocês pode me ligar", "qualcuno … mi può rispondere"
    const subject = SOMEONE.has(word) || (SUBJECT_DETERMINER.has(word) && isRoleByEnding(words[i + 1] ?? '') && !(i > 0 && TALK_VERB.has(words[i - 1]!)));
    if (!subject) continue;
    let k = SOMEONE.has(word) ? i + 1 : i + 2;
    let skipped = 0;
    while (k < words.length && skipped < 4 && OF_YOURS.has(words[k]!)) {
      k += 1;
      skipped += 1;
    }
    if (ME.has(words[k] ?? '')) k += 1;
    if (!MODAL.has(words[k] ?? '')) continue;
    k += 1;
    if (ME.has(words[k] ?? '')) k += 1;
    if (CONTACTS_OR_ANSWERS.has(words[k] ?? '')) return true;
  }
  return false;
}

function negated(words: readonly string[], at: number): boolean {
  for (let k = Math.max(0, at - 3); k < at; k += 1) if (NEGATION.has(words[k]!)) return true;
  return false;
}
