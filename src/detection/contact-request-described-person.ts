/**
 * Requests for a person the customer describes instead of naming with a
 * word the rules know (issue 20, fifth round), as frames over the rules'
 * normalised text (lower case, accents folded, punctuation gone), in the
 * languages we handle:
 * - whoever does a job for the customer, after a verb of talking or handing
 *   over: "talk to whoever handles our contract", "hablar con quien se
 *   encarga de…", "parlare con chi si occupa di…";
 * - the customer's own handler, after such a verb: "write to my case
 *   handler", "meinem Sachbearbeiter schreiben", "parler à mon
 *   gestionnaire";
 * - someone found for what they know: "find me someone who understands
 *   VAT", "trouvez-moi quelqu'un qui s'y connaît";
 * - one of the company's people asked to contact the customer: "have one of
 *   your nurses phone me", "qu'un collaborateur me recontacte", "chiedo che
 *   un vostro incaricato mi richiami";
 * - a call asked for first, with the reason after it: "call me, the portal
 *   is down", "llámenme, …";
 * - a person brought into the chat: "bring a human into this chat", "loop
 *   in a colleague";
 * - who can advise or explain in person or on the phone;
 * - a conversation or a word with someone, wished for.
 * Each frame needs a word most messages lack, looked for before the
 * expression runs.
 */

const TALK_OR_HAND_OVER =
  '(talk|speak|chat|word|conversar|conversare|chatten|chatear|platicar|discuter|discutir|echanger|connect|connected|put|transfer|transferred|pass|write|email|message|reach|contact|sprechen|reden|schreiben|verbinden|verbunden|durchstellen|weiterleiten|kontaktieren|erreichen|parler|ecrire|joindre|contacter|passer|passez|relation|transferer|hablar|escribir|escribirle|contactar|comunicarme|comunicar|pasar|pasame|paseme|conectar|conecteme|falar|escrever|contatar|contactar|passar|conectar|parlare|scrivere|contattare|passare|passami|mettetemi|mettermi|incontact|collegatemi|collegarmi)';

// whoever does a job for the customer: "…with whoever handles…", "…con quien se encarga…"
const WHOEVER = '(whoever|the person (who|that)|the one (who|that)|the people (who|that)|someone (who|that)|somebody (who|that)|quien|quem|chi|la persona que|a pessoa que|la persona che|la personne qui|celui qui|celle qui|derjenigen die|demjenigen der|der person die|jemandem der|jemandem die)';
const DOES_THE_JOB =
  '(handles|handled|deals|manages|runs|looks after|takes care|is in charge|is responsible|se encarga|lleva|gestiona|maneja|atiende|cuida|trata|e responsavel|gerencia|si occupa|segue|gestisce|e responsabile|s occupe|soccupe|gere|suit|est en charge|est responsable|zustandig|verantwortlich|betreut|bearbeitet|kummert)';
const TALK_TO_WHOEVER = new RegExp(`\\b${TALK_OR_HAND_OVER}\\b( \\w+){0,3} (with|to|con|com|a|avec|mit|al|ao|au) ${WHOEVER}( \\w+){0,2} ${DOES_THE_JOB}\\b`);

// the customer's own handler: "write directly to my case handler", "mit meinem Sachbearbeiter sprechen"
const HANDLER = '(handler|adviser|advisor|manager|consultant|caseworker|case worker|contact|gestionnaire|conseiller|conseillere|interlocuteur|referent|referente|gestor|gestora|asesor|asesora|ejecutivo|ejecutiva|consultor|consultora|gerente|assessor|assessora|consulente|gestore|incaricato|incaricata|sachbearbeiter|sachbearbeiterin|ansprechpartner|ansprechpartnerin|berater|beraterin|betreuer|betreuerin|kundenberater|kundenberaterin)';
const MY = '(my|mon|ma|mi|meu|minha|o meu|a minha|il mio|la mia|mio|mia|meinem|meiner|meinen|mein|meine)';
const TALK_TO_MY_HANDLER = new RegExp(`\\b${TALK_OR_HAND_OVER}\\b( \\w+){0,3} ${MY}( \\w+)? ${HANDLER}\\b|\\b(mit )?(meinem|meiner) (\\w+ )?${HANDLER}( \\w+){0,3} (sprechen|reden|schreiben|verbunden|telefonieren)\\b`);

