import { normalizeText } from '../text/normalize-text.js';
import { matchChineseContactRequest } from './contact-request-chinese.js';
import { asksForDescribedPerson } from './contact-request-described-person.js';
import { asksForRoleByEnding } from './contact-request-role-by-ending.js';
import { normalizeForContactRequest, withinOneEdit } from './contact-request-normalization.js';
import { rememberedPerWord } from './remembered-per-word.js';

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
  // Italian, and roles and colleagues in the other languages
  'umani', 'persone', 'operatori', 'addetto', 'addetta', 'addetti', 'collega', 'colleghi', 'consulente', 'responsabile', 'capo',
  'direttore', 'directeur', 'director', 'diretor', 'direktor', 'chef', 'titolare', 'supervisore', 'superiore', 'qualcuno',
  'jemand', 'irgendwer', 'irgendjemand', 'kollege', 'kollegen', 'kollegin', 'sachbearbeiter', 'beraterin', 'kundenberaterin',
  'interlocuteur', 'interlocutrice', 'interlocutor', 'encargado', 'encargada', 'ejecutivo', 'executivo', 'colaborador', 'colaboradora',
  'responsavel', 'assistente', 'operadora', 'funcionario', 'funcionaria', 'empleado', 'empleada', 'mec', 'atendentes', 'operadores',
  'asesores', 'conseillers', 'mitarbeitenden', 'incaricato', 'incaricata',
  // Italian employees
  'dipendente', 'dipendenti',
  // bosses, shop managers and team leads: "je veux parler au gérant", "quiero hablar con tu jefe"
  'jefe', 'jefa', 'chefe', 'chefin', 'gerant', 'gerante', 'teamleitung', 'teamleiter', 'teamleiterin', 'abteilungsleiter',
  'abteilungsleiterin', 'filialleiter', 'filialleiterin', 'leiter', 'leiterin', 'vorgesetzte', 'geschaftsleitung',
  'verantwortlichen', 'verantwortlicher', 'zustandigen', 'zustandige', 'zustandiger',
  'colega', 'colegas', 'collegue', 'collegues', 'companero', 'companera', 'companeros',
  // a title before a name: "mit Frau Müller", "la señora García", "il signor Bianchi"
  'herr', 'herrn', 'frau', 'monsieur', 'madame', 'mademoiselle', 'mme', 'senor', 'senora', 'senorita', 'sr', 'sra', 'senhor',
  'senhora', 'dona', 'signor', 'signore', 'signora', 'signorina', 'mr', 'mrs',
  // "talk to whoever handles refunds"; plurals asked for as a group
  'whoever', 'reps', 'advisers', 'advisors', 'consultants', 'supervisors', 'managers', 'folks', 'superior', 'superviseur', 'superviseure',
  // coordinators and leads of a course or project
  'coordinator', 'coordinador', 'coordinadora', 'coordenador', 'coordenadora', 'coordinatore', 'coordinatrice', 'coordinateur', 'koordinator',
  'koordinatorin', 'kursleitung', 'kursleiter', 'kursleiterin', 'projektleitung', 'projektleiter', 'projektleiterin',
  // German handlers in both genders, the heads the normalisation reduces compounds to ("Servicemitarbeiter", "Fachberaterin")
  'betreuer', 'betreuerin', 'sachbearbeiterin', 'ansprechpartnerin', 'ansprechperson', 'angestellte', 'angestellten', 'angestellter',
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
  'support', 'technischen support', 'kundensupport', 'abrechnung', 'verkauf', 'compta', 'comptabilite', 'service facturation',
  'equipe commerciale', 'contabilidad', 'departamento comercial', 'comercial', 'commerciale', 'ufficio commerciale', 'amministrazione',
  'vendite', 'reparto vendite', 'assistenza', 'assistenza clienti', 'supporto', 'supporto tecnico', 'contabilita', 'fatturazione',
  'ejecutivo de cuenta', 'executivo de conta', 'consulente di riferimento', 'gestore', 'essere umano', 'ser humano', 'etre humain',
  'carne e ossa', 'carne y hueso', 'carne e osso', 'vom team', 'l equipe', 'del equipo', 'da equipe', 'do time', 'del team', 'vostro team',
  'votre equipe', 'su equipo', 'sua equipe', 'dein team', 'eurem team', 'ihrem team',
  // complaints desks and sales desks named as a service: "le service réclamations", "el área de reclamos"
  'service reclamations', 'service ventes', 'service des ventes', 'service apres vente', 'service technique', 'servicio tecnico',
  'servico tecnico', 'assistencia tecnica', 'assistenza tecnica', 'area de reclamos', 'area comercial', 'area de ventas',
  'setor de reclamacoes', 'setor comercial', 'setor de vendas', 'ufficio reclami', 'ufficio vendite', 'reparto reclami',
  // desks by their English names, the French after-sales desk, the technical area
  'help desk', 'helpdesk', 'service desk', 'accounts receivable', 'accounts payable', 'sav', 'area tecnica', 'account executive',
  'relationship manager',
  // one of the team; real people in Spanish and Portuguese
  'team member', 'team members', 'staff member', 'staff members', 'gente real', 'gente de verdad', 'gente de verdade', 'pessoas reais', 'personas reales',
];
// Departments named without a person: "contact customer service" asks how to reach them (hours, a number), so
// only a request to talk or be put through makes it a request for a person.
const DEPARTMENTS = new Set(['help desk', 'helpdesk', 'service desk', 'accounts receivable', 'accounts payable', 'sav', 'area tecnica', 'sales', 'billing', 'tech support', 'technical support', 'soporte', 'suporte', 'support technique', 'facturacion', 'facturation', 'financeiro', 'vendas', 'ventas', 'vertrieb', 'buchhaltung', 'customer assistance', 'customer service', 'customer support', 'customer care', 'support team', 'support staff', 'service client', 'service clientele', 'servicio al cliente', 'atencion al cliente', 'atendimento', 'atendimento ao cliente', 'servizio clienti', 'service a la clientele', 'support', 'technischen support', 'kundensupport', 'abrechnung', 'verkauf', 'compta', 'comptabilite', 'service facturation', 'equipe commerciale', 'contabilidad', 'departamento comercial', 'comercial', 'commerciale', 'ufficio commerciale', 'amministrazione', 'vendite', 'reparto vendite', 'assistenza', 'assistenza clienti', 'supporto', 'supporto tecnico', 'contabilita', 'fatturazione']);
// A department named by its generic word: any German "…abteilung", "el departamento de …", "o setor de …".
const DEPARTMENT_WORDS = new Set(['coordinacion', 'coordenacao', 'coordinazione', 'coordination', 'koordination', 'team', 'department', 'dept', 'desk', 'technik', 'abteilung', 'departement', 'departamento', 'dipartimento', 'setor', 'sector', 'ufficio', 'reparto', 'reklamation', 'reklamationen', 'beschwerdestelle', 'kundenbetreuung', 'reclamations', 'reclamaciones', 'reclamos', 'reclamacoes', 'reclami',
  // the claims desk of an insurer
  'sinistres', 'siniestros', 'sinistros', 'sinistri',
  // the complaints desk: "el área de quejas", "o setor de queixas"
  'quejas', 'queixas', 'plaintes', 'beschwerden', 'lamentele']);
const isDepartmentWord = (word: string): boolean => DEPARTMENT_WORDS.has(word) || word.endsWith('abteilung');
const GENERIC_DEPARTMENT = /^(departement|departamento|dipartimento|setor|sector|ufficio|reparto)$/;
const DEPARTMENT_OF = /^(de|do|da|di|del|des|du|della|dello|dos|das|fur|comercial|commercial|commerciale|tecnico|technique|financeiro|financiero|finanziario|financier|juridico|juridique|legale|vendas|ventas|vendite|ventes|clienti|clientes|client|reclami)$/;
// Specialists asked for only with a verb of talking or handing over: "¿puedo hablar con un técnico?", not "necesito un técnico
// para instalar el aire" (a person for a job) nor "I need a commercial licence".
const TALK_ONLY_PERSON = new Set(['tecnico', 'tecnica', 'technicien', 'technicienne', 'techniker', 'technikerin', 'vendedor', 'vendedora', 'venditore', 'venditrice', 'vendeur', 'vendeuse', 'verkaufer', 'verkauferin', 'especialista', 'specialiste', 'specialista', 'spezialist', 'spezialistin', 'commercial', 'commerciale',
  'specialist', 'specialists', 'technician', 'technicians', 'engineer', 'engineers', 'expert', 'experts', 'experte', 'experto', 'experta',
  'esperto', 'esperta', 'expertin', 'adjuster', 'adjusters', 'pharmacist', 'pharmacien', 'pharmacienne', 'farmaceutico', 'farmaceutica',
  'farmacista', 'apotheker', 'apothekerin', 'equipo', 'equipe', 'equipa', 'squadra',
  // roles of a practice or an office, asked for with a verb of talking or handing over
  'receptionist', 'receptionists', 'recruiter', 'recruiters', 'dispatcher', 'dispatchers', 'handler', 'handlers',
  'disponent', 'disponenten', 'disponentin', 'referente', 'auxiliar', 'collaborateur', 'collaboratrice', 'collaboratore', 'collaboratori', 'lider',
  // teachers of a school or course, a trade's expert, a Québécois "gars", asked for with a verb of talking or handing over
  'lehrer', 'lehrerin', 'fachmann', 'fachfrau', 'fachleute', 'teacher', 'tutor', 'instructor', 'professeur', 'prof', 'enseignant', 'enseignante',
  'profesor', 'profesora', 'maestro', 'maestra', 'professor', 'professora', 'insegnante', 'professore', 'professoressa', 'docente', 'gars']);
