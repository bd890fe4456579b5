import { describe, expect, it } from 'vitest';
import { detectContactRequest } from '../../src/detection/contact-request.js';

// Our own wordings (not from any data set, and not the frozen eval set) of the
// kinds of requests and look-alikes issue 20 lists, in every language the
// detector handles: slang, a team or department, someone who can actually
// help, frustration with the bot, a named person or role, one word, typos and
// missing accents, a call back, "is anyone available"; and someone else's
// person, a person for a job, curiosity about humans, the department as a
// topic, a job with us.
type Case = [kind: string, text: string];

const requests: Record<string, Case[]> = {
  de: [
    ['slang', 'gib mir mal nen echten menschen'],
    ['the team', 'Leiten Sie mich bitte an jemanden vom Kundenservice weiter'],
    ['someone who can help', 'Ist da irgendwer, der mir helfen kann?'],
    ['frustration', 'Du bist keine Hilfe, hol mir einen Kollegen'],
    ['named person', 'Verbinden Sie mich mit Herrn Schmidt'],
    ['a role', 'Ich verlange Ihren Vorgesetzten'],
    ['one word', 'Kundenberater'],
    ['typo, no umlaut', 'ich moechte mit einem mitarbieter reden'],
    ['call back', 'Kann mich ein Mitarbeiter anrufen?'],
    ['anyone available', 'Ist ein Mitarbeiter erreichbar?'],
  ],
  fr: [
    ['slang', 'file moi un humain stp'],
    ['the team', "Je veux être mis en relation avec quelqu'un de chez vous"],
    ['someone who can help', "Quelqu'un pourrait m'aider pour de vrai ?"],
    ['frustration', 'Ce chatbot est nul, je veux parler à une personne'],
    ['named person', 'Pouvez-vous me passer Monsieur Martin ?'],
    ['a role', 'Je demande à parler au directeur'],
    ['one word', 'opérateur svp'],
    ['typo, no accent', 'jpeux parler a un conseiler ?'],
    ['call back', "Qu'un conseiller me rappelle svp"],
    ['anyone available', 'Un agent est-il joignable ?'],
    ['politeness', "Un opérateur humain, s'il vous plaît"],
  ],
  es: [
    ['slang', 'dame un humano porfa'],
    ['the team', 'quiero que me atienda alguien del equipo'],
    ['someone who can help', '¿Alguien me puede ayudar en serio?'],
    ['frustration', 'El bot no entiende nada, quiero hablar con una persona'],
    ['named person', 'Póngame con el señor Pérez'],
    ['a role', 'Quiero hablar con el supervisor'],
    ['one word', 'operador!'],
    ['typo', 'kiero hablar con un ajente'],
    ['call back', '¿Me llama alguien, por favor?'],
    ['anyone available', '¿Hay un agente libre?'],
  ],
  pt: [
    ['slang', 'me arruma um humano ai'],
    ['the team', 'quero ser atendido por alguém da equipe'],
    ['someone who can help', 'Alguém pode me ajudar de verdade?'],
    ['frustration', 'Esse bot é inútil, quero falar com uma pessoa'],
    ['named person', 'Pode me passar para o senhor Carlos?'],
    ['a role', 'Quero falar com o gerente'],
    ['one word', 'operador'],
    ['typo', 'quero fala com um atendenti'],
    ['call back', 'Alguém me liga, por favor?'],
    ['anyone available', 'Tem algum atendente livre?'],
  ],
  it: [
    ['slang', 'dammi un umano'],
    ['the team', 'Voglio essere messo in contatto con qualcuno del vostro team'],
    ['someone who can help', 'Qualcuno mi può aiutare sul serio?'],
    ['frustration', 'Il chatbot è inutile, voglio parlare con una persona'],
    ['named person', 'Mi passa il signor Bianchi?'],
    ['a role', 'Voglio parlare con il direttore'],
    ['one word', 'operatore!'],
    ['typos', 'vorei parlare con un operatre'],
    ['call back', 'Mi può richiamare qualcuno?'],
    ['anyone available', "C'è un addetto libero?"],
    ['a department', 'Mi passi il reparto vendite'],
  ],
  zh: [
    ['slang', '给我找个真人'],
    ['transfer', '请帮我转到人工'],
    ['someone who can help', '有没有人能帮帮我'],
    ['frustration', '机器人根本没用，我要跟人说话'],
    ['named person', '请帮我联系李先生'],
    ['a role', '我要找你们主管'],
    ['a department', '麻烦叫一下你们的销售'],
    ['call back', '能安排客服给我打电话吗'],
    ['anyone available', '现在有客服在线吗'],
  ],
};

