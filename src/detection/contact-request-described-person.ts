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
 * And, written after a second batch: a hand-over verb with "me" aimed at a
 * place or desk ("put me through to the driving school", "pasarme con la
 * autoescuela", "mich mit der Fahrschule verbinden"), one of a trade's
 * people after a verb of talking ("one of the opticians", "uno de los
 * ópticos"), a real person asked to be there, "who can I talk to?", a
 * callback from a place, a person "needed" or "wanted", settling the matter
 * with a person ("sort it out with someone", "voir ça avec un membre du
 * personnel"), not talking to machines, a role named by its ending after a
 * verb of talking ("chat to an optometrist"). After a third batch: a desk
 * or office talked to by its generic name ("speak to admissions", "parler au
 * standard", "mit der Studienberatung reden"), "anyone from … there?",
 * someone who understands or can take care of the customer's thing, a
 * subjunctive asking someone to contact, write to or explain to the
 * customer ("que la prof m'écrive", "dass mich … kontaktiert"), call-me
 * idioms (give me a buzz, dar un toque), German compound roles and desks
 * with a verb last ("den Studioleiter sprechen").
 * Each frame needs a word most messages lack, looked for before the
 * expression runs.
 */

const TALK_OR_HAND_OVER =
  '(talk|speak|chat|word|comentar|comentarlo|comentarle|conversar|conversare|chatten|chatear|platicar|discuter|discutir|echanger|connect|connected|put|transfer|transferred|pass|write|email|message|reach|contact|sprechen|reden|schreiben|verbinden|verbunden|durchstellen|weiterleiten|kontaktieren|erreichen|parler|ecrire|joindre|contacter|passer|passez|relation|transferer|hablar|escribir|escribirle|contactar|comunicarme|comunicar|pasar|pasame|paseme|conectar|conecteme|falar|escrever|contatar|contactar|passar|conectar|parlare|scrivere|contattare|passare|passami|mettetemi|mettermi|incontact|collegatemi|collegarmi)';

// whoever does a job for the customer: "…with whoever handles…", "…con quien se encarga…"
const WHOEVER = '(whoever|the person (who|that)|the one (who|that)|the people (who|that)|someone (who|that)|somebody (who|that)|quien|quem|chi|la persona que|a pessoa que|la persona che|la personne qui|celui qui|celle qui|derjenigen die|demjenigen der|der person die|jemandem der|jemandem die)';
const DOES_THE_JOB =
  '(handles|handled|deals|manages|runs|looks after|takes care|is in charge|is responsible|se encarga|lleva|gestiona|maneja|atiende|cuida|trata|e responsavel|gerencia|si occupa|segue|gestisce|e responsabile|s occupe|soccupe|gere|suit|est en charge|est responsable|zustandig|verantwortlich|betreut|bearbeitet|kummert)';
const TALK_TO_WHOEVER = new RegExp(`\\b${TALK_OR_HAND_OVER}\\b( \\w+){0,3} (with|to|con|com|a|avec|mit|al|ao|au) ${WHOEVER}( \\w+){0,2} ${DOES_THE_JOB}\\b`);

// the customer's own handler: "write directly to my case handler", "mit meinem Sachbearbeiter sprechen"
const HANDLER = '(handler|adviser|advisor|manager|consultant|caseworker|case worker|contact|gestionnaire|conseiller|conseillere|interlocuteur|referent|referente|gestor|gestora|asesor|asesora|ejecutivo|ejecutiva|consultor|consultora|gerente|assessor|assessora|consulente|gestore|incaricato|incaricata|sachbearbeiter|sachbearbeiterin|ansprechpartner|ansprechpartnerin|berater|beraterin|betreuer|betreuerin|kundenberater|kundenberaterin)';
const MY = '(my|mon|ma|mi|meu|minha|o meu|a minha|il mio|la mia|mio|mia|meinem|meiner|meinen|mein|meine)';
// the customer's own handler wanted on the phone: "ich hätte gern meine Sachbearbeiterin am Telefon"
const MY_HANDLER_ON_THE_PHONE = new RegExp(`\\b(like|want|need|mochte|hatte gern|hatte gerne|will|voudrais|veux|aimerais|quiero|quisiera|quero|queria|gostaria|vorrei|voglio)\\b( \\w+){0,2} ${MY} ${HANDLER} (am telefon|ans telefon|an den apparat|au telephone|al telefono|ao telefone|on the phone|on the line)\\b`);
const TALK_TO_MY_HANDLER = new RegExp(`\\b${TALK_OR_HAND_OVER}\\b( \\w+){0,3} ${MY}( \\w+)? ${HANDLER}\\b|\\b(mit )?(meinem|meiner) (\\w+ )?${HANDLER}( \\w+){0,3} (sprechen|reden|schreiben|verbunden|telefonieren)\\b`);

// someone found for what they know: "find me someone who knows…", "búsqueme a alguien que sepa…"
const FIND = '(find|get|fetch|bring|holen|hol|suchen|such|finden|trouvez|trouve|trouvez moi|cherchez|busque|busqueme|busca|buscame|buscadme|arranja|arranje|arranjem|encontre|encontra|ache|trovate|trovatemi|trovami|cercate|cercatemi|cercami)';
const KNOWS = '(knows|understands|is familiar|auskennt|kennt|versteht|connait|sait|comprend|sy connait|sepa|sabe|entienda|conozca|domine|entende|entenda|conhece|saiba|intenda|capisce|capisca|conosce|sappia|esperto)';
const SOMEONE_WHO_KNOWS = new RegExp(`\\b${FIND}\\b( \\w+){0,3} (someone|somebody|a person|jemanden|jemand|quelquun|une personne|alguien|una persona|alguem|uma pessoa|qualcuno|una persona)( \\w+)? (who|that|der|die|qui|que|che)( \\w+){0,4} ${KNOWS}\\b`);

// one of the company's people to contact the customer
// "a member of your team" reaches the rules as "a staff"
const ONE_OF_YOURS = '(one of your|one of the|a staff|a member of your|a member of the|someone from your|somebody from your|eine ihrer|einer ihrer|einen ihrer|eine eurer|einer eurer|un de vos|une de vos|uno de sus|una de sus|uno de tus|una de tus|um dos seus|uma das suas|um de vossos|uma das|um dos|uno dei vostri|una delle vostre|uno dei suoi|una delle sue)';
const CONTACTS_ME = '(give me a (buzz|ring|call|bell|shout)|me (\\w+ )?(dar|passer) (un|uma|um|une) (toque|ligada|coup de fil|telefonema)|mi (\\w+ )?(fare|dare) (uno squillo|una telefonata)|phone me|call me|ring me|mi (\\w+ )?telefonare|telefonarmi|me telefonear|contact me|email me|reach out|get in touch|follow up with me|mich (\\w+ )?(zuruckrufen|anrufen|kontaktieren)|bei mir melden|me (rappeler|rappelle|recontacter|recontacte|contacter|contacte|appeler|appelle|llamar|llame|contactar|ligar|ligue|contatar|contate|chamar)|(llamar|llamarme|contactarme|ligar|ligarme|richiamare|richiamarmi|ricontattarmi|contattarmi|chiamarmi)|entre(m)? em contato|entrar em contato|mi (ri)?(contatti|chiami|contattino|chiamino|chiamasse|contattasse|telefoni))';
const YOURS_TO_CONTACT_ME = new RegExp(`\\b${ONE_OF_YOURS}\\b( \\w+){0,6} ${CONTACTS_ME}\\b|\\b(me|mich) (\\w+ ){0,2}(llamar|contactar|ligar|contatar|appeler|rappeler|contacter|chiamare|richiamare|contattare)\\b( \\w+){0,2} ${ONE_OF_YOURS}\\b|\\bmich\\b( \\w+){0,3} ${ONE_OF_YOURS}( \\w+){1,3} (zuruckrufen|anrufen|kontaktieren)\\b|\\b(have|get|ask) (one of )?(your|the|a|an) (\\w+ ){1,5}to (phone|call|ring|contact|email|text|message|write to) me\\b|\\b(can|could|would|will) (your|the) (\\w+ ){1,4}(call|phone|ring|contact|email|text|message) me\\b|\\b(like|want|need) (one of )?your (\\w+ ){1,2}to (phone|call|ring|contact|email|text|reach out to) me\\b`);
// "I need someone to call me", "arrange for a person to follow up with me"
const SOMEONE_TO_CONTACT_ME = /\b(need|want|like|get|have|send|arrange for|ask)( me)? (someone|somebody|a person|a human|an agent|a rep|a representative|an adviser|an advisor|a manager|a real person|an actual person)( \w+){0,3} to (call|phone|ring|contact|email|text|follow up with|reach out to|get in touch with|get back to) me\b/;
// "qu'un collaborateur me recontacte", "peço que um colaborador entre em contato", "chiedo che un vostro incaricato mi richiami"
const THAT_SOMEONE_CONTACTS_ME = /\b(que|qu|che|dass) (un|une|um|uma|una|uno|ein|eine|einer|quelquun|alguien|alguem|qualcuno)( \w+){0,4} ((me|m) (recontacte|contacte|rappelle|appelle|llame|contacte|ligue|contate|chame)|entre em contato|mi (ri)?(contatti|chiami)|mich (\w+ )?(anruft|kontaktiert|zuruckruft)|sich (\w+ )?bei mir meldet)\b/;

// someone asked, through us, to call the customer: "demander à l'animatrice de me téléphoner", "pedirle al técnico que me llame",
// "chiedere al tecnico di richiamarmi", "bitten Sie den Monteur, mich anzurufen"
const ASK_THEM_TO_CALL_ME = /\b(demander|demandez|demande) (a|au|aux) (\w+ ){0,5}de (me|m) (rappeler|telephoner|appeler|contacter|recontacter|ecrire)\b|\b(pedir|pidale|pidele|pidanle|pide|pedirle) (a|al) (\w+ ){0,5}que me (llame|llamen|contacte|contacten|escriba|marque)\b|\b(chiedere|chieda|chiedi|chiedete) (a|al|alla|all|ad) (\w+ ){0,5}di (chiamarmi|richiamarmi|contattarmi|telefonarmi|scrivermi)\b|\b(bitten|bitte|fragen) sie (\w+ ){0,5}(mich )?(anzurufen|zuruckzurufen|zu kontaktieren)\b/;
// a call asked for first, the reason after it (not "call me a taxi")
const CALL_ME_FIRST = /^(please |pls |bitte |por favor |svp )?(call me back|ring me back|phone me back|call me asap|rufen sie mich (bitte )?(zuruck|an)|ruf mich (bitte )?(zuruck|an)|ruft mich (bitte )?(zuruck|an)|appelez moi|rappelez moi|rappelle moi|llamenme|llameme|me llaman|me liguem|liguem me|ligue me|me ligue|chiamatemi|richiamatemi|mi chiami|mi richiami)\b(?! (a|an|un|une|uno|una|um|uma|ein|einen|eine) (taxi|cab|uber|ambulance|car|voiture|coche|carro|macchina|auto|wagen))/;

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

// a hand-over verb with "me", aimed at a place or desk: "put me through to the driving school office"
// (in English only to "the …" or "your …": "connect me to Bob" is a phone call)
const HAND_ME_OVER = /\b(put me|get me|be put) in touch with\b|\b(put me through|patch me through|connect me|transfer me|pass me( over| on| along)?|send me through) to (the|your|someone|somebody|one|a|an)\b|\b(be )?(connected|transferred|put through) to (one of|your|the)\b|\b(mich|uns) (bitte |doch |mal )*(mit|zu|an) (der|dem|den|die|einem|einer|eurer|eurem|euren|eure|ihrer|ihrem) (\w+ ){0,2}(verbinden|durchstellen|weiterleiten|weitergeben|weiter)\b|\b(me|m) (passer|transferer|basculer|rediriger|mettre en relation avec)\b|\b(pasarme|pasame|paseme|comunicarme|transferirme|conectarme|me comunica|me comunique|me transfiere|me transfiera|me pasa|me pase) (con|a|al|a la)\b|\b(me (transferir|transfere|transfira|passar|passa|passe|conectar|encaminhar)|transferir me|transfere me|passar me) (para|pra|com|ao|a)\b|\b(allez|va|vas|aller) me chercher\b|\b(passez|transferez|mettez) moi (le|la|l|les|un|une|votre|vos|au|a)\b|\b(verbinden|verbindet|verbinde|stellen) sie mich (bitte |doch )?(mit|zu|an|durch)\b|\b(passarmi|passami|trasferirmi|collegarmi|mi passi|mi passa|mi trasferisca|mi colleghi|mi giri|mi gira) (con |a |al |alla )?(la |il |lo |l )?\w+/;

// one of a trade's people after a verb of talking: "speak to one of the opticians", "einen der Optiker sprechen"
const ONE_OF_THEM = '(one of the|one of your|l un des|l une des|un de vos|une de vos|uno de los|una de las|uno de sus|una de sus|um dos|uma das|uno degli|uno dei|una delle|einen der|eine der|einem der|einer der|einen ihrer|einer ihrer)';
const TALK_TO_ONE_OF_THEM = new RegExp(`\\b${TALK_OR_HAND_OVER}\\b( \\w+){0,4} ${ONE_OF_THEM} \\w+|\\b${ONE_OF_THEM} \\w+( \\w+)? (sprechen|reden|erreichen)\\b`);

// a real person asked to be there: "any humans on today?", "hay alguien de verdad hoy?"
const REAL_SOMEONE = '(humans?|real (person|people|human)|someone real|somebody real|jemand echtes|jemand echter|quelquun de reel|quelquun de vrai|alguien de verdad|alguien real|alguem de verdade|alguem real|qualcuno in carne e ossa|qualcuno di vero|qualcuno vero)';
const REAL_SOMEONE_THERE = new RegExp(`^(hi |hello |hey |hallo |bonjour |salut |hola |oi |ola |ciao )?(is there |are there |any |ist |sind |gibt es |il y a |y a t il |hay |tem |ha |c e |ci sono )(\\w+ ){0,2}${REAL_SOMEONE}( \\w+){0,2}$`);

// "who can I talk to?"
// (closing the sentence: "who can I talk to about the freeze on my account" asks about the account)
const WHO_TO_TALK_TO = /\b(who|whom) (can|could|should|do) i (\w+ ){0,2}(speak|talk|chat)( to| with)?( about this| about it| here| now| please)?$|\bwen (kann|konnte|soll) ich (\w+ ){0,3}(sprechen|anrufen|erreichen)\b/;

// a callback from a place: "a callback from the lettings office", "einen Rückruf vom Vermietungsbüro"
const CALLBACK_FROM = /\b(callback|call back|ruckruf|rappel|retorno de ligacao|retorno|richiamata|devuelvan la llamada|devolver la llamada|recontacte|recontacter|recontacte|recontactee) (\w+ ){0,1}(from|vom|von|par|desde|de la|del|da|do|dalla|dal)\b/;

// a person needed: "human needed for a refund dispute", "Mensch gesucht"
const PERSON_NEEDED = /^(a |an |ein |eine |un |une |una |uno |um |uma )?(real |live |echter |echte |vrai |vero |vera )?(human|person|agent|mensch|menschen|humain|humano|umano|pessoa|persona|mitarbeiter|operator|operatore)( \w+)? (needed|required|wanted|gesucht|benotigt|requis|necesario|necessario|necessaria|necessaria|urgente)\b/;

// the matter settled with a person: "sort it out with a person", "voir ça avec un membre du personnel", "ver isso com alguém"
const SETTLE = '(sort|sort it out|sort this out|go over|go through|discuss|raise|settle|work out|deal with|voir|regler|discuter|revoir|revisar|revisarlo|ver|tratar|arreglar|arreglarlo|resolver|resolverlo|vedere|vederla|sistemare|sistemarla|discutere|discuterne|durchgehen|besprechen|klaren|bereden|abklaren)';
const WHOM_TO_SETTLE_WITH = '(person|human|staff member|member of staff|someone|somebody|personne|humain|membre du personnel|persona|alguien|humano|pessoa|alguem|qualcuno|umano|mitarbeiter|mitarbeiterin|person|mensch|menschen|responsable|responsavel|responsabile|charge|chargee|alguien del personal|qualcuno del personale|alguem da equipe)';
// the rules' typo correction reads French "personnel" as "personne"
const A_STAFF_MEMBER = /\bmembre du personnel?\b/;
const SETTLE_WITH_A_PERSON = new RegExp(`\\b${SETTLE}\\b( \\w+){0,4} (with|avec|con|com|mit) (a |an |your |the |one of your |un |une |una |uno |um |uma |votre |su |sua |vostro |vostra |einem |einer |eurem |eurer )?(\\w+ )?(${WHOM_TO_SETTLE_WITH.slice(1, -1)}|${A_STAFF_MEMBER.source.slice(2, -2)})\\b|\\bmit (einem|einer|eurem|eurer|dem|der) (\\w+ )?(\\w+(er|erin|ent|enten|entin|ant|anten|antin|eur|eurin|ist|istin|or|orin|leitung)) (\\w+ ){0,2}(durchgehen|besprechen|klaren|bereden|abklaren)\\b`);
// someone asked to contact the customer: "qualcuno della scuola mi può telefonare?"
const SOMEONE_CONTACTS_ME = new RegExp(`\\b(someone|somebody|jemand|quelquun|alguien|alguem|qualcuno)( \\w+){0,5} ${CONTACTS_ME}\\b`);

// not talking to machines, with a person asked for beside it
const NOT_TO_MACHINES = /\b(no|not|nicht|pas|nao|non|dont|wont)( \w+){0,1} (talk|speak|chat|hablo|hablar|falo|falar|parle|parler|parlo|parlare|rede|spreche|reden)\w* (to |with |con |com |avec |a |mit )?(a |an |the |una |un |la |las |los |o |os |as |le |les |einer |einem |der |den )?(bot|bots|robot|robots|machine|machines|maquina|maquinas|macchina|macchine|maschine|maschinen|robo|robos)\b/;
const PERSON_BESIDE = /\b(person|persona|pessoa|personne|human|humano|humain|umano|mensch|menschen|someone|alguien|alguem|quelquun|qualcuno|jemand|jemanden)\b/;

// a role named by its ending after a verb of talking: "let me chat to an optometrist"
const ROLE_BY_ENDING = /\b(talk (to|with)|chat (to|with)|speak to) (a|an|the|your|one of your) (\w+ )?(?<role>\w{3,}(ist|ian|ician|ologist|or|er|ant|ent))s?\b/;
const NOT_A_PERSON_ENDING = /\b(computer|printer|server|router|scanner|charger|player|browser|counter|folder|order|monitor|calculator|translator|generator|controller|center|centre|number|paper|letter|member|provider|carrier|other|another|either|another|water|answer|error|manner|matter|register|filter|adapter|container|customer|whisper|speaker|accent|voice|tenant|student|parent|client|patient)s?$/;

// a desk or office talked to by its generic name: "speak to admissions", "parler au standard", "mit der Studienberatung reden"
const DESK = '(office|desk|department|admissions|reception|front desk|switchboard|central|centrale|standard|accueil|secretariat|sekretariat|zentrale|buro|bureau|oficina|escritorio|secretaria|recepcion|recepcao|ufficio|segreteria|servizio|service|servicio|servico|setor|sector|team|equipe|abteilung|admisiones|admissoes|ammissioni|\\w+beratung|\\w+zentrale|\\w+stelle|\\w+buro|\\w+abteilung)';
const GERMAN_ROLE_OR_DESK = '(\\w+(leiter|leiterin|berater|beraterin|lehrer|lehrerin|monteur|monteure|monteuren|techniker|technikerin|meister|meisterin|betreuer|betreuerin|planer|planerin|zentrale|beratung|buro|sekretariat|abteilung|service))';
const TALK_TO_A_DESK = new RegExp(`\\b(talk|speak|chat|sprechen|reden|parler|echanger|hablar|conversar|falar|parlare|parole)( \\w+){0,2} (to|with|mit|avec|au|a|con|com|al|ao|alla|all|allo) (the |der |dem |le |la |l |el |a |o |il |lo |los |las |os |as )?${DESK}\\b|\\b(den|die|das|einen|eine|euren|eure|eurem|mit dem|mit der|mit einem|mit einer|mit einem eurer|mit einer eurer)( \\w+)? ${GERMAN_ROLE_OR_DESK}( \\w+){0,4} (sprechen|reden|erreichen|durchsprechen|besprechen)\\b|\\b\\w*(zentrale|sekretariat|abteilung) (sprechen|erreichen)$`);

// "anyone from subscriptions there?", "¿hay alguien de suscripciones?"
const ANYONE_FROM_THERE = /^(hello |hi |hey |allo |alo |pronto |hola |oi |hallo |bonjour )?(is |ist |c e |hay |tem |y a t il |il y a |est ce qu il y a )?(anyone|anybody|someone|somebody|jemand|quelquun|alguien|alguem|qualcuno) (from|of|vom|von der|von|du|de la|de|des|da|das|do|dos|degli|dei|della|del|dal|dello)( \w+){1,4}( (there|here|around|online|da|hier|la|ici|ai|aqui|ahi|qui|esta ai|est la|e la|esta|ist da))?$/;

// someone who understands the customer's thing, or can take care of it ("quelqu'un peut s'occuper de ma borne"; in English "someone who can deal
// with my car" is a person for a job)
const WHO_UNDERSTANDS_MINE = /\b(is there|are there|gibt es|il y a|y a t il|hay|tem|ha|c e)( \w+)? (anybody|anyone|someone|somebody|jemanden|jemand|quelquun|alguien|alguem|qualcuno) (who|that|der|die|qui|que|che) (\w+ ){0,2}(understands|knows|can sort|can handle|can deal with|versteht|kennt|auskennt|entienda|sepa|entenda|saiba|capisca|sappia|conosca|comprend|connait)\b|\b(quelquun|alguien|alguem|qualcuno|jemand) (?!(qui|que|che|der|die) )(\w+ )?(peut|puede|pode|puo|kann) (s occuper|soccuper|ocuparse|cuidar|occuparsi|sich kummern) (de |of |with |do |da |della |del |um )?(my|mon|ma|mes|mi|mis|meu|minha|mio|mia|meine|meinen|mein)\b/;

// someone asked, in the subjunctive, to contact, write to or explain to the customer (not "je ne veux pas qu'on m'appelle")
const THAT_THEY_CONTACT_ME = /(?<!\b(no|ne|pas|nicht|non|nao|dont|not) (\w+ ){0,2})\b(que|qu|che|dass)( \w+){0,6} ((me|m|mi|mich|mir) (\w+ )?(contacte|contactasse|recontacte|rappelle|appelle|ecrive|explique|llame|escriba|escribiera|explicara|explicase|contacten|llamen|ligue|contate|escreva|explicasse|contattasse|contatti|chiami|chiamasse|richiamasse|telefonasse|scriva|spieghi|kontaktiert|anruft|zuruckruft|schreibt|erklart)|entre em contato|entrem em contato|sich (\w+ )?bei mir meldet|mich (\w+ ){0,6}(kontaktiert|anruft|zuruckruft)|mir (\w+ ){0,6}(erklart|schreibt))\b|\b(pede|peca|pedir|pidale|pidele|chiedi|chieda) (para|a|al|alla)( \w+){1,5} (me|mi) (escrever|ligar|contatar|chamar|responder|escriba|llame|scriva|chiami)\b|\bsoll sich (\w+ ){0,3}bei mir melden\b|\b(like|want|need) (someone|somebody|a person|an expert) (from \w+ )?to (explain|walk me through|go through)\b/;

// Each frame with the words it cannot match without (one of each list), so that a message runs only the
// frames whose words it has: most messages run none.
const words = (list: string) => list.split(' ');
const CONTACT_WORDS = words(
  'back buzz ring call bell shout toque ligada fil telefonema squillo telefonata phone contact email reach touch follow text message write zuruckrufen anrufen kontaktieren melden ' +
    'rappeler rappelle recontacter recontacte contacter contacte appeler appelle llamar llame llamarme contactarme ligar ligue ligarme contactar contatar contate chamar chame ' +
    'richiamare richiamarmi ricontattarmi contattarmi chiamarmi contato contatti chiami contattino chiamino ricontatti telefonare telefonarmi telefonear anruft kontaktiert zuruckruft meldet ' +
    'richiami chiamasse richiamasse telefoni telefonasse telephoner',
);
const WRITE_OR_EXPLAIN_WORDS = words('ecrive explique escriba escribiera explicara explicase contacten llamen escreva explicasse contattasse contactasse scriva spieghi schreibt erklart escrever responder explain walk through');
const SOMEONE_WORDS = words('anyone anybody someone somebody jemand jemanden quelquun alguien alguem qualcuno');
const FRAMES: ReadonlyArray<{ readonly frame: RegExp; readonly needs: readonly (readonly string[])[] }> = [
  { frame: TALK_TO_WHOEVER, needs: [words('handles handled deals manages runs looks takes charge responsible encarga lleva gestiona maneja atiende cuida trata responsavel gerencia occupa segue gestisce responsabile occupe soccupe gere suit zustandig verantwortlich betreut bearbeitet kummert')] },
  { frame: TALK_TO_MY_HANDLER, needs: [words(HANDLER.slice(1, -1).replace(/\|/g, ' ').replace('case worker', 'worker'))] },
  { frame: MY_HANDLER_ON_THE_PHONE, needs: [words('telefon apparat telephone telefono telefone phone line')] },
  { frame: SOMEONE_WHO_KNOWS, needs: [words('knows understands familiar auskennt kennt versteht connait sait comprend sepa sabe entienda conozca domine entende entenda conhece saiba intenda capisce capisca conosce sappia esperto')] },
  { frame: YOURS_TO_CONTACT_ME, needs: [CONTACT_WORDS] },
  { frame: ASK_THEM_TO_CALL_ME, needs: [words('demander demandez demande pedir pidale pidele pidanle pide pedirle chiedere chieda chiedi chiedete bitten bitte fragen')] },
  { frame: SOMEONE_TO_CONTACT_ME, needs: [CONTACT_WORDS, words('someone somebody person human agent rep representative adviser advisor manager')] },
  { frame: THAT_SOMEONE_CONTACTS_ME, needs: [words('que qu che dass'), CONTACT_WORDS] },
  { frame: INTO_THE_CHAT, needs: [words('chat conversation thread loop way')] },
  { frame: WHO_CAN_ADVISE, needs: [words('person personally face phone personlich telefonisch telefon voix personne telephone persona personalmente telefono pessoalmente telefone')] },
  { frame: WANTS_A_CONVERSATION, needs: [words(A_CONVERSATION.slice(1, -1).replace(/\|/g, ' '))] },
  {
    frame: HAND_ME_OVER,
    needs: [
      words(
        'touch through connect transfer pass connected transferred verbinden durchstellen weiterleiten weitergeben weiter passer transferer basculer rediriger mettre chercher passez transferez mettez ' +
          'verbindet verbinde stellen pasarme pasame paseme comunicarme transferirme conectarme comunica comunique transfiere transfiera pasa pase transferir transfere transfira passar passa passe ' +
          'conectar encaminhar passarmi passami trasferirmi collegarmi passi trasferisca colleghi giri gira',
      ),
    ],
  },
  { frame: TALK_TO_ONE_OF_THEM, needs: [words('one des vos los las sus tus dos das suas degli dei delle der ihrer'), [...words(TALK_OR_HAND_OVER.slice(1, -1).replace(/\|/g, ' ')), 'sprechen', 'reden', 'erreichen']] },
  { frame: REAL_SOMEONE_THERE, needs: [words('human humans real echtes echter reel vrai verdad verdade carne vero')] },
  { frame: WHO_TO_TALK_TO, needs: [words('who whom wen')] },
  { frame: CALLBACK_FROM, needs: [words('callback back ruckruf rappel retorno richiamata llamada recontacte recontacter recontactee')] },
  { frame: PERSON_NEEDED, needs: [words('needed required wanted gesucht benotigt requis necesario necessario necessaria urgente')] },
  { frame: SETTLE_WITH_A_PERSON, needs: [words('sort over through discuss raise settle work deal voir regler discuter revoir revisar revisarlo ver tratar arreglar arreglarlo resolver resolverlo vedere vederla sistemare sistemarla discutere discuterne durchgehen besprechen klaren bereden abklaren')] },
  { frame: TALK_TO_A_DESK, needs: [words('talk speak chat sprechen reden parler echanger hablar conversar falar parlare parole erreichen durchsprechen besprechen')] },
  { frame: ANYONE_FROM_THERE, needs: [SOMEONE_WORDS] },
  { frame: WHO_UNDERSTANDS_MINE, needs: [SOMEONE_WORDS] },
  { frame: THAT_THEY_CONTACT_ME, needs: [[...CONTACT_WORDS, ...WRITE_OR_EXPLAIN_WORDS], words('que qu che dass pede peca pedir pidale pidele chiedi chieda soll someone somebody person expert')] },
  { frame: SOMEONE_CONTACTS_ME, needs: [SOMEONE_WORDS, CONTACT_WORDS] },
  { frame: NOT_TO_MACHINES, needs: [words('bot bots robot robots machine machines maquina maquinas macchina macchine maschine maschinen robo robos')] },
];

// word -> the (frame, list) slots it fills
const SLOTS: number[] = [];
const SLOTS_OF_WORD = new Map<string, number[]>();
FRAMES.forEach(({ needs }, frame) => {
  needs.forEach((list, k) => {
    const slot = frame * 2 + k;
    for (const word of new Set(list)) {
      const slots = SLOTS_OF_WORD.get(word);
      if (slots === undefined) SLOTS_OF_WORD.set(word, [slot]);
      else slots.push(slot);
    }
  });
  SLOTS.push(needs.length);
});
const filled = new Uint8Array(FRAMES.length * 2);
const TALK_TO = new Set(['talk', 'chat', 'speak']);

/** Does the customer ask for a person they describe? `sentence` is the rules' normalised text, `words` its words. */
export function asksForDescribedPerson(sentence: string, words: readonly string[]): boolean {
  if (CALL_ME_FIRST.test(sentence)) return true;
  filled.fill(0);
  let any = false;
  let talkTo = false;
  for (const word of words) {
    const slots = SLOTS_OF_WORD.get(word);
    if (slots !== undefined) {
      any = true;
      for (const slot of slots) filled[slot] = 1;
    }
    if (TALK_TO.has(word)) talkTo = true;
  }
  if (any) {
    for (let i = 0; i < FRAMES.length; i += 1) {
      if (filled[i * 2] === 0 || (SLOTS[i] === 2 && filled[i * 2 + 1] === 0)) continue;
      const { frame } = FRAMES[i]!;
      if (frame === NOT_TO_MACHINES ? frame.test(sentence) && PERSON_BESIDE.test(sentence) : frame.test(sentence)) return true;
    }
  }
  if (!talkTo) return false;
  const role = ROLE_BY_ENDING.exec(sentence);
  return role?.groups?.role !== undefined && !NOT_A_PERSON_ENDING.test(role.groups.role);
}