const WEAK_REQUEST = new Set(['erreiche', 'erreichen', 'contacto', 'contato', 'contatto', 'contact', 'contacting', 'reach', 'get', 'need', 'want', 'call', 'wanna', 'ask', 'request']);
// Roles that stay ours after "my": "my account manager".
const OURS_AFTER_MY = new Set(['relationship manager', 'account executive', 'account manager', 'gestor de cuenta', 'gestionnaire de compte', 'gerente de conta', 'kundenbetreuer', 'ejecutivo de cuenta', 'executivo de conta', 'consulente di riferimento', 'gestore']);
// "talk about sales", "parler de facturation": the department is the subject, not whom to talk to
const ABOUT = new Set(['about', 'regarding', 'sobre', 'uber', 'de', 'concernant', 'del', 'della', 'di', 'riguardo']);
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
  // give me, fetch, put through, in German, French, Spanish, Portuguese; Italian
  'gib', 'gebt', 'hol', 'holt', 'verlange', 'verlangen', 'leiten', 'leite', 'leitet', 'verbindet', 'kannst', 'konnten', 'konnte',
  'donne', 'donnez', 'passe', 'mets', 'joindre', 'contacter', 'parle', 'pourriez', 'pourrais', 'dame', 'deme', 'ponga', 'pongame',
  'ponme', 'pasas', 'pasa', 'pase', 'pasen', 'conecteme', 'conectame', 'comunicarme', 'platicar', 'quisiera', 'prefiero', 'podria',
  'arruma', 'chama', 'chame', 'passar', 'passem', 'coloque', 'queria', 'gostava', 'quer', 'prefiro', 'fala', 'poderia',
  'voglio', 'vorrei', 'potrei', 'passi', 'passami', 'passare', 'passatemi', 'mette', 'metta', 'mettere', 'mettermi', 'trasferisca',
  'trasferire', 'trasferiscimi', 'trasferitemi', 'collegare', 'collegarmi', 'contattare', 'serve', 'preferisco', 'preferirei',
  'dammi', 'datemi', 'fammi', 'chiedo', 'desidero', 'puoi', 'puo', 'potete', 'collega', 'bisogno', 'fatemi',
  // redirect, forward my case, put in touch ("en contacto con" is one word after normalisation), colloquial German
  'redirigez', 'redirige', 'rediriger', 'redirigeme', 'redirigir', 'redirigirme', 'redireciona', 'redirecione', 'redirecionar',
  'reindirizza', 'reindirizzami', 'reindirizzare', 'derivame', 'derivar', 'derivarme', 'deriveme', 'transmettre', 'transmettez',
  'encaminhar', 'encaminha', 'encaminhe', 'encaminhem', 'inoltrare', 'incontact', 'brauch', 'brauchen', 'comunicarme',
  'manda', 'mande', 'mandem',
  // plug me into, connect me (Italian plural), I would rather
  'branchez', 'brancher', 'branche', 'collegatemi', 'collegami', 'preferia', 'preferiria', 'preferirei',
  'fetch', 'basculer', 'basculez', 'escalelo', 'escalela', 'escalenlo', 'eskalieren', 'paseselo', 'pasaselo', 'pasalo', 'paselo', 'giri', 'girare', 'girarmi', 'giratemi',
  // bring someone, hand this over, wish for, chat
  'traiga', 'traigan', 'traeme', 'traigame', 'trae', 'traga', 'tragam', 'faites', 'pasarle', 'pasale', 'wunsche', 'chattare',
  // Spanish imperatives with the pronoun attached, formal and plural: "transfiérame", "pásenme", "comuníquenme"
  'transfierame', 'transfieranme', 'pasenme', 'comuniquenme', 'conectenme', 'derivenme', 'pongan', 'ponganme',
  // route, patch, loop in, hook up, discuss with; German "geben Sie mir"; Italian "trasferisci", "avere un operatore";
  // escalating to a person in Spanish, Portuguese and German; "contacto a una persona"
  'route', 'patch', 'loop', 'hook', 'discuss', 'geben', 'trasferisci', 'trasferite', 'avere', 'escala', 'escale', 'escalalo',
  'escalarlo', 'escalem', 'escalone', 'escalame', 'escaleme', 'escalenme', 'escalarme', 'eskaliere', 'eskaliert', 'contacto', 'contato', 'contatto',
  // a transfer asked for as a noun, "m'entretenir avec", "faire remonter", German conditionals "bräuchte", "hätten Sie"
  'transfert', 'transferencia', 'trasferimento', 'entretenir', 'remonter', 'brauchte', 'benotige', 'hatten',
  // bump up, switch someone in, reach, have someone step in
  'bump', 'schalten', 'zuschalten', 'dazuschalten', 'dazuholen', 'erreiche', 'erreichen', 'intervenga', 'intervengan', 'intervenir',
  'intervenire', 'intervenha', 'intervir',
  // French familiar and Québécois talking; "il me faudrait"
  'causer', 'jaser', 'faudrait',
];
// German puts the verb last: "kann ich mit einem Mitarbeiter sprechen?"
const REQUEST_AFTER = new Set(['besprechen', 'weitergeben', 'herstellen', 'eskalieren', 'quatschen', 'plaudern', 'unterhalten', 'atender', 'atenderme', 'atendre', 'sprechen', 'reden', 'verbinden', 'weiterleiten', 'chatten', 'durch', 'ubergeben', 'zuruckrufen', 'durchstellen', 'sprechen', 'weiter', 'telefonieren', 'anrufen', 'holen', 'verbunden',
  // Swiss "verbinde", "rede"; "mich an einen Mitarbeiter wenden"
  'verbinde', 'rede', 'wenden']);