// someone found for what they know: "find me someone who knows…", "búsqueme a alguien que sepa…"
const FIND = '(find|get|fetch|bring|holen|hol|suchen|such|finden|trouvez|trouve|trouvez moi|cherchez|busque|busqueme|busca|buscame|buscadme|arranja|arranje|arranjem|encontre|encontra|ache|trovate|trovatemi|trovami|cercate|cercatemi|cercami)';
const KNOWS = '(knows|understands|is familiar|auskennt|kennt|versteht|connait|sait|comprend|sy connait|sepa|sabe|entienda|conozca|domine|entende|entenda|conhece|saiba|intenda|capisce|capisca|conosce|sappia|esperto)';
const SOMEONE_WHO_KNOWS = new RegExp(`\\b${FIND}\\b( \\w+){0,3} (someone|somebody|a person|jemanden|jemand|quelquun|une personne|alguien|una persona|alguem|uma pessoa|qualcuno|una persona)( \\w+)? (who|that|der|die|qui|que|che)( \\w+){0,4} ${KNOWS}\\b`);

// one of the company's people to contact the customer
// "a member of your team" reaches the rules as "a staff"
const ONE_OF_YOURS = '(one of your|one of the|a staff|a member of your|a member of the|someone from your|somebody from your|eine ihrer|einer ihrer|einen ihrer|eine eurer|einer eurer|un de vos|une de vos|uno de sus|una de sus|uno de tus|una de tus|um dos seus|uma das suas|um de vossos|uma das|um dos|uno dei vostri|una delle vostre|uno dei suoi|una delle sue)';
const CONTACTS_ME = '(phone me|call me|ring me|contact me|email me|reach out|get in touch|follow up with me|mich (\\w+ )?(zuruckrufen|anrufen|kontaktieren)|bei mir melden|me (rappeler|rappelle|recontacter|recontacte|contacter|contacte|appeler|appelle|llamar|llame|contactar|ligar|ligue|contatar|contate|chamar)|(llamar|llamarme|contactarme|ligar|ligarme|richiamare|richiamarmi|ricontattarmi|contattarmi|chiamarmi)|entre(m)? em contato|entrar em contato|mi (ri)?(contatti|chiami|contattino|chiamino))';
const YOURS_TO_CONTACT_ME = new RegExp(`\\b${ONE_OF_YOURS}\\b( \\w+){0,6} ${CONTACTS_ME}\\b|\\b(me|mich) (\\w+ ){0,2}(llamar|contactar|ligar|contatar|appeler|rappeler|contacter|chiamare|richiamare|contattare)\\b( \\w+){0,2} ${ONE_OF_YOURS}\\b|\\bmich\\b( \\w+){0,3} ${ONE_OF_YOURS}( \\w+){1,3} (zuruckrufen|anrufen|kontaktieren)\\b|\\b(have|get|ask) (one of )?your (\\w+ ){1,2}to (phone|call|ring|contact|email|text) me\\b|\\b(like|want|need) (one of )?your (\\w+ ){1,2}to (phone|call|ring|contact|email|text|reach out to) me\\b`);
// "I need someone to call me", "arrange for a person to follow up with me"
const SOMEONE_TO_CONTACT_ME = /\b(need|want|like|get|have|send|arrange for|ask)( me)? (someone|somebody|a person|a human|an agent|a rep|a representative|an adviser|an advisor|a manager|a real person|an actual person)( \w+){0,3} to (call|phone|ring|contact|email|text|follow up with|reach out to|get in touch with|get back to) me\b/;
// "qu'un collaborateur me recontacte", "peço que um colaborador entre em contato", "chiedo che un vostro incaricato mi richiami"
const THAT_SOMEONE_CONTACTS_ME = /\b(que|qu|che|dass) (un|une|um|uma|una|uno|ein|eine|einer|quelquun|alguien|alguem|qualcuno)( \w+){0,4} (me (recontacte|contacte|rappelle|appelle|llame|contacte|ligue|contate|chame)|entre em contato|mi (ri)?(contatti|chiami)|mich (\w+ )?(anruft|kontaktiert|zuruckruft)|sich (\w+ )?bei mir meldet)\b/;

// a call asked for first, the reason after it (not "call me a taxi")
const CALL_ME_FIRST = /^(please |pls |bitte |por favor |svp )?(call me back|ring me back|phone me back|call me asap|rufen sie mich (bitte )?(zuruck|an)|ruf mich (bitte )?(zuruck|an)|ruft mich (bitte )?(zuruck|an)|appelez moi|rappelez moi|rappelle moi|llamenme|llameme|me llaman|me liguem|liguem me|ligue me|me ligue|chiamatemi|richiamatemi|mi chiami|mi richiami)\b(?! (a|an|un|une|uno|una|um|uma|ein|einen|eine) )/;

