import { describe, expect, it } from 'vitest';
import { detectContactRequest } from '../../src/detection/contact-request.js';

// Our own wordings (not from any data set, nor from any frozen eval set) of
// the kinds issue 20's fifth round added rules for: a person described
// rather than named (whoever does a job for the customer, the customer's own
// handler, someone who knows the matter, one of the company's people asked
// to call), a call asked for before its reason, a person brought into the
// chat, advice in person, a conversation wished for, "anyone there?" as a
// sentence of its own, Chinese fetch / send / look-for frames; after the
// second batch: a place handed over to, one of a trade's people, a real
// person asked to be there, who to talk to, a callback from a place, a
// person needed, a matter settled with a person, a role by its ending; after
// the third batch: a desk by its generic name, anyone from a desk there,
// someone who understands the customer's thing, subjunctive contact, call
// idioms; and the look-alikes the new rules must leave alone.
type Case = [kind: string, text: string];

const requests: Case[] = [
  ['whoever does the job', 'can I speak with whoever looks after our maintenance contract'],
  ['Spanish quien se encarga', '¿Puedo hablar con quien lleva mi reclamación?'],
  ['Portuguese quem cuida', 'Quero conversar com quem cuida da minha conta'],
  ['Italian chi si occupa', 'Vorrei parlare con chi si occupa delle spedizioni'],
  ['French la personne qui', 'Je voudrais joindre la personne qui suit mon dossier'],
  ['my own handler', 'please put me through to my account adviser'],
  ['German my handler, verb last', 'Ich will mit meiner Kundenberaterin telefonieren'],
  ['Spanish my handler', 'Necesito hablar con mi gestora'],
  ['someone who knows', 'can you find me somebody who understands pension transfers'],
  ['German someone who knows', 'Suchen Sie mir jemanden, der sich mit Zöllen auskennt'],
  ['Portuguese someone who knows', 'Encontre alguém que entenda de garantia, por favor'],
  ['one of yours to call me', 'I want one of your engineers to phone me about the outage'],
  ['Spanish one of yours, verb first', '¿Me puede llamar uno de sus técnicos esta tarde?'],
  ['French subjunctive contact', "J'aimerais qu'un conseiller me rappelle demain"],
  ['Italian subjunctive contact', 'Vorrei che un addetto mi ricontatti'],
  ['someone to call me', 'I need somebody to ring me about the invoice'],
  ['call me before the reason', 'Call me back, the app logs me out every time'],
  ['Spanish call me before the reason', 'Llámenme por favor, no consigo entrar'],
  ['a person into the chat', 'could you bring a supervisor into this chat'],
  ['loop in a person', 'loop in a colleague from finance'],
  ['advice in person', 'who can explain the tariff to me over the phone?'],
  ['Portuguese advice in person', 'Quem pode me explicar isso por telefone?'],
  ['a conversation wished for', "I'd like a proper chat with an actual person"],
  ['Italian chat wished for', 'Vorrei fare una chiacchierata con un operatore'],
  ['anyone there, then the problem', 'Is a person around? My order page is blank'],
  ['French anyone there', "Il y a un conseiller ? J'ai une question sur ma facture"],
  ['talk to someone at a place', 'I have to talk to someone at your warehouse'],
  ['German long verb-last clause', 'Kann ich mit jemandem aus Ihrem Team kurz über die Lieferung reden?'],
  ['a desk named by its field', 'Pouvez-vous me passer le service des sinistres ?'],
  ['Chinese fetch someone', '把你们店长叫过来'],
  ['Chinese talk to someone described', '我想跟物流部的负责人谈谈'],
  ['Chinese send someone to call', '麻烦安排个工作人员给我回个电话'],
  ['Chinese who can explain', '这个费用谁能给我解释一下'],
  ['Chinese someone who knows', '找个懂保险的人'],
  // after the second batch
  ['handed over to a desk', 'can you put me through to the bookings office'],
  ['Spanish handed over to a place', '¿Me pasa con la recepción, por favor?'],
  ['German handed over to a place, verb last', 'Können Sie mich mit der Personalabteilung verbinden?'],
  ['Portuguese handed over to a place', 'Pode me transferir para a secretaria?'],
  ['Italian handed over to a place', 'Mi passi la segreteria, grazie'],
  ['French fetch someone', 'Allez me chercher le gérant'],
  ['one of a trade after talking', 'could I talk to one of the pharmacists'],
  ['French one of a trade', "Je peux parler à l'un des vétérinaires ?"],
  ['a real person asked to be there', 'hello, any real people online?'],
  ['Spanish someone real there', '¿Hay alguien de verdad por ahí?'],
  ['who can I talk to', 'who should I talk to about this'],
  ['German who can I talk to', 'Wen kann ich da anrufen?'],
  ['a callback from a place', 'I want a call back from the main office'],
  ['German callback from a place', 'Bitte um Rückruf von der Zentrale'],
  ['a person needed', 'real person needed re: my deposit'],
  ['settled with a person', "I'd rather sort this out with a human"],
  ['Portuguese settled with someone', 'Quero resolver isso com alguém da equipe'],
  ['German settled with a role, verb last', 'Ich möchte das mit einem Disponenten klären'],
  ['not talking to machines', 'I refuse to... no, I won\'t talk to a bot, give me a person'],
  ['a role by its ending', 'let me talk to a pharmacologist'],
  ['Italian someone to phone me', 'Qualcuno dell\'ufficio mi può telefonare domani?'],
  ['Chinese put through to a place', '帮我转到售票处'],
  ['Chinese someone asked to talk to me', '让前台跟我说一下'],
  ['Chinese who can I talk to', '我该跟谁说这个事？'],
  // after the third batch
  ['a desk by its generic name', 'can I speak with reception about my parking permit'],
  ['French a desk', "Je voudrais parler à l'accueil"],
  ['Spanish a desk', '¿Puedo hablar con la secretaría del colegio?'],
  ['German compound desk, verb last', 'Kann ich kurz mit der Kundenzentrale sprechen?'],
  ['German compound role, verb last', 'Ich würde gern den Filialleiter sprechen'],
  ['anyone from a desk there', 'hi, anyone from accounts there?'],
  ['Italian anyone from a desk', "C'è qualcuno della contabilità?"],
  ['someone who understands my thing', 'is there anyone who understands my heat pump settings'],
  ['Portuguese someone who understands', 'Tem alguém que entenda do meu plano de saúde?'],
  ['French someone to take care of my thing', "Quelqu'un peut s'occuper de mon remboursement ?"],
  ['Spanish subjunctive contact', 'Quiero que alguien de su oficina me llame'],
  ['German subjunctive contact', 'Ich möchte, dass mich jemand aus der Buchhaltung anruft'],
  ['French subjunctive write', "J'aimerais que le responsable m'écrive"],
  ['someone to explain it to me', 'I want someone to explain this renewal to me'],
  ['the role to message me', 'get the site manager to message me'],
  ['a call idiom', 'could somebody give me a buzz this afternoon'],
  ['Spanish call idiom', '¿Alguien me puede dar un toque más tarde?'],
  ['Chinese a desk asked if anyone is there', '售后部门有人吗'],
  ['Chinese someone who knows the thing', '有没有懂报销的人'],
  ['Chinese a place to contact me', '希望物业的人联系我'],
];