// Words after a person word that make it someone else's (my travel agent said…), or not a person at all.
const NOT_OUR_PERSON_AFTER = new Set(['s', 'puede', 'peut', 'consegue', 'kann', 'usou', 'uso', 'hat', 'im', 'inmobiliario', 'immobilier', 'imobiliario', 'bancaire', 'meeting', 'meetings', 'party', 'resource', 'resources', 'rights', 'nature', 'body', 'being', 'beings', 'error', 'race', 'trafficking', 'of', 'uber', 'table', 'reservation', 'ride', 'tent', 'room', 'virtuale', 'virtuel', 'virtuelle', 'virtual', 'vocale', 'immobiliare', 'assicurativo']);
const NOT_OUR_PERSON_BEFORE = new Set(['ihre', 'mi', 'mis', 'mein', 'meinem', 'meinen', 'meine', 'meiner', 'mon', 'ma', 'mes', 'meu', 'minha', 'dos', 'deux', 'zwei', 'duas', 'tres', 'trois', 'drei', 'cuatro', 'quatro', 'quatre', 'vier', 'two', 'three', 'four', 'five', 'virtual', 'personal', 'google', 'voice', 'digital', 'ai', 'teaching', 'lab', 'my', 'his', 'her', 'their', 'our', 'travel', 'estate', 'insurance', 'secret', 'real estate', 'free', 'cleaning', 'double', 'which', 'what', 'each', 'per', 'every', 'first', 'missing', 'average', 'bank', 'fbi', 'cia', 'sports', 'booking', 'smooth', 'one', 'for', 'single', 'per', 'each', 'like', 'normal', 'mio', 'mia', 'miei', 'mie', 'meus', 'minhas', 'seiner', 'seine', 'seinem', 'seinen', 'ihrer', 'unsere', 'unserem', 'unseren', 'unser']);
// "are you a human?", "am I talking to a person", "is this a bot": curiosity about us.
const CURIOSITY_ELSEWHERE = /\b(bist du|sind sie|bin ich|spreche ich mit|rede ich mit) .*(mensch|bot|roboter|person)\b|\b(etes vous|es tu|est ce que je parle a|(?<!\b(faut|faudrait|faudra|dois|devrais) que )je parle a) .*(humain|robot|bot|personne)\b|\b(eres|es usted|estoy hablando con) .*(persona|humano|robot|bot)\b|\b(voce e|vc e|estou falando com) .*(pessoa|humano|robo|bot)\b/;
const CURIOSITY = /\b(are|r) (you|u) (a |an )?(real |really )?(human|person|bot|robot|ai|machine|computer)|\b(am i|are we) (talking|chatting|speaking) (to|with) (a |an )?(real |actual )?(human|person|bot|robot|machine|computer|ai)|\bis (this|that|it) (a |an )?(real )?(human|person|bot|robot|machine)\b|\bif (you are|youre) (a |an )?(real )?(human|person|bot)|\b(you are|youre) (a )?(human|person|bot|robot|computer)\b|\bhuman or (a |an )?(bot|robot|computer|ai|machine)|\b(bot|robot|computer|ai|machine) or (a |an )?(real )?(human|person)\b/;
// Which language someone speaks, asked with the verb first: "Sprechen die Lehrer auch Englisch?", "parlent-ils anglais ?"
const LANGUAGE_SPOKEN = /^(sprechen|spricht|sprichst|parlent|parle|parlez|hablan|habla|hablas|falam|fala|parlano|parla|parlate|do|does)\b( \w+){0,5} (englisch|deutsch|franzosisch|spanisch|italienisch|portugiesisch|chinesisch|anglais|allemand|francais|espagnol|italien|portugais|chinois|ingles|aleman|frances|espanol|italiano|portugues|chino|inglese|tedesco|francese|spagnolo|portoghese|cinese|english|german|french|spanish|italian|portuguese|chinese|mandarin|alemao|espanhol|chines)\b/;
// Talk about the bot's own speech: "talk to me in Spanish", "speak faster".
const MANNER_ELSEWHERE = /\b(sprich|sprechen sie|rede) .*(langsamer|schneller|lauter|auf englisch|auf deutsch)\b|\b(parle|parlez|me parler) .*(lentement|vite|en anglais|en francais)\b|\b(habla|hablame|hablarme|hable) .*(despacio|rapido|en ingles|en espanol)\b|\b(fale|fala|falar comigo) .*(devagar|rapido|em ingles|em portugues)\b/;
const MANNER = /\b(talk|speak|chat)\w* (to me |with me )?(in|more|faster|slower|quicker|louder|quietly|softer|slowly|quickly|like|as|a little|with an? (\w+ )?accent)\b/;
// "…regarding my flight", "…since I am at the airport": explaining a situation to someone else's staff.
const ELSEWHERE = /\b(regarding|since|because|as) (i am|im|i m|my|we are|the) .*\b(flight|airport|airline|luggage|bag|hotel|car|doctor|bank|checking|account|card)\b/;
const NO_BOT = /\b(dont|do not|don t|not) (want|wanna|like) (to )?(talk|speak|chat)\w* (to|with) (a |the |this |an )?(bot|robot|machine|computer|ai)\b|\b(stop|enough|sick of|tired of|hate) (talking to )?(this |the |a )?(bot|robot|machine)\b|\bno (more )?(bot|robot)s?\b|\bhuman (handoff|handover|agent|support|help|please|pls|plz|now)\b|\b(talking|chatting|speaking|talk|chat|speak)\w* (to|with) (a |the |this |an |your )?(bot|robot|machine|chatbot)s? (is|are|was) (useless|pointless|a waste|stupid|annoying|not helping|no help)\b|\b(this|the|your|stupid) (bot|robot|chatbot) (is|was) (useless|pointless|no help|not helping|stupid)\b/;
// Asks that name no person word: one word for a handoff, "transfer me", "put me through to support",
// "anyone who can actually help", other languages' "is there a real person".
// "je voudrais un rendez-vous téléphonique avec un conseiller", "quisiera una cita con un asesor"
const APPOINTMENT = /\b(voudrais|veux|souhaite|souhaiterais|aimerais|quisiera|quiero|gustaria|gostaria|queria|quero|mochte|hatte gern|will|vorrei|voglio|want|like|need|agendar|marcar|prendre|vereinbaren|fissare|programar|arrange|schedule|book)\b( \w+){0,4} (rendez vous|rdv|termin|cita|llamada|chamada|ligacao|appuntamento|telefonata|appel|call|gesprach|entretien)\b( \w+){0,2} (avec|con|mit|com|with)\b/;
// "is there a way to reach someone?": the way is the ask
const WAY_TO_REACH = /\b(moglichkeit|moyen|forma|manera|jeito|modo|way|caminho|camino)\b( \w+){0,4} (erreichen|kontaktieren|sprechen|joindre|contacter|parler|contactar|hablar|contatar|falar|contattare|parlare|reach|contact|talk|speak|chegar|llegar)\b/;
// "redirect me to the right department"
const RIGHT_DESK = /\b(rediriger|redirigez|redirige|orienter|orientez|transferer|transferez|passer|derivar|derivarme|deriveme|transferir|transfiera|pasar|encaminhar|encaminhe|encaminha|direcionar|indirizzarmi|indirizzare|indirizzi|trasferire|trasferirmi|passare|weiterleiten|verbinden|redirect|transfer|forward|route)\b( \w+){0,5} ((bon|bonne|certo|certa|correta|correto|adequado|giusto|giusta|competente|richtige|richtigen|zustandige|zustandigen|right|correct|relevant) (service|servicio|setor|sector|area|departement|departamento|department|ufficio|reparto|abteilung|stelle|team|person|personne|persona|pessoa)|(service|servicio|setor|sector|area|departement|departamento|department|ufficio|reparto|abteilung|stelle|team) (certo|correto|adequado|giusto|competente|correcto|correspondiente|que corresponde|que corresponda|responsavel|responsable))\b/;
// "j'ai parlé avec votre collègue": a conversation that happened, not a request
const PAST_BEFORE_TALK = /^(ai|avons|avez|as|ont|a|avais|avait|he|hemos|ha|ho|abbiamo|hai|habe|hatte)$/;
// "jemanden am Telefon haben", "un conseiller au bout du fil", "alguien al teléfono"
const ON_THE_PHONE = /\b(am telefon|ans telefon|au telephone|au bout du fil|al telefono|ao telefone|on the phone|on the line)\b/;
// A short "is there an operator?" or "call me back please" with nothing else
const SHORT_ASK = /^(c e|ce|y a t il|il y a|y a|hay|tem|gibt es|gibts|ist hier irgendwo|ist hier|ist da|ist gerade|is there|is|any|algun|alguna|algum|alguma|qualche|irgendein|irgendeine) (un |una |une |um |uma |ein |einen |eine |an? |algun |alguna |algum |alguma |qualche |irgendein |irgendeinen )?(real |vrai |echter |echten |vero |verdadero )?(operatore|operador|operateur|operator|agente|agent|atendente|humano|umano|humain|human|mensch|menschen|persona|pessoa|personne|person|mitarbeiter|asesor|conseiller|consulente|addetto|representative|representante)( (disponible|disponibile|disponivel|available|da|aqui|ai|ici|qui|la|hier|there|here|around|online|libre|frei))?( (please|pls|svp|por favor|bitte|per favore))?$|^(please |bitte |por favor )?(rappelez moi|rappeler moi|rappelle moi|llamenme|llameme|llamame|chiamatemi|richiamatemi|mi richiami|mi chiami|liguem me|ligue me|me liga|me ligue|me liguem|rufen sie mich (bitte )?(zuruck|an)|ruf mich (bitte )?(zuruck|an)|call me back)( please| pls| svp| sil vous plait| por favor| bitte| per favore| asap| urgente| vite)*$/;
const BARE_REQUEST = /^(please |pls |plz )?(handoff|handover|hand off|transfer me|transfiera me|transfiere me|transferez moi|transfira me|connect me|me transfere|me transfira|me transfiere|me transfiera|mi trasferisca|mi trasferisci|verbinden sie mich|verbinde mich|pass me on|put me through)( please| pls| plz| por favor| svp| sil vous plait| bitte| now)?$|\b(put|transfer|connect|pass|send|forward) (me )?(through |over |on )?to (the |your |a |an )?(support|sales|billing|team|desk|help desk|helpdesk|founders?|owner|boss|agent|human|person|representative|operator|someone|somebody)\b|\b(anyone|anybody|someone|somebody) (else )?(here |there )?(who|that) (can|could) (actually |really |properly )?help( me)?( please| pls| plz)?$|\b(someone|somebody|anyone|anybody) else (please|pls|plz)\b|\bis there (any |a |an )?(real|actual) (human|person|people)\b|\bhay (alguna|una|algun) persona\b|\bc e (una|un|qualche) (persona|vero umano|reale)|\by a t il quelquun\b|\best (il|ce qu il y a) une personne\b|\b(gibt es|gibts)( bei euch| bei ihnen| hier| da| denn| auch| keinen| keine| kein| einen| eine)* (echten |echte )?(menschen|person|mitarbeiter)\b(?! (der|die|das|welche|welcher|den)\b)|\btem (alguma|uma) pessoa\b/;

