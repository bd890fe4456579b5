import { describe, expect, it } from 'vitest';
import { detectContactRequest } from '../../src/detection/contact-request.js';

// Our own wordings (not from any data set, and not in either frozen eval
// set) of the kinds of request issue 20's third round added patterns for: a
// department named by its generic word ("…abteilung", "el área de…"), a
// trade asked for with a verb of talking, a boss or team lead, being
// redirected or put in touch, someone online in the chat now, someone taking
// the conversation over, a person on the phone, a bare call back, a short
// "is there an operator?"; and the look-alikes those patterns must leave
// alone.
type Case = [kind: string, text: string];

const requests: Case[] = [
  ['German department compound', 'Ich möchte zur Reklamationsabteilung durchgestellt werden'],
  ['German "der Zuständige"', 'Ich will mit einem Verantwortlichen reden'],
  ['German conditional', 'Ich hätte gern den Filialleiter gesprochen'],
  ['German on the phone', 'Kann ich bitte jemanden am Telefon haben?'],
  ['German contact me', 'Kann mich jemand kontaktieren?'],
  ['German no humans here?', "Gibt's bei euch keinen Menschen?"],
  ['French trade', 'Un technicien peut m\'appeler ?'],
  ['French on the phone', 'Je peux avoir un conseiller au bout du fil ?'],
  ['French boss', 'Passe-moi ton chef'],
  ['French bare call back', 'rappelez-moi svp'],
  ['French take over', 'Un conseiller peut reprendre la discussion ?'],
  ['French salesperson', 'Je voudrais discuter avec un commercial de vos tarifs'],
  ['Spanish department can call', '¿El servicio técnico me puede llamar?'],
  ['Spanish bare call back', 'Llámenme por favor'],
  ['Spanish salesperson', 'Quiero hablar con un vendedor sobre precios'],
  ['Spanish put in touch', '¿Me ponen en contacto con alguien de cobranzas?'],
  ['Spanish online now', '¿Hay alguien de atención al cliente conectado?'],
  ['Portuguese send someone', 'Manda um atendente aqui'],
  ['Portuguese redirect', 'Me redireciona pro setor de cobrança'],
  ['Portuguese boss calls', 'Quero que o gerente me ligue'],
  ['Italian bare call back', 'Chiamatemi per favore'],
  ['Italian short ask', "C'è un operatore?"],
  ['Italian desk', 'Passatemi il reparto tecnico'],
  ['Italian salesperson', 'Vorrei parlare con un commerciale'],
  ['Chinese desk transfer', '转投诉部门'],
  ['Chinese person of a desk', '请安排技术支持的同事联系我'],
  ['Chinese is anyone there', '人工在不在'],
  ['a way to reach someone (es)', '¿Existe alguna manera de hablar con alguien de la empresa?'],
  ['an appointment with an adviser (de)', 'Ich möchte einen Termin mit einer Beraterin vereinbaren'],
  ['the right person (fr)', 'Vous pouvez me transférer vers la bonne personne ?'],
  ['the department in charge (pt)', 'Me encaminha para o departamento responsável, por favor'],
  ['formal "your" (de)', 'Verbinden Sie mich mit Ihrer Teamleiterin'],
  ['a call back as a noun (fr)', 'Demande de rappel par un conseiller svp'],
  ['chat shorthand (de)', 'kann ich mit jmdm vom Support reden'],
  ['a way to reach a person (zh)', '有办法联系到人工吗'],
];

const lookAlikes: Case[] = [
  ['someone else\'s adviser', 'Mein Berater ist im Urlaub'],
  ['a technician for a job (de)', 'Ich brauche einen Techniker für die Heizung'],
  ['a technician for a job (es)', 'Necesito un técnico para instalar el aire'],
  ['a technician for a job (pt)', 'Preciso de um técnico para instalar o ar'],
  ['a past visit', 'Le technicien est passé hier'],
  ['a licence, not a salesperson', 'I need a commercial license'],
  ['a flat, not a department', 'Quiero hablar sobre el departamento que alquilé'],
  ['directions to a department', '¿Cómo llego al departamento de ventas?'],
  ['someone else\'s boss', 'Meu chefe quer falar com vocês'],
  ['French money, not an agent', "Je voudrais virer de l'argent à ma sœur"],
  ['a job opening (it)', 'Avete posizioni aperte in amministrazione?'],
  ['an internship (fr)', 'Vous prenez des stagiaires cet été ?'],
  ['a past conversation (zh)', '我跟客服说过了'],
  ['labour cost (zh)', '人工成本太高'],
  ['a department available on a day', 'Is the support available on Sunday?'],
  ['a conversation that happened (fr)', "J'ai parlé avec votre conseillère hier, merci"],
  ['the staff\'s languages (de)', 'Welche Sprachen sprechen Ihre Kundenberater?'],
  ['human-or-program curiosity (zh)', '回复我的是程序还是人'],
  ['moving a service', 'How do I transfer my service to a new address?'],
  ['a payment reminder (fr)', "J'ai reçu un rappel de paiement, c'est normal ?"],
];

describe('contact requests to desks, trades and call backs (issue 20, third round)', () => {
  it.each(requests)('hands over: %s — %s', (_kind, text) => {
    expect(detectContactRequest(text).isRequest).toBe(true);
  });
  it.each(lookAlikes)('keeps with the bot: %s — %s', (_kind, text) => {
    expect(detectContactRequest(text).isRequest).toBe(false);
  });
});

describe('the department hint knows the desks and roles this round added', () => {
  const hints: Array<[text: string, department: string]> = [
    ['Verbinden Sie mich bitte mit der Vertriebsabteilung', 'sales'],
    ['Ich will mit jemandem aus der Buchhaltungsabteilung sprechen', 'billing'],
    ['Passez-moi le service des réclamations', 'support'],
    ['Quiero hablar con su jefa', 'manager'],
    ['Quero falar com o gerente da loja', 'manager'],
    ['帮我转投诉', 'support'],
  ];
  it.each(hints)('%s → %s', (text, department) => {
    const reading = detectContactRequest(text);
    expect(reading.isRequest).toBe(true);
    expect(reading.department).toBe(department);
  });
});