const lookAlikes: Case[] = [
  ['nobody wanted', "I don't want to speak to anyone, just send the form"],
  ['French nobody wanted', 'Je ne veux parler à personne, merci'],
  ['a role that called before', 'my account adviser said the fee was waived'],
  ['a job for someone who knows', 'do you know a plumber who understands old boilers'],
  ['one of yours did something', 'one of your drivers scratched my car'],
  ['a trade at a place, no talking', 'my card was declined at the dentist'],
  ['a broken thing, not a job', 'the checkout page is not working again'],
  ['a call declined', 'please do not call me, email is fine'],
  ['Chinese a job done', '快递小哥把箱子搬到三楼了'],
  ['a call to a contact', 'connect me to my sister'],
  ['who to ask about the account itself', 'who can I talk to about the interest rate on my savings'],
  ['speaking in a manner', 'talk to me in a whisper'],
  ['talking to a thing with a person ending', 'how do I talk to the printer over wifi'],
  ['a real person in a story', 'are there real people in this documentary'],
  ['someone for a job on a thing', 'find me someone who can deal with my leaking gutter'],
  ['a desk as a topic', 'the reception was closed when I arrived'],
  ['not wanting a call', "je ne veux pas qu'on m'appelle"],
  ['Chinese a desk as a topic', '售后部门几点下班？'],
];

describe('the fifth round\'s frames of a request for a described person', () => {
  it.each(requests)('%s: "%s" asks for a person', (_kind, text) => {
    expect(detectContactRequest(text).isRequest).toBe(true);
  });
  it.each(lookAlikes)('%s: "%s" does not', (_kind, text) => {
    expect(detectContactRequest(text).isRequest).toBe(false);
  });
});