// Patterns over several languages (English, German, French, Spanish, Portuguese, Italian).
const INDEFINITE = '(someone|somebody|anyone|anybody|jemand|jemanden|irgendwer|irgendjemand|quelquun|alguien|alguem|qualcuno)';
const SOMEONE = `${INDEFINITE.slice(0, -1)}|human|humain|humano|umano|mensch|menschen)`;
const HELP = '(help|helfen|weiterhelfen|aider|ayudar|ayudarme|ajudar|ajude|ajudem|aiutare|aiutarmi|aiuti|aiuta)';
// What may follow "help" in an ask for a helper rather than for a task: "…der mir wirklich helfen kann?", "…que me pueda ayudar de verdad?"
const AFTER_HELP = '( (me|mir|moi|mi|please|bitte|svp|stp|por|favor|per|favore|really|actually|wirklich|vraiment|pour|de|vrai|verdad|verdade|en|serio|davvero|sul|kann|konnte|peut|pourrait|puede|pueda|pode|possa|puo|here|hier|ici|aqui|ahi|ai|qui|da|now|jetzt|ora|ahora|agora))*$';
const HELPER = new RegExp(`\\b${SOMEONE}\\b( \\w+){0,7} ${HELP}${AFTER_HELP}`);
const TALK = '(talk|speak|chat|causer|jaser|sprechen|reden|schreiben|chatten|telefonieren|parler|discuter|ecrire|hablar|escribir|chatear|platicar|falar|conversar|escrever|parlare|scrivere)';
// "is there a real person I can write to", "c'è una persona con cui parlare"
const ANSWER = '(answer|reply|respond|antworten|beantworten|repondre|responder|atender|atenderme|rispondere|rispondermi|explain|erklaren|expliquer|explicar|explicarle|spiegare|call|anrufen|appeler|llamar|ligar|chiamare)';
const EXISTS_TO_TALK = new RegExp(`\\b(gibt es|gibts|ist da|y a t il|il y a|y a|hay|tem|ha|ce|c e|ci sono|is there|are there)\\b( \\w+){0,4} ${SOMEONE.slice(0, -1)}|person|persona|personne|pessoa|personas|pessoas|persone|personnes|mitarbeiter|agent|agente|agents|agentes|operatore|operador|operateur|atendente|asesor|conseiller|berater|consulente|addetto|humano|humain|umano|mensch)\\b( \\w+){0,5} (${TALK.slice(1, -1)}|${ANSWER.slice(1, -1)})\\b`);
// A person taking the conversation over: "un opérateur peut prendre le relais ?", "um atendente pode assumir a conversa?"
const TAKE_OVER = /\b(prendre le relais|reprendre (la |ma |cette |notre )?(conversation|discussion|main|relève)|assumir (a |o |esta |essa |este |esse )?(conversa|conversar|atendimento|caso|chat)|tomar (la |esta |mi )?(conversacion|charla|caso|chat)|prendere (in mano )?(la |questa |il )?(conversazione|chat|pratica)|take over (the |this |my )?(chat|conversation)|(den |diesen |meinen )?(chat|fall|vorgang) ubernehmen|(das|es|hier|jetzt) ubernehmen|ubernimmt|me (prendre|prenne|prend) en charge|pris en charge par)\b/;
// "can a person take over from here?"
const TAKE_OVER_END = /\btake over( from (here|you|the bot|now))?( please| pls)? $/;
// A person of ours asked to look at the customer's case (not at a car or a sink: a person for a job)
const HANDLE_MY_CASE = /(?<!\b(my|mi|mon|ma|meu|minha|mein|meine|mio|mia) )\b(someone|somebody|anyone|anybody|person|human|agent|staff|consultant|quelquun|personne|humain|conseiller|conseillere|alguien|persona|humano|asesor|asesora|consultor|consultora|alguem|pessoa|atendente|qualcuno|umano|operatore|consulente|addetto|jemand|mensch|mitarbeiter)\b( \w+){0,5} (review|look at|check|handle|see|regarder|examiner|traiter|voir|revisar|mirar|ver|atender|olhar|analisar|guardare|esaminare|vedere|gestire|ansehen|anschauen|prufen|bearbeiten|uberprufen)( \w+)? ((my|mon|ma|mes|mi|mis|meu|minha|mio|mia|il mio|la mia|mein|meine|meinen) (case|account|file|situation|request|claim|issue|complaint|ticket|dossier|demande|compte|reclamation|caso|cuenta|expediente|solicitud|reclamo|conta|pedido|reclamacao|situacao|pratica|richiesta|fall|konto|anliegen|antrag|vorgang)|this)\b/;
// "personal assistance from a member of staff", "Hilfe von einem Menschen"
const ASSISTANCE_FROM = /\b(assistance|help|support|hilfe|unterstutzung|aide|ayuda|ajuda|aiuto|assistenza) (from|by|von|de|por|da) (a |an |un |una |une |um |uma |einem |einer |your |real |actual |echten |vrai |de verdad )*(human|person|agent|staff|employee|representative|humain|personne|conseiller|humano|persona|asesor|pessoa|atendente|umano|operatore|mensch|menschen|mitarbeiter|berater)\b/;
// the verbs of HANDLE_MY_CASE and HANDLE_MY_CASE_LAST, to skip both when a message has none
const CASE_VERBS = new Set(['review', 'look', 'check', 'handle', 'see', 'regarder', 'examiner', 'traiter', 'voir', 'revisar', 'mirar', 'ver', 'atender', 'olhar', 'analisar', 'guardare', 'esaminare', 'vedere', 'gestire', 'ansehen', 'anschauen', 'prufen', 'bearbeiten', 'uberprufen', 'angucken']);
// German puts the verb last: "ein Mitarbeiter soll sich das bitte anschauen"
const HANDLE_MY_CASE_LAST = /(?<!\b(mein|meine|meinem|meinen) )\b(jemand|mensch|mitarbeiter|mitarbeiterin|berater|beraterin|kollege|kollegin|sachbearbeiter)\b( \w+){0,5} (das|es|meinen fall|mein anliegen|meinen vorgang|mein konto)( \w+){0,3} (anschauen|ansehen|angucken|prufen|uberprufen|bearbeiten)\b/;
// "…, not the bot": a person asked for against the machine
const NOT_THE_BOT = /\b(not|nicht|pas|no|nao|non|statt|instead of|plutot que|plutot qu|en vez de|en vez del|em vez de|em vez do|em vez da|invece di|invece del|invece della|en lugar de|en lugar del|au lieu de|au lieu du|au lieu d)( mit| with| con| com| avec| par| por| per)? (the |a |an |this |der |den |dem |einem |einer |eine |einen |le |la |au |al |ao |un |une |una |el |o |um |uma |il |ce |este |esse |questo )?(bot|robot|robo|machine|maquina|macchina|maschine|computer|chatbot|faq|script|automat|automaten|automate|automata|automated \w+|automatic \w+|reponse automatique|respuesta automatica|resposta automatica|risposta automatica)\b/;
// "atendimento humano", "ayuda humana", "assistenza umana": a service asked for as human
const HUMAN_SERVICE = /\b(atendimento|atencion|assistance|assistenza|suporte|soporte|ayuda|ajuda|aiuto|aide|supporto|contatto|contacto|contato) (humano|humana|humain|humaine|umano|umana)\b|\bmenschliche(n)? (hilfe|beratung|unterstutzung|betreuung)\b/;
// "is there a cruise specialist I can chat with", "c'è qualcuno dello studio con cui posso parlare?": whoever it is, the clause
// makes them someone to talk to
const IS_THERE_ONE_TO_TALK_TO = /\b(is there|are there|c e|ce|ci sono|y a t il|il y a|hay|tem|existe|gibt es|hatten sie|haben sie) (\w+ ){1,5}((i|we) (can|could)|con cui|con chi|avec qui|a qui|con quien|con quienes|com quem|mit dem|mit der|mit denen)( \w+){0,2} (talk|speak|chat|parlare|parler|hablar|falar|conversar|sprechen|reden)\w*\b/;
// "posso parlare con chi ripara i telefoni?": talking with whoever does something is talking with a person
const TALK_TO_WHOEVER_DOES = /\b(parlare|hablar|falar|conversar|parler|discuter) (\w+ ){0,2}(con chi|con quien|com quem|avec celui qui|avec celle qui|avec la personne qui|a la personne qui) \w+/;
// "pouvez-vous m'orienter vers quelqu'un", "can you direct me to someone"
const ORIENT_TO_SOMEONE = /\b(orienter|orientez|orientar|orienta|oriente|diriger|dirigez|rediriger|redirigez|encaminhar|encaminhe|indirizzare|indirizzarmi|indirizzatemi|derivar|derivarme|direct me|redirect me|point me) (vers|to|a|para|pra|al|ao|verso|an|zu|towards) (quelquun|someone|somebody|alguien|alguem|qualcuno|jemandem|jemanden|la personne|the person|une personne|a person|the right person|la bonne personne)\b/;
// "who's in charge there? let me talk to them", "Wer ist zuständig? Den würde ich gern sprechen"
const PRONOUN_TO_TALK_TO = /\b(let me|i want to|i d like to|id like to|can i|could i|i need to) (talk|speak|chat) (to|with) (them|him|her)\b|\b(den|die|ihn) (wurde|mochte|will|mochten|konnte|kann) ich (\w+ ){0,2}(sprechen|anrufen|erreichen)\b|\bje (veux|voudrais|souhaite|aimerais|peux|dois) (lui|leur) parler\b|\b(quero|queria|gostaria de|preciso) falar com (ele|ela|eles|elas)\b|\b(quiero|quisiera|necesito) hablar con (ella|ellos|ellas)\b|\b(voglio|vorrei|devo) (parlargli|parlarle|parlarci|parlare con lui|parlare con lei)\b/;
// the words those frames cannot match without (a verb of talking or of pointing the customer somewhere): most messages have none
const SIXTH_ROUND_FRAME_WORDS = new Set([
  ...TALK.slice(1, -1).split('|'), 'parlargli', 'parlarle', 'parlarci', 'parlarne', 'orienter', 'orientez', 'orientar', 'orienta', 'oriente', 'diriger', 'dirigez',
  'rediriger', 'redirigez', 'encaminhar', 'encaminhe', 'indirizzare', 'indirizzarmi', 'indirizzatemi', 'derivar', 'derivarme', 'direct', 'redirect', 'point',
]);
const WHO_IS_IT = /\b(who|whos|wer|qui|quem|quien|chi)\b/;
// Asks that need no person word: "Melden Sie sich bitte bei mir", "prenez contact avec moi", "reach out to me"
const CONTACT_ME_FIRST = /^(bitte )?(melden sie sich|meldet euch|melde dich) (\w+ ){0,3}bei mir\b|^(prenez|prends|veuillez prendre) contact avec moi\b|^(please )?(reach out|get back) to me\b|^(entre|entrem) em contato comigo\b|^(pongase|ponganse|ponte) en contacto conmigo\b|^(mi contatti|contattatemi|contattami)\b/;
// "put the repair guy on", "passez-le-moi", "pásamelo": someone put on the line
const PUT_THEM_ON = /^(please |pls )?put (the |your |a |an )?(\w+ )?(guy|gal|lady|person|human|manager|boss|tech|supervisor|agent|rep|owner|him|her|them|someone|somebody) on( the (phone|line))?( please| pls| now| asap)?$|^(passez|passe) (le|la|les) moi\b|^(pasamelo|pasamela|pasemelo|pasemela|pasenmelo|passamelo|passamela)\b|^me (lo|la) (passi|passa|pasa|pase)\b|^(geben sie|gib|gebt) (ihn|sie) mir\b/;
// "vocês podem me ligar?", "können Sie mich zurückrufen?": the company asked to call (English "can you call me…" names the customer as
// often as it asks for a call, and Rasa's demo data labels "can you call me back?" as not a request for a person)
const YOU_CALL_ME = /^(\w+ ){0,2}(voces |ustedes |vous |voi |sie |ihr )?(podem|pueden|pouvez|pourriez|potete|potreste|konnen|konnten|konnt) (voces |ustedes |vous |voi |sie |ihr )?(me|mi|mich|m) (ligar|retornar|llamar|rappeler|appeler|richiamare|chiamare|anrufen|zuruckrufen|contatar|contactar|contacter|contattare|kontaktieren)\b|^(\w+ ){0,2}(potete|potreste) (richiamarmi|chiamarmi|contattarmi)\b/;
const CALL_ME_A_THING = /\b(call|ring|phone|ligar|llamar|appeler|chiamare|anrufen|rappeler|retornar)( me| mi| mich| m)? (a|an|un|une|um|uma|una|ein|einen|eine|by|par|por|per|bei|mit)\b/;
// "no more automatic answers", "keine automatischen Antworten mehr", beside a person asked for
const NO_MORE_AUTOMATIC = /\b(keine|no more|plus de|no mas|chega de|basta|basta con|nada de|stop the|stop) (\w+ )?(automatischen|automatische|automated|automatic|automatiques|automaticas|automaticos|automatiche|automatici|canned) (antworten|answers|replies|responses|reponses|respuestas|respostas|risposte|messages|nachrichten)\b/;
// "with whom can I talk about this?"
const WITH_WHOM = new RegExp(`\\b(mit wem|a qui|avec qui|con quien|com quem|con chi|with whom)\\b( \\w+){0,4} ${TALK}\\b`);
const AVAILABLE = /^(available|around|free|disponible|disponibles|libre|libres|livre|livres|frei|erreichbar|joignable|disponivel|disponiveis|disponibile|disponibili|libero|libera|online|conectado|conectada|connecte|connectee|collegato|collegata)$/;
// "is your assistant available in Spanish?": a language offered, not a person asked for
const IN_A_LANGUAGE = /\b(available|disponible|disponibles|disponivel|disponibile|verfugbar|erhaltlich) (in|en|em|auf) (english|spanish|french|german|italian|portuguese|chinese|ingles|espanol|frances|aleman|italiano|portugues|chino|anglais|espagnol|francais|allemand|italien|portugais|chinois|englisch|spanisch|franzosisch|deutsch|italienisch|portugiesisch|chinesisch|inglese|spagnolo|francese|tedesco|portoghese|cinese|espanhol|alemao|chines)\b/;
const IN_THE_CHAT_NOW = /^(online|conectado|conectada|connecte|connectee|collegato|collegata)$/;
// "anyone available to help pay a bill": available for a task
const AVAILABLE_FOR_TASK = new RegExp(`\\b${AVAILABLE.source.slice(1, -1)} (to|para|pour|per|zum|um) (?!((un|une|a|an|um|uma|una|ein|einen|einem)\\s)?(${TALK.slice(1, -1)}|echange|discussion|conversation|appel|call|conversa|conversacion|charla|llamada|chamada|chiamata|gesprach|telefonat|jump on|hop on|get on)\\b)`);
const WHEN = /\b(when|hours|what time|wann|bis wann|ab wann|offnungszeiten|quand|horaires|heures|jusqu|cuando|horario|horarios|a que hora|hasta que hora|quando|horas|orari|orario|a che ora)\b/;
// How to reach a department or person: its hours, number or address (Bitext's labelling: not a request to talk).
const CONTACT_DETAILS = /\b(hours|open|opening|closed|number|email|address|when|wann|offnungszeiten|geoffnet|offen|telefonnummer|nummer|adresse|post|quand|horaires|ouvert|ouvre|ferme|numero|cuando|horario|horarios|abre|cierra|abierto|correo|direccion|quando|horas|fecha|aberto|endereco|orari|orario|aperto|apre|chiude|indirizzo|hotline)\b|\b(cual|qual|quel|quelle|quale|what|welche|welches|lautet|quoi)\b( \w+){0,3} (phone|telephone|telefono|telefone|telefon)\b/;
const STRONG_REQUEST = /\b(talk|speak|chat|connect|transfer|put me|pass me|sprechen|reden|verbinden|verbinde|weiterleiten|durchstellen|parler|passez|passer|transferez|mettez|hablar|pasame|paseme|transfiera|transfiereme|comuniqueme|conecteme|pongame|falar|transfira|transfere|passa|parlare|passami|passi|trasferisca|mette)\b/;
const CALLBACK = /(?:^|\s)(me (llama|llame|llamen|llamaria|llamar|liga|ligue|ligar|ligam|ligarem|rappeler|rappelle|rappelez|rappelles)|llamarme|llamenme|rappelez moi|rappelle moi|mi (\w+ )?(richiamare|richiami|richiama|richiamate|chiamare|chiami|chiama)|richiamarmi|richiamato|richiamata|mich (\w+ ){0,4}(zuruckrufen|anrufen)|(ruft|ruf|rufen) mich (\w+ ){0,3}(zuruck|an)|call me back|call me|ruckruf|rappel par|demande de rappel|rappel telephonique|(devolver|devolverme) la llamada|me (devuelva|devuelvan|devuelve|devuelvas) la llamada|me (retornar|retorne|retornem|retorna)\b|(faites|fais|faire) moi rappeler|retornar (a |minha )?(ligacao|chamada)|(me|mi) (puede|pueden|podria|podrian|pode|podem|poderia|peut|pouvez|puo|potete|potrebbe) (llamar|ligar|appeler|rappeler|chiamare|richiamare|contactar|contatar|contacter|contattare)|mich (\w+ ){0,4}(anzurufen|zuruckzurufen)|mich (\w+ ){0,3}kontaktieren|sich (\w+ ){0,3}bei mir melden|m appeler|m rappeler|me contacter|m contacter|me liguem|me chamem|me telefone|me telefonem|ring me|phone me|telephone me|(message|text|email|ring|phone) me back|give me a (ring|call|bell)|appelez moi|appelle moi|(llamado|llamada|ligado|ligada|chiamato|chiamata) (por|da|de)|callback|call back from|rappeler par|reach out( to me)?( please| pls)? $|(contacted|called|phoned|rung) (back )?by|me recontacter|me recontacte|(vuelva|volver|vuelvan) a (contactar|llamar)|entrar em contato comigo|entre em contato comigo|entrasse em contato comigo|ricontattarmi|ricontattare|ricontattami|(pode|puede|peut|puo|kann|podria|poderia|pourrait) me (contatar|contactar|ligar|llamar|chamar|appeler|rappeler|recontacter|richiamare|kontaktieren|anrufen))/;
// "pass my details on so they can contact me": a call asked for
const SO_THEY_CONTACT_ME = /\bso (that )?(they|someone|somebody|he|she|an agent|a person|a human) (can|could|will|would) (contact|call|ring|phone|reach|email) me\b/;
// "waiting for a human to reply": the person is what is awaited
const WAITING_FOR = /\b(waiting|wait|warte|warten|attends|attendre|espero|esperando|aguardo|aguardando|aspetto|aspettando)( still| ages| forever| so long| long| here| now)? (for|on|auf|pour|por|a|que|qu|per) (a|an|un|una|une|um|uma|einen|einem|eine|real|actual|some|someone|somebody|anyone|qualcuno|alguien|alguem|quelquun|jemanden|jemand)\b( \w+){0,2} ?(human|person|agent|someone|somebody|anyone|humain|humano|umano|mensch|menschen|mitarbeiter|agente|operatore|operador|conseiller|asesor|atendente|reply|respond|answer|antwortet|reponde|responda|risponda)?\b/;
// a description of someone met before: "the agent on the phone was rude"
const STORY = /\b(was|were|war|waren|etait|etaient|fue|fueron|foi|foram|era|erano|yesterday|gestern|ayer|ontem|ieri|eu|tuve|tive|avuto|had)\b/;
// An opening imperative to call the customer is itself the ask: "Appelez-moi, je préfère expliquer de vive voix", "ring me pls"
const CALL_ME = /^(please |pls |plz |bitte |por favor )?(call me back|ring me back|phone me back|request a callback)\b|^(please |pls |plz |bitte |por favor )?(call me|ring me|phone me|give me a (ring|call|bell)|appelez moi|appelle moi|rappelez moi|rappelle moi|llameme|llamame|llamenme|me llaman|me liga|me ligue|ligue me|liguem me|me liguem|chiamatemi|mi chiami|richiamatemi|mi richiami|rufen sie mich (bitte )?(an|zuruck)|ruf mich (bitte )?(an|zuruck)|ruft mich (bitte )?(an|zuruck))(( (please|pls|plz|asap|now|today|svp|stp|sil vous plait|vite|demain|por favor|hoy|ahora|manana|urgente|agora|hoje|amanha|bitte|heute|morgen|jetzt|per favore|oggi|domani|subito))+\b|$)/;
const JOB = /\b((work|working)(?<!\b(isnt|is not|not|stopped|arent|wasnt|doesnt|dont|didnt|wont|cant|keeps not) (work|working))|apply|applying|hiring|hire|become|career|careers|job|jobs|arbeiten|arbeite|bewerben|bewerbung|einstellen|travailler|travaille|postuler|devenir|recrutez|recrutement|embauchez|trabajar|trabajo|contratando|contratan|trabalhar|trabalho|contratam|lavorare|lavoro|cercate|assumete|assumono|candidarmi|diventare|vagas|vaga de|vacantes|vacante|offene stellen|freie stellen|stellenangebote|ausbildungsplatze|ausbildungsplatz|praktikum|stagiaires|faire un stage|estagio|estagiarios|practicantes|pasantias|tirocinio|stagisti|postes ouverts|postes disponibles|puestos disponibles|puestos vacantes|posizioni aperte)\b|\b(suchen sie|sucht ihr|buscan|procuram|para ser|quiero ser|quero ser|pour etre|como ser) (\w+ ){0,2}(mitarbeiter|agentes?|atendentes?|asesor|asesores|operadores?|conseillers?|berater)\b/;
// "are there humans working for you?" asks for one of them
const HUMANS_AT_WORK = /\b(humans|people|persons|menschen|humains|humanos|umani|pessoas|personas|persone)\b/;
const SOMEONE_REAL = /\b(am i|are we) (talking|chatting|speaking) (to|with) (someone|somebody|anyone) real\b/;
const HUMAN_OR_MACHINE = /\b(humain|humaine|personne|humano|humana|persona|pessoa|umano|umana|mensch|person|human)( real| reale| vera| vero| echter| de verdad| de verdade)? (o|ou|oder|or|oppure) (un |une |una |uno |um |uma |ein |eine |einen |a |an |la |le |il )?(robot|robo|bot|chatbot|maquina|machine|macchina|maschine|ia|ki|ai|computer|programa|programm|programme|programma|intelligence|inteligencia|intelligenza)\b|\b(robot|robo|bot|chatbot|maquina|machine|macchina|maschine|ia|ki|ai|computer) (o|ou|oder|or|oppure) (un |une |una |uno |um |uma |ein |eine |einen |a |an )?(humain|humaine|personne|humano|humana|persona|pessoa|umano|umana|mensch|person|human)\b/;
const ARE_YOU_HUMAN = /\b(tu es|t es|vous etes|etes vous|es tu|usted es|es usted|eres|voce e|vc e|e voce|lei e|sei|siete|sind sie|bist du|ist das( hier)?)( vraiment| really| wirklich| davvero| de verdad)? (un |une |una |uno |um |uma |ein |eine |einen )?(vrai |vraie |real |echter |echte |vero |vera |reale )?(humain|humaine|personne|humano|humana|persona|pessoa|umano|umana|essere umano|mensch|robot|robo|bot|chatbot|maquina|machine|macchina|roboter)\b/;
const BOT_FRUSTRATION = /\b(bot|robot|robo|chatbot|roboter|maquina|macchina|maschine|du|tu|toi|dir|voce)\b.*\b(nul|nulle|useless|inutil|inutile|sinnlos|nutzlos|marre|cansado|cansada|canse|cansei|basta|sirve|serve|sers|capisce|capisci|entiende|entende|comprend|comprends|versteht|bringt|stupid|stupide|dumm|idiot|tonto|burro|stupido|pointless|hilfe|keine|capte|captes|pige|piges)\b|\b(done|finished|fed up) with (the |this |your )?(bot|robot|chatbot)\b|\b(marre|canse|cansei|basta|genug) (de |do |da |con |von |mit )?(ce |este |esse |questo |diesem |dem |il |el |o )?(bot|robot|robo|chatbot|roboter|maquina|macchina)\b/;
const NO_BOT_ELSEWHERE = /\b(no quiero|nao quero|je ne veux pas|je veux pas|je veux plus|non voglio|ich will nicht|ich mochte nicht|ich will keinen|ich mochte keinen|je refuse de|me niego a|me recuso a|mi rifiuto di|ich weigere mich)( \w+)? (con|com|avec|a|mit|with|to) (un |una |um |uma |une |ein |einem |einer |el |la |o |le |il |lo |dem |der |este |esse |ce |questo )?(bot|robot|robo|maquina|macchina|maschine|roboter|chatbot|machine|automat|automaten|automate|automata)\b|\b(bot|robot|robo|chatbot|roboter) aus\b|\b(stop|chega de|assez de|arrete|fini|fini le|finis) (le |o |el |il |ce |den |dem )?(bot|robot|robo|chatbot|roboter)\b|\b(ich will keinen|je ne veux pas de|je veux pas de|no quiero|nao quero|non voglio) (bot|robot|robo|roboter|chatbot|maquina|macchina)\b/;
// A relative or purpose clause after "someone": a person for a job ("jemanden, der die Küche streicht"), unless it is to help or talk.
// "jemanden aus der Konditorei": "der" after a preposition is an article, not a relative clause
const PREPOSITION_BEFORE_CLAUSE = /^(aus|von|vom|bei|in|im|an|am|zu|zur|mit|de|da|di|du|des|from|of|at)$/;
const JOB_CLAUSE = /^(der|die|das|welcher|qui|que|che|who|that|para|pour|per|to|um|zum|kann|peut|puede|pode|puo|can|could|pourrait|podria|poderia|potrebbe|schicken|envoyer|enviar|mandar|mandare|send)$/;
// Verbs that hand the customer over: "passatemi qualcuno che ne capisca" asks for that someone whatever the clause says.
const HAND_OVER_WORD = /^(holen|holt|passatemi|passami|passi|passa|passez|passe|pasame|paseme|pasa|pongame|ponme|comuniqueme|conecteme|transfer|transferez|transfiera|transfira|trasferisca|verbinden|verbinde|durchstellen|weiterleiten|mettez|mette|metta|gib|donne|dame|dammi|hol|chama|arruma|fammi|fatemi|connect|put|give|gimme|get|geben|gebt)$/;
const HELP_OR_TALK_WORD = new RegExp(`^(${HELP.slice(1, -1)}|${TALK.slice(1, -1)}|rappeler|zuruckrufen|anrufen|ligar|llamar|richiamare|richiamarmi|chiamarmi|retornar|devolver|contactar|contacter|kontaktieren|assist|call|appeler|chiamare|recontacter|ricontattarmi|ricontattare|ricontattami|llamarme|explain|erklart|erklaren|explique|expliquer|explicar|explica|spieghi|spiegare|atender|atenderme|atendre|atienda|verbinden|weiterleiten|durchstellen)$`);
// Modals ask for a person only with a verb of talking: "kann jemand mein Auto reparieren?" is a job.
// third-person forms the modal check above does not list: "quelqu'un peut me rappeler"
const OTHER_MODALS = new Set(['peut', 'peuvent', 'pueden', 'podem', 'possono', 'konnen']);
const MODALS = new Set(['kann', 'konnen', 'kannst', 'konnte', 'konnten', 'pode', 'puede', 'puedo', 'posso', 'puis', 'pouvez', 'puo', 'puoi', 'potete', 'pourriez', 'pourrais', 'podria', 'poderia']);

