import { describe, expect, it } from 'vitest';
import { detectContactRequest } from '../../src/detection/contact-request.js';

// Our own wordings (not from any data set, nor from any frozen eval set) of
// the kinds issue 20's fourth round added rules for, written from how each
// language asks for a person: English verbs of routing and looping someone
// in, desks named in English, a human being, a trade asked for with a verb of
// talking, someone on the line, a call asked for as the opening imperative,
// a person taking over, a person asked for against the bot, a service asked
// for as human, help idioms, escalation in Spanish, Portuguese and German,
// drawn-out letters and chat shorthand; and the look-alikes the new rules
// must leave alone.
type Case = [kind: string, text: string];

const requests: Case[] = [
  ['a human being', 'could i chat to a real human being for a minute'],
  ['route me', 'route this conversation to the fraud desk please'],
  ['loop in', 'can you loop in somebody from legal'],
  ['hook me up', 'hook me up with one of your reps'],
  ['discuss with', 'I would rather discuss the renewal with an account executive'],
  ['a trade with a verb of talking', 'can I speak to a technician about the firmware'],
  ['whoever handles it', 'put me through to whoever handles damaged items'],
  ['an English desk', 'transfer me to the returns department'],
  ['someone on the line', 'can you get somebody on the line for me'],
  ['have a word with', 'I need to have a quick word with someone in your team'],
  ['ring me', 'ring me back asap'],
  ['a callback asked for', "I'd like a callback from one of your advisers"],
  ['French callback by someone', 'Je voudrais être rappelée par une conseillère'],
  ['opening imperative to call', 'Appelle-moi stp, c\'est plus simple'],
  ['a person taking over', 'could a human take over from here'],
  ['a person against the bot', 'Bitte einen Berater, nicht den Chatbot'],
  ['Portuguese human service', 'quero atendimento humano agora'],
  ['Italian human assistance', 'vorrei assistenza umana'],
  ['French available for a call', 'Un conseiller est disponible pour un appel ?'],
  ['Spanish short ask', '¿Algún agente disponible?'],
  ['Spanish help idiom', '¿Alguien me puede echar una mano?'],
  ['Portuguese way to reach', 'Qual o caminho para falar com um atendente?'],
  ['someone to explain to', 'is there someone I could explain my situation to'],
  ['Spanish escalate', 'Escálame con un supervisor'],
  ['Portuguese escalate', 'escala pra um supervisor por favor'],
  ['German escalate, verb last', 'Können Sie das an einen Teamleiter eskalieren?'],
  ['German give me someone', 'Geben Sie mir bitte jemanden vom Kundendienst'],
  ['German verb last: besprechen', 'Das möchte ich lieber mit einem Berater besprechen'],
  ['German shorthand', 'kannste mich mit nem mitarbeiter verbinden'],
  ['drawn-out letters', 'agennnt pleeease'],
  ['w/ for with', 'chat w/ a real person'],
  ['French urgent', 'un conseiller svp c\'est urgent'],
  ['Italian avere', 'come faccio ad avere un operatore?'],
  ['Chinese someone of ours to handle it', '请你们的客服来处理一下'],
  ['Chinese is the manager there', '经理在吗'],
  ['Chinese can anyone really help', '有人能真的帮我吗？'],
  // second pass
  ['a person to review the case', 'could one of your staff review my claim please'],
  ['French person to look at the file', "Quelqu'un de chez vous peut examiner mon dossier ?"],
  ['Spanish person to see the case', '¿Una persona puede ver mi caso?'],
  ['Italian person to handle it', 'Un operatore può gestire la mia richiesta?'],
  ['Chinese escalate to a person', '请把这个问题升级给经理'],
  ['Chinese talk to a real consultant', '想和真正的顾问聊聊'],
  ['a transfer asked for as a noun', 'Transferencia con un asesor, gracias'],
  ['French conversation with an expert', "J'aimerais m'entretenir avec une experte"],
  ['Spanish expert', '¿Puedo hablar con una experta en seguros?'],
  ['a team by its name', 'I need to talk to your compliance team'],
  ['someone who, after a hand-over verb', 'put me through to someone who can refund me'],
  ['reach out', 'can one of your people reach out to me'],
  ['someone to call', 'is there a person I could call about this?'],
  ['against an automated answer', 'I want a human, not an automated reply'],
  ['a person with thanks', 'real human, thanks'],
  ['German conditional of need', 'Ich bräuchte einen Berater für meine Versicherung'],
  ['German formal your after bitte', 'Verbinden Sie mich bitte mit Ihrem Teamleiter'],
  ['a phone call arranged with a named role', 'I want to schedule a quick call with my relationship manager'],
  // third pass
  ['details passed on for a call', 'forward my number to billing so they can call me'],
  ['a coordinator', 'can I talk to the event coordinator'],
  ['bump up', 'bump my ticket up to a supervisor please'],
  ['get me a team', 'get me your partnerships team'],
  ['a trade that calls', 'could the pharmacist ring me back about the dosage?'],
  ['a conversation with', 'I want to have a conversation with a real employee'],
  ['contacted by someone', 'I would like to be called back by an advisor'],
  ['waiting for a person', 'been waiting ages for an agent'],
  ['assistance from staff', 'I need assistance from a member of staff'],
  ['German switch someone in', 'Können Sie einen Kollegen zuschalten?'],
  ['German instead of a machine', 'Lieber ein Mensch statt Automat'],
  ['German where to reach', 'Wo erreiche ich einen Berater?'],
  ['German verb last: look at it', 'Ein Berater soll sich meinen Fall bitte ansehen'],
  ['French call me again', 'Un conseiller peut me recontacter demain ?'],
  ['French someone who knows, then the hand-over', "Je veux quelqu'un qui connaît les assurances, mettez-moi en relation"],
  ['French a look at the file', 'Une conseillère pourrait jeter un coup d\'œil à mon dossier ?'],
  ['Spanish step in', 'Que intervenga un supervisor'],
  ['Spanish a team by its place', 'Quiero hablar con el equipo de la tienda'],
  ['Portuguese a look at the case', 'Alguém pode dar uma olhada na minha conta?'],
  ['Portuguese the coordination', 'Me passa para a coordenação, por favor'],
  ['Italian call me again', 'Qualcuno può ricontattarmi oggi?'],
  ['Italian instead of the robot', 'Voglio un operatore invece del robot'],
  ['Chinese people of a department', '让售后部的人联系我'],
  ['Chinese someone who knows, to talk', '找个懂保险的人跟我聊聊'],
];