const lookAlikes: Record<string, Case[]> = {
  de: [
    ['their own person', 'Mein Steuerberater hat das so gesagt'],
    ['a person for a job', 'Ich brauche jemanden, der mir die Küche streicht'],
    ['curiosity', 'Sind Sie ein echter Mensch?'],
    ['department as a topic', 'Wann hat der Kundenservice geöffnet?'],
    ['a job with us', 'Ich möchte als Berater bei euch arbeiten'],
    ['an interjection', 'Mensch, das ging ja schnell!'],
  ],
  fr: [
    ['their own person', "Mon comptable s'occupe de la facture"],
    ['a person for a job', "Je cherche quelqu'un pour tondre ma pelouse"],
    ['curiosity', 'Vous êtes une vraie personne ?'],
    ['department as a topic', 'Le service client est ouvert le dimanche ?'],
    ['a job with us', 'Je voudrais travailler comme conseiller chez vous'],
    ['curiosity', 'Est-ce un humain ou une machine qui écrit ?'],
  ],
  es: [
    ['their own person', 'Mi contador revisa las facturas'],
    ['a person for a job', 'Necesito a alguien que arregle la lavadora'],
    ['curiosity', '¿Usted es humano?'],
    ['department as a topic', '¿El servicio al cliente abre los festivos?'],
    ['a job with us', 'Quiero trabajar como agente en su empresa'],
    ['curiosity', '¿Es una persona o una máquina la que contesta?'],
  ],
  pt: [
    ['their own person', 'Meu contador cuida das notas'],
    ['a person for a job', 'Preciso de alguém para pintar a casa'],
    ['curiosity', 'Você é humano?'],
    ['department as a topic', 'O atendimento ao cliente abre no domingo?'],
    ['a job with us', 'Quero trabalhar como atendente na empresa'],
    ['curiosity', 'Quem responde é uma pessoa ou uma máquina?'],
  ],
  it: [
    ['their own person', 'Il mio commercialista segue le fatture'],
    ['a person for a job', 'Mi serve qualcuno che ridipinga la cucina'],
    ['curiosity', 'Lei è un essere umano?'],
    ['department as a topic', 'Il servizio clienti è aperto la domenica?'],
    ['a job with us', 'Vorrei lavorare come operatore da voi'],
    ['curiosity', 'Scrive una persona o una macchina?'],
    ['someone else to talk to', 'Ne parlo con mio marito e vi faccio sapere'],
  ],
  zh: [
    ['their own person', '我的会计说发票有问题'],
    ['a person for a job', '我想找人帮我搬家'],
    ['curiosity', '你是机器人吗？'],
    ['department as a topic', '客服几点下班？'],
    ['a job with us', '我想在你们公司做客服'],
    ['artificial intelligence', '人工智能能帮我写作业吗'],
    ['a bank transfer', '转账要多久到账？'],
  ],
};

describe.each(Object.keys(requests))('contact_request in %s', (language) => {
  it.each(requests[language]!)('hears a request for a person (%s): %j', (_, text) => {
    expect(detectContactRequest(text).isRequest).toBe(true);
  });

  it.each(lookAlikes[language]!)('is not fooled (%s): %j', (_, text) => {
    expect(detectContactRequest(text).isRequest).toBe(false);
  });
});

describe('contact_request: the department hint in other languages', () => {
  it.each([
    ['Mi passi il reparto vendite', 'sales'],
    ['麻烦叫一下你们的销售', 'sales'],
    ['Vous pouvez me passer la compta ?', 'billing'],
    ['我要找你们主管', 'manager'],
    ['Vorrei parlare col direttore', 'manager'],
    ['请帮我接通售后', 'support'],
    ['Passami qualcuno del supporto tecnico', 'support'],
  ])('%j asks for %s', (text, department) => {
    const reading = detectContactRequest(text);
    expect(reading.isRequest).toBe(true);
    expect(reading.department).toBe(department);
  });
});