// Asking for a number or address to reach them by: "a free number to talk to customer service".
const CONTACT_NUMBER = /\b(number|phone|telephone|email|address|hotline|numero|nummer|telefonnummer|telefono|telefone|adresse|direccion|endereco|indirizzo|correo)\b( \w+){0,2} (to|para|pour|per|um|zum|a) (talk|speak|call|reach|contact|chat|hablar|llamar|falar|ligar|parler|appeler|joindre|parlare|chiamare|sprechen|anrufen|erreichen)\b/;
const TITLES = new Set(['herr', 'herrn', 'frau', 'monsieur', 'madame', 'mademoiselle', 'mme', 'senor', 'senora', 'senorita', 'sr', 'sra', 'senhor', 'senhora', 'dona', 'signor', 'signore', 'signora', 'signorina', 'mr', 'mrs']);

const personWords = new Set(PERSON);
// each phrase with its first word and its space-padded form, built once rather than per message
const PHRASE_FIRST_WORDS = PERSON_PHRASES.map((phrase) => [phrase, phrase.split(' ')[0]!, ` ${phrase} `] as const);
// the phrases' indices by first word: a message looks up its own words rather than trying every phrase
const PHRASES_BY_FIRST_WORD = new Map<string, number[]>();
PHRASE_FIRST_WORDS.forEach(([, first], index) => PHRASES_BY_FIRST_WORD.set(first, [...(PHRASES_BY_FIRST_WORD.get(first) ?? []), index]));
const TRADE_AFTER = /^(viajes|viagens|voyage|seguros|assurance|assurances|reisen)$/;
const INDEFINITE_PERSON = /^(someone|somebody|anyone|anybody)$/;
const NOT_ASKED_FOR_AFTER = /^(may|might|used|is|has|have|made|stole|hacked|took|who|that|called|named|born|using|charged|was|know|knows|else s|in|at|on|to|out|there)$/;
const TALK_OR_HELP_VERB = /^(talk|speak|chat|help|assist)$/;
const OWN_CALL_VERB = /^(call|text|email|message|phone|dial)$/;
const REAL_PEOPLE = /(real|actual|live|your|ur)/;
const requestWords = new Set(REQUEST);
const TYPO_TARGETS = ['human', 'person', 'agent', 'representative', 'operator', 'someone', 'employee', 'customer', 'service', 'speak', 'talk'];