// a person brought into the chat
const PERSONISH = '(human|person|colleague|agent|someone|somebody|rep|representative|manager|supervisor|staff member|team member|menschen|mitarbeiter|kollegen|kollegin|humain|collegue|conseiller|humano|companero|asesor|colega|atendente|umano|collega|operatore)';
const INTO_THE_CHAT = new RegExp(`\\b(bring|add|loop in|loop|pull|get|invite|send)( in)? (a |an |one |another |your |a real |an actual )?${PERSONISH}( in)? (into|in|to|on) (this|the|our) (chat|conversation|thread)\\b|\\bloop in (a |an |one |your )?${PERSONISH}\\b|\\bsend (a |an |one )?(real )?${PERSONISH} my way\\b`);

// who can advise or explain in person or on the phone
const WHO_CAN = '(who can|who could|wer kann|wer konnte|qui peut|qui pourrait|quien (me )?puede|quien (me )?podria|quem (me )?pode|quem (me )?poderia|chi (mi )?puo|chi (mi )?potrebbe)';
const ADVISE = '(advise|explain|talk|go through|beraten|erklaren|besprechen|conseiller|expliquer|orienter|asesorar|explicar|orientar|aconsejar|consigliare|spiegare|seguire)';
const IN_PERSON = '(in person|personally|face to face|on the phone|by phone|over the phone|personlich|telefonisch|am telefon|de vive voix|en personne|par telephone|au telephone|en persona|personalmente|por telefono|al telefono|pessoalmente|pelo telefone|por telefone|ao telefone|di persona|al telefono|per telefono)';
const WHO_CAN_ADVISE = new RegExp(`\\b${WHO_CAN}\\b( \\w+){0,5} (${ADVISE}( \\w+){0,5} ${IN_PERSON}|${IN_PERSON}( \\w+){0,2} ${ADVISE})\\b`);

// a conversation or a word with someone, wished for: "I'd like a word with…", "vorrei fare due chiacchiere con…"
const WISH = '(like|want|need|after|prefer|rather|have|mochte|hatte gern|will|brauche|voudrais|veux|aimerais|souhaite|quiero|quisiera|gustaria|necesito|quero|gostaria|queria|preciso|vorrei|voglio|fare)';
const A_CONVERSATION = '(word|conversation|chat|talk|call|chiacchiere|chiacchierata|conversazione|gesprach|telefonat|conversa|conversacion|charla|llamada|chamada|entretien|discussion|echange)';
const WANTS_A_CONVERSATION = new RegExp(`\\b${WISH}\\b( \\w+){0,3} ${A_CONVERSATION} (with|con|com|mit|avec) (a |an |the |one |someone|somebody|un |una |uno |une |um |uma |einem |einer |dem |der |il |la |le |el |o |a )?((real|actual|proper|vero|vera|echten|vrai|de verdad|de verdade) )?(\\w+ )?(person|human|recruiter|adviser|advisor|consultant|agent|manager|someone|somebody|consulente|operatore|persona|umano|mitarbeiter|menschen|berater|conseiller|humain|personne|asesor|humano|pessoa|atendente|consultor|responsabile|responsable)\\b`);

// each frame with a word it cannot match without, looked for first
const FRAMES: ReadonlyArray<{ readonly frame: RegExp; readonly needs: RegExp }> = [
  { frame: TALK_TO_WHOEVER, needs: new RegExp(`\\b${WHOEVER}\\b`) },
  { frame: TALK_TO_MY_HANDLER, needs: new RegExp(`\\b${HANDLER}\\b`) },
  { frame: SOMEONE_WHO_KNOWS, needs: new RegExp(`\\b${KNOWS}\\b`) },
  { frame: YOURS_TO_CONTACT_ME, needs: /\b(one|eine|einer|einen|un|une|uno|una|um|uma|your|staff)\b/ },
  { frame: SOMEONE_TO_CONTACT_ME, needs: /\bme\b/ },
  { frame: THAT_SOMEONE_CONTACTS_ME, needs: /\b(que|qu|che|dass)\b/ },
  { frame: INTO_THE_CHAT, needs: /\b(chat|conversation|thread|loop|way)\b/ },
  { frame: WHO_CAN_ADVISE, needs: new RegExp(`\\b${WHO_CAN}\\b`) },
  { frame: WANTS_A_CONVERSATION, needs: new RegExp(`\\b${A_CONVERSATION}\\b`) },
];

/** Does the customer ask for a person they describe? `sentence` is the rules' normalised text. */
export function asksForDescribedPerson(sentence: string): boolean {
  if (CALL_ME_FIRST.test(sentence)) return true;
  return FRAMES.some(({ frame, needs }) => needs.test(sentence) && frame.test(sentence));
}