const lookAlikes: Case[] = [
  ['transferring a thing to someone', 'can I transfer my ticket to someone else'],
  ['a call in the past', 'I spoke to someone on the phone yesterday about this'],
  ['call me a taxi', 'appelez-moi un taxi pour demain'],
  ['call me by a name', 'llámame Carla, no señora'],
  ['human beings as a topic', 'do human beings read these chats?'],
  ['an engineer as a topic', 'your engineers did a great job on the update'],
  ['a department as a topic', 'which department makes the invoices?'],
  ['a desk as furniture', 'the desk I ordered arrived scratched'],
  ['the bot in a story', 'the bot told me the parcel was on its way'],
  ['Portuguese service in a story', 'o atendimento foi ótimo, obrigado'],
  ['someone in the forum', 'someone on the forum said the update fixes it'],
  ['callback as a technical word', 'what is the callback url for the webhook?'],
  ['a person for a job on a thing', 'can someone look at my washing machine next week'],
  ['the bot offered in a language', 'is the virtual assistant available in German?'],
  ['a role\'s approval', "does this need my supervisor's signature?"],
  ['a team as a topic', 'your design team did a lovely job on the new app'],
  ['someone who in a story', 'someone who works for you was very helpful yesterday'],
  ['a person on the phone in a story', 'the woman on the phone was really patient with me'],
  ['German a colleague in a story', 'Der Berater am Telefon war sehr geduldig.'],
  ['Spanish equipment', '¿Puedo conectar el equipo a la red?'],
  ['waiting for a delivery', "I'm waiting for the courier to arrive"],
];

describe('the fourth round\'s frames of a request for a person', () => {
  it.each(requests)('recognises %s: %s', (_kind, text) => {
    expect(detectContactRequest(text).isRequest).toBe(true);
  });
  it.each(lookAlikes)('leaves alone %s: %s', (_kind, text) => {
    expect(detectContactRequest(text).isRequest).toBe(false);
  });
});

describe('the department hint for the fourth round\'s desks', () => {
  it.each([
    ['Pouvez-vous me transférer au SAV ?', 'support'],
    ['Comuníqueme con el área técnica, por favor', 'support'],
    ['put me through to the service desk', 'support'],
  ])('%s → %s', (text, hint) => {
    const reading = detectContactRequest(text);
    expect(reading.isRequest).toBe(true);
    expect(reading.department).toBe(hint);
  });
});