/** Edit distance ≤ 1 for words of five letters or more ("humna", "agnet", "reprsentative"). */
let known: Set<string> | undefined;
function vocabulary(): Set<string> {
  // the one-word phrases too: "kundenbetreuer" stays itself rather than its compound's head
  known ??= new Set([...PERSON, ...REQUEST, ...FILLER, ...TYPO_TARGETS, ...REQUEST_AFTER, ...PERSON_PHRASES.filter((phrase) => !phrase.includes(' '))]);
  return known;
}

// Real words one slip from a target: French "argent" (money) is not an agent, nor a steak speech, nor Hunan a human.
const NOT_TYPOS = new Set(['argent', 'steak', 'steaks', 'employer', 'employers', 'employed', 'hunan', 'arent', 'serviced']);

const rememberedTypoCorrection = rememberedPerWord(correctedTypo);
function correctTypo(word: string): string {
  return word.length < 5 ? word : rememberedTypoCorrection(word);
}

function correctedTypo(word: string): string {
  if (personWords.has(word) || requestWords.has(word) || NOT_TYPOS.has(word)) return word;
  for (const target of TYPO_TARGETS) {
    if (Math.abs(target.length - word.length) <= 1 && withinOneEdit(word, target)) return target;
  }
  return word;
}

const FILLER = new Set(['und', 'zwar', 'and', 'et', 'needed', 'required', 'wanted', 'gesucht', 'thanks', 'thx', 'ty', 'merci', 'gracias', 'obrigado', 'obrigada', 'grazie', 'danke', 'a', 'an', 'the', 'real', 'live', 'actual', 'please', 'pls', 'plz', 'now', 'just', 'some', 'one', 'i', 'want', 'need', 'to', 'talk', 'speak', 'with', 'me', 'get', 'give', 'un', 'una', 'une', 'um', 'uma', 'ein', 'einen', 'einem', 'mit', 'con', 'com', 'avec', 'oh', 'hi', 'hello', 'hey', 'ok', 'okay', 'handoff', 'handover', 'help', 'service', 'customer', 'support', 'team', 'from', 'your', 'care', 'proper', 'else', 'another', 'other', 'gimme', 'any', 'by', 'rather', 'would', 'like', 'id', 'dont', 'wanna', 'bot', 'not', 'de', 'du', 'da', 'do', 'el', 'la', 'le', 'bitte', 'svp', 'sil', 'vous', 'plait', 'por', 'favor', 'vite', 'echten', 'echter', 'vrai', 'verdad', 'verdade', 'per', 'favore', 'subito', 'adesso', 'ora', 'ya', 'ahora', 'agora', 'ja', 'jetzt', 'sofort', 'schnell', 'maintenant', 'urgent', 'urgente', 'dringend', 'uno', 'il', 'lo', 'o', 'os', 'los', 'las', 'der', 'die', 'den', 'dem', 'echt', 'echte', 'vero', 'vera', 'reale', 'vraie', 'real', 'mal', 'gerne', 'mir', 'moi', 'mi', 'me', 'stp', 'porfa', 'pfv', 'aqui', 'ai', 'qui', 'ici', 'hier']);

/** The hand-written rules alone: precise on the phrasings they know, blind to the others. */
export function matchContactRequestRules(text: string): { isRequest: boolean; score: number } {
  const whole = matchMessage(text);
  if (whole.isRequest || !SEVERAL_SENTENCES.test(text)) return whole;
  // one sentence of several may be the ask ("Sie verstehen mich nicht. Mitarbeiter bitte."); a look-alike verdict of the whole stands
  if (whole.score === 0.05 || whole.score === 0.1) return whole;
  // or a first clause of a person word and filler: "un humain, vite, c'est pour des obsèques"
  if (text.includes(',')) {
    const first = text.slice(0, text.indexOf(','));
    // two words at least: a lone "Mensch, …" is an interjection
    const length = first.trim().split(/\s+/).length;
    if (length >= 2 && length <= 4 && PERSONISH_STEM.test(first) && matchMessage(first).score === 0.9) return { isRequest: true, score: 0.8 };
  }
  for (const sentence of text.split(SENTENCE_END)) {
    if (sentence.trim() !== '' && sentence !== text && matchMessage(sentence).isRequest) return { isRequest: true, score: 0.8 };
  }
  return whole;
}

// a cheap look for a person word's stem before the first clause is read again
const PERSONISH_STEM = /hum|pers|agent|mensch|mitarb|conseil|asesor|atend|operat|rep|staff|some|any|quelq|algu|qualc|jemand|berat|consul|geren|manag|supervis|respons/i;
const SEVERAL_SENTENCES = /[.!?;,。！？]\s*\S/u;
const SENTENCE_END = /[.!?;。！？]+/u;

function matchMessage(text: string): { isRequest: boolean; score: number } {
  const chinese = matchChineseContactRequest(text);
  if (chinese === 'request') return { isRequest: true, score: 0.8 };
  if (chinese === 'look-alike') return { isRequest: false, score: 0.05 };
  const normalized = normalizeForContactRequest(text, vocabulary());
  if (!normalized) return { isRequest: false, score: 0 };
  const words = normalized.split(' ').map(correctTypo);
  const sentence = words.join(' ');
  const joined = ` ${sentence} `;

  if (RIGHT_DESK.test(joined)) return { isRequest: true, score: 0.8 };
  if (NO_BOT.test(joined) || NO_BOT_ELSEWHERE.test(joined)) return { isRequest: true, score: 0.95 };
  // each of this round's whole-message patterns needs a word most messages lack: look for it before running the expression
  // French "humain(e)" has no "uman" in it
  if ((joined.includes('uman') || joined.includes('umai') || joined.includes('menschlich')) && HUMAN_SERVICE.test(joined) && !CURIOSITY.test(joined) && !HUMAN_OR_MACHINE.test(joined)) return { isRequest: true, score: 0.85 };
  if (BARE_REQUEST.test(normalized) || BARE_REQUEST.test(sentence) || SHORT_ASK.test(sentence) || CALL_ME.test(sentence) || (joined.includes(' so ') && SO_THEY_CONTACT_ME.test(joined))) return { isRequest: true, score: 0.8 };
  if (CONTACT_ME_FIRST.test(sentence) || PUT_THEM_ON.test(sentence) || (YOU_CALL_ME.test(sentence) && !CALL_ME_A_THING.test(sentence)) || askedForBy(words)) return { isRequest: true, score: 0.8 };
  if (MANNER.test(joined) || MANNER_ELSEWHERE.test(joined) || CONTACT_NUMBER.test(joined)) return { isRequest: false, score: 0.05 };
  if (LANGUAGE_SPOKEN.test(sentence)) return { isRequest: false, score: 0.05 };
  const curious = CURIOSITY.test(joined) || CURIOSITY_ELSEWHERE.test(joined) || HUMAN_OR_MACHINE.test(joined) || ARE_YOU_HUMAN.test(joined) || SOMEONE_REAL.test(joined);
  const strong = STRONG_REQUEST.test(joined);
  if ((joined.includes(' any') || joined.includes(' personne')) && NO_ONE.test(joined)) return { isRequest: false, score: 0.05 };
  if (!curious && asksForDescribedPerson(sentence, words)) return ELSEWHERE.test(joined) ? { isRequest: false, score: 0.5 } : { isRequest: true, score: 0.8 };
  if (!curious && asksForRoleByEnding(words)) return ELSEWHERE.test(joined) ? { isRequest: false, score: 0.5 } : { isRequest: true, score: 0.8 };
  // a job with us ("work as an agent", "vous recrutez des conseillers ?"), not a request to talk to one
  if (JOB.test(joined) && !strong && !HUMANS_AT_WORK.test(joined)) return { isRequest: false, score: 0.05 };

  const { positions: personAt, departments, talkOnly } = ourPersonPositions(words, joined);
  // "un opérateur peut prendre le relais ?": the person word is followed by "can", which elsewhere makes it someone else's
  if (!curious && words.some(isPersonWord) && (TAKE_OVER.test(joined) || TAKE_OVER_END.test(joined))) return { isRequest: true, score: 0.85 };
  if (!curious && WITH_WHOM.test(joined)) return { isRequest: true, score: 0.75 };
  if (!curious && words.some((word) => SIXTH_ROUND_FRAME_WORDS.has(word)) && (IS_THERE_ONE_TO_TALK_TO.test(joined) || TALK_TO_WHOEVER_DOES.test(joined) || ORIENT_TO_SOMEONE.test(joined) || (PRONOUN_TO_TALK_TO.test(joined) && WHO_IS_IT.test(joined)) || (NOT_THE_BOT.test(joined) && words.some((word) => TALK_WORD.test(word))))) {
    return ELSEWHERE.test(joined) ? { isRequest: false, score: 0.5 } : { isRequest: true, score: 0.75 };
  }
  // "can a real agent review my case?", "alguien del equipo podría revisar mi caso": a person asked to handle the customer's case
  if (!curious && words.some((word) => CASE_VERBS.has(word)) && (HANDLE_MY_CASE.test(joined) || HANDLE_MY_CASE_LAST.test(joined))) return ELSEWHERE.test(joined) ? { isRequest: false, score: 0.5 } : { isRequest: true, score: 0.8 };
  if (personAt.length === 0) return { isRequest: false, score: curious ? 0.1 : 0.02 };
  // their hours, number or address: how to reach them, not a request to be put through now
  if (!strong && CONTACT_DETAILS.test(joined) && !CALLBACK.test(joined)) return { isRequest: false, score: 0.05 };
  if (!curious) {
    if (HELPER.test(sentence) || EXISTS_TO_TALK.test(joined) || CALLBACK.test(joined) || BOT_FRUSTRATION.test(joined) || TAKE_OVER.test(joined) || (ON_THE_PHONE.test(joined) && !STORY.test(joined)) || APPOINTMENT.test(joined) || WAY_TO_REACH.test(joined) || NOT_THE_BOT.test(joined) || NO_MORE_AUTOMATIC.test(joined) || WAITING_FOR.test(joined) || ASSISTANCE_FROM.test(joined)) {
      return ELSEWHERE.test(joined) ? { isRequest: false, score: 0.5 } : { isRequest: true, score: 0.85 };
    }
    // "is an advisor free?", "c'è un operatore disponibile?"
    // "available" with a department asks how to reach it (Bitext's labelling); "online" or "connected" asks for someone in the chat now:
    // "ist jemand aus dem Support online?"
    const available = personAt.some((at) => !departments.has(at) && words.slice(Math.max(0, at - 3), at + 6).some((word) => (departments.size === 0 ? AVAILABLE : IN_THE_CHAT_NOW).test(word)));
    const forTask = AVAILABLE_FOR_TASK.test(joined);
    if (available && !forTask && !WHEN.test(joined) && !IN_A_LANGUAGE.test(joined)) return { isRequest: true, score: 0.75 };
  }

  // A person word with only filler around it: "agent!", "real human pls", "human handoff".
  if (!curious && words.length <= 6 && words.every((word) => FILLER.has(word) || isPersonWord(word)) && !words.some((word) => WEAK_REQUEST.has(word) && word !== 'want' && word !== 'need' && word !== 'get' && word !== 'wanna')) {
    return { isRequest: true, score: 0.9 };
  }
  // A request aimed at a person, within a few words before it.
  for (const at of personAt) {
    for (let i = Math.max(0, at - 6); i < at; i += 1) {
      if (MODALS.has(words[i]!) && isSomeone(words[at]!) && !words.slice(at + 1, at + 8).some((after) => HELP_OR_TALK_WORD.test(after))) continue;
      if (talkOnly.has(at) && !isTalkOrHandOver(words[i]!)) continue;
      // "mi colleghi"; "il me faut quelqu'un"
      const connectMe = (words[i] === 'colleghi' && words[i - 1] === 'mi') || (words[i] === 'faut' && (words[i - 1] === 'me' || words[i - 1] === 'nous'));
      // "transfer my booking to another person": a thing of the customer's handed on, not the customer
      if (MOVES_A_THING.test(words[i]!) && words.slice(i + 1, at - 1).some((word, k) => POSSESSIVE.test(word) && !FORWARDED.test(words[i + 2 + k] ?? ''))) continue;
      if (PAST_BEFORE_TALK.test(words[i - 1] ?? '') && /^(parle|hable|parlato|gesprochen|falado|hablado)$/.test(words[i]!)) continue;
      // "get me your billing team" asks for them; "get the billing team's number" does not
      const weak = WEAK_REQUEST.has(words[i]!) && !(words[i] === 'get' && words[i + 1] === 'me');
      if ((requestWords.has(words[i]!) || connectMe) && !curious && !(departments.has(at) && weak)) {
        return ELSEWHERE.test(joined) ? { isRequest: false, score: 0.5 } : { isRequest: true, score: 0.85 };
      }
    }
    // a German clause after "mit …" may be long before its verb: "mit jemandem aus der Praxis über meine Befunde reden"
    const reach = words[at - 1] === 'mit' || words[at - 2] === 'mit' ? 10 : 6;
    for (let i = at + 1; i < Math.min(words.length, at + reach); i += 1) {
      if ((REQUEST_AFTER.has(words[i]!) || (SPOKEN.has(words[i]!) && WOULD_LIKE.test(text))) && !curious) return { isRequest: true, score: 0.85 };
    }
  }
  if (/\bare there (also |any )?(humans|people|real people|persons) (working|here|available)\b|\b(hay|tem|ci sono|il y a|gibt es) (gente real|gente de verdad|gente de verdade|personas reales|pessoas reais|persone vere|des vrais gens|de vraies personnes|echte menschen|humanos|umani|des humains) (trabajando|trabalhando|che lavorano|qui travaillent|die arbeiten|ahi|ai|aqui|ahora|agora|hoy|hoje|oggi|la|ici|disponibles|disponiveis|disponibili)\b|\bis there (a |an )?(human|person|real person|agent|someone|anyone|somebody) (i can|to) (talk|speak|chat)/.test(joined)) {
    return ELSEWHERE.test(joined) ? { isRequest: false, score: 0.5 } : { isRequest: true, score: 0.75 };
  }
  return { isRequest: false, score: curious ? 0.1 : 0.3 };
}

const SOMEONE_WORD = new RegExp(`^${INDEFINITE}$`);
const MOVES_A_THING = /^(transfer|transferir|transferer|transfiere|transfira|trasferire|ubertragen|pass|move|send|give|forward|passer|pasar|passar|mandar|enviar|envoyer|schicken|senden)$/;
const POSSESSIVE = /^(my|mi|mis|mon|ma|mes|meu|minha|meus|minhas|mein|meine|meinen|meinem|mio|mia|miei|mie|our|notre|nos|nuestro|nuestra|nosso|nossa|unser|unsere|unseren)$/;
// what a customer has forwarded to a person when asking for one: "pass my complaint to a manager"
const FORWARDED = /^(call|chat|case|question|complaint|request|issue|problem|conversation|appel|dossier|demande|reclamation|llamada|caso|consulta|reclamo|chamada|pedido|reclamacao|chiamata|pratica|reclamo|anruf|anfrage|fall|anliegen|beschwerde)$/;
// "un commercial" is a salesperson; "a commercial licence" is not
const FRENCH_DETERMINER = /^(un|une|le|au|du|des|votre|vos|quelquun)$/;
// "ich hätte gern die Teamleitung gesprochen": the German conditional with a past participle asks to speak to them
// the past participles that ask only after "hätte": "gesprochen", "geredet", Bavarian and Austrian "gredt"
const SPOKEN = new Set(['gesprochen', 'geredet', 'gredt']);
const WOULD_LIKE = /\bh(?:ä|ae)tte?n?\b/i;
// Verbs that put the customer through besides talking ones, for specialists asked for by trade
// hand-over verbs that may come after a long clause: "quelqu'un qui s'y connaît, mettez-moi en relation"
const HAND_OVER_LATER = /^(comuniqueme|transfere|mettez|verbinden|verbindet)$/;
const HAND_OVER_EXTRA = new Set(['conecta', 'conecte', 'conectame', 'conecteme', 'collegatemi', 'collegami', 'branchez', 'entretenir', 'transfert', 'transferencia', 'trasferimento', 'connected', 'mettre', 'relation', 'incontact', 'joindre', 'contacter', 'comunicar', 'comunicarme', 'redirigez', 'redirige', 'redirigeme', 'redireciona', 'reindirizzami', 'derivame', 'transferir', 'trasferire', 'weiterleiten', 'leiten', 'leite', 'pone', 'ponga', 'poner', 'pongame', 'ponme', 'passer', 'passar', 'passe', 'pasar', 'speak', 'talk']);
const TALK_WORD = new RegExp(`^${TALK}$`);
const DESK_OF = /^(area|service|servicio|servico|setor|sector|departamento|departement|ufficio|reparto)$/;
// "I don't want to talk to anyone", "je ne veux parler à personne": nobody asked for
const NO_ONE = /\b(dont|do not|don t|not|never)( \w+){0,2} (talk|speak|chat)\w* (to|with) (anyone|anybody)\b|\bne (\w+ ){0,2}parler a personne\b/;

// "Bitte einen Studienberater, …", "einen Menschen bitte": a person asked for with "bitte" first or right after
const GERMAN_INDEFINITE = /^(einen|eine|ein)$/;
// "cadê o atendente?", "where's the agent?", "wo bleibt der Mitarbeiter?": a person looked for
const WHERE_IS = /\b(cade|wheres|where is|where s|where are|onde esta|onde estao|donde esta|donde estan|ou est|ou sont|wo ist|wo bleibt|wo sind|wo bleiben|dov e|dove e|dove sono) (o |a |os |as |el |la |los |las |le |les |the |der |die |l |un |una |an |any |ein |eine |a real |an actual )?(\w+)\b/;

function askedForBy(words: readonly string[]): boolean {
  if (words[0] === 'bitte' && GERMAN_INDEFINITE.test(words[1] ?? '') && (isPersonWord(words[2] ?? '') || isPersonWord(words[3] ?? ''))) return true;
  if (GERMAN_INDEFINITE.test(words[0] ?? '') && ((isPersonWord(words[1] ?? '') && words[2] === 'bitte') || (isPersonWord(words[2] ?? '') && words[3] === 'bitte'))) return true;
  if (!words.some((word) => WHERE_WORDS.has(word))) return false;
  const where = WHERE_IS.exec(words.join(' '));
  return where !== null && isPersonWord(where[3]!);
}
const WHERE_WORDS = new Set(['cade', 'wheres', 'where', 'onde', 'donde', 'ou', 'wo', 'dov', 'dove']);

function isSomeone(word: string): boolean {
  return SOMEONE_WORD.test(word);
}

function isPersonWord(word: string): boolean {
  return personWords.has(word);
}

/** Where a person from our team is named: person words not owned by a third party; which of them name a department only. */
function ourPersonPositions(words: string[], joined: string): { positions: number[]; departments: Set<number>; talkOnly: Set<number> } {
  const positions: number[] = [];
  const departments = new Set<number>();
  const talkOnly = new Set<number>();
  words.forEach((word, i) => {
    if (!personWords.has(word)) {
      // "el área de siniestros", "le service des sinistres": the "de" names the desk, not the subject
      const ofADesk = DESK_OF.test(words[i - 2] ?? '') || DESK_OF.test(words[i - 1] ?? '');
      if (isDepartmentWord(word) && !NOT_OUR_PERSON_BEFORE.has(words[i - 1] ?? '') && ((!ABOUT.has(words[i - 1] ?? '') && !ABOUT.has(words[i - 2] ?? '')) || ofADesk) && (!GENERIC_DEPARTMENT.test(word) || DEPARTMENT_OF.test(words[i + 1] ?? ''))) {
        positions.push(i);
        departments.add(i);
      } else if (TALK_ONLY_PERSON.has(word) && !NOT_OUR_PERSON_BEFORE.has(words[i - 1] ?? '') && (word !== 'commercial' || FRENCH_DETERMINER.test(words[i - 1] ?? ''))) {
        positions.push(i);
        talkOnly.add(i);
      }
      return;
    }
    if (NOT_OUR_PERSON_BEFORE.has(words[i - 1] ?? '')) return;
    // "your chat assistant", "l'assistente virtuale": the bot itself
    if (/^(assistant|assistente|asistente)$/.test(word) && /^(chat|virtual|digital|ai|bot|smart|voice)$/.test(words[i - 1] ?? '')) return;
    // "a real human being" is a person; "human beings", "human nature" are not ours
    const aHumanBeing = word === 'human' && words[i + 1] === 'being' && /^(a|an|real|actual|one)$/.test(words[i - 1] ?? '');
    // "my agent can…" stays someone else's; "quelqu'un peut me rappeler ?", "un conseiller peut me recontacter ?" ask for them
    if (!aHumanBeing && NOT_OUR_PERSON_AFTER.has(words[i + 1] ?? '') && !((MODALS.has(words[i + 1]!) || OTHER_MODALS.has(words[i + 1]!)) && words.slice(i + 2, i + 5).some((after) => HELP_OR_TALK_WORD.test(after)))) return;
    // "agente de viajes", "agent de voyage": a trade, not our staff
    if (TRADE_AFTER.test(words[i + 2] ?? '')) return;
    const next = words[i + 1] ?? '';
    const handedOver = () => words.slice(Math.max(0, i - 4), i).some((before) => HAND_OVER_WORD.test(before) || TALK_WORD.test(before));
    if (INDEFINITE_PERSON.test(word) && NOT_ASKED_FOR_AFTER.test(next) && !((next === 'who' || next === 'that' || next === 'at' || next === 'from' || next === 'in') && handedOver()) && !(next === 'on' && /^(get|put|have) the (phone|line)$/.test(`${words[i - 1]} ${words[i + 2]} ${words[i + 3]}`))) return;
    // "someone to look at my car": a person for a job, not someone to talk to
    if (INDEFINITE_PERSON.test(word) && next === 'to' && !TALK_OR_HELP_VERB.test(words[i + 2] ?? '')) return;
    // "jemanden, der die Küche streicht", "alguien que arregle la lavadora": a person for a job, unless asked to talk to them
    if (isSomeone(word) && words.slice(i + 1, i + 4).some((after, k) => JOB_CLAUSE.test(after) && !PREPOSITION_BEFORE_CLAUSE.test(words[i + k] ?? '')) && !words.slice(i + 1, i + 8).some((after) => HELP_OR_TALK_WORD.test(after)) && !words.slice(Math.max(0, i - 4), i).some((before) => TALK_WORD.test(before) || HAND_OVER_WORD.test(before)) && !words.slice(i + 4, i + 14).some((after) => HAND_OVER_WORD.test(after) || HAND_OVER_EXTRA.has(after) || HAND_OVER_LATER.test(after))) return;
    // "call someone", "text someone": the customer's own calls
    if (OWN_CALL_VERB.test(words[i - 1] ?? '')) return;
    // a title is a person only when asked to talk to them, not "my invoice from Mr. Jones"
    if (TITLES.has(word)) departments.add(i);
    if (word === 'people' && !REAL_PEOPLE.test(words[i - 1] ?? '')) return;
    positions.push(i);
  });
  // the phrases whose first word the message has, in the list's order
  const candidates: number[] = [];
  for (const word of new Set(words)) for (const candidate of PHRASES_BY_FIRST_WORD.get(word) ?? []) candidates.push(candidate);
  candidates.sort((a, b) => a - b);
  for (const candidate of candidates) {
    const [phrase, , padded] = PHRASE_FIRST_WORDS[candidate]!;
    const index = joined.indexOf(padded);
    if (index < 0) continue;
    const before = joined.slice(0, index).trim().split(' ');
    if (NOT_OUR_PERSON_BEFORE.has(before[before.length - 1] ?? '') && !OURS_AFTER_MY.has(phrase)) continue;
    if (DEPARTMENTS.has(phrase) && ABOUT.has(before[before.length - 1] ?? '')) continue;
    const at = before.filter(Boolean).length;
    positions.push(at);
    if (DEPARTMENTS.has(phrase)) departments.add(at);
  }
  return { positions, departments, talkOnly };
}

function isTalkOrHandOver(word: string): boolean {
  return TALK_WORD.test(word) || HAND_OVER_WORD.test(word) || HAND_OVER_EXTRA.has(word);
}
