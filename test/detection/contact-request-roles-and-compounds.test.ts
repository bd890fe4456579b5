import { describe, expect, it } from 'vitest';
import { detectContactRequest } from '../../src/detection/contact-request.js';
import { matchContactRequestRules } from '../../src/detection/contact-request-rules.js';

// Our own wordings (not from any data set, and not in any frozen eval set)
// of the kinds of request issue 20's sixth round added patterns for: a role
// recognised by its ending after a verb of talking or asked to call back,
// German compounds whose last part is the person, the formal "ihre" written
// in lower case, separable and dialect verbs, a teacher or a trade's expert
// asked for, callbacks with the pronoun first, Chinese roles by their
// ending; and the look-alikes those patterns must leave alone.
type Case = [kind: string, text: string];

const requests: Case[] = [
  ['French role by ending', 'Je voudrais parler avec une diététicienne de votre centre'],
  ['French "s\'adresser à"', "J'aimerais m'adresser à un carrossier de l'atelier"],
  ['Spanish role by ending', '¿Puedo hablar con la nutricionista del gimnasio?'],
  ['Portuguese role by ending', 'Gostaria de conversar com um corretor da imobiliária'],
  ['Italian role by ending', 'Vorrei parlare con un idraulico della vostra ditta'],
  ['German role by ending, verb last', 'Kann ich mit einem Elektriker von Ihnen sprechen?'],
  ['German "sich an … wenden"', 'Ich würde mich gern an einen Installateur wenden'],
  ['Spanish role asked to call back', '¿Un fontanero de ustedes me puede llamar?'],
  ['Portuguese role asked to call back', 'Uma engenheira de vocês pode me ligar amanhã?'],
  ['Italian someone asked to answer', 'Qualcuno del negozio mi può rispondere?'],
  ['German compound person', 'Dürfte ich bitte mit einer Vertriebsmitarbeiterin sprechen?'],
  ['German compound adviser, callback', 'Bitte um Rückruf durch eine Energieberaterin'],
  ['German lead of a unit', 'Ist es möglich, die Praxisleitung zu sprechen?'],
  ['German lower-case formal your', 'verbinden sie mich bitte mit ihrem kollegen aus dem versand'],
  ['German separable help', 'Kann mir bitte jemand aus der Werkstatt weiterhelfen?'],
  ['German colloquial "wen"', 'darf ich mal wen sprechen'],
  ['Swiss infinitive', 'Chönnt ich mit öpperem vo de Verwaltig rede, bitte mit em Mitarbeiter verbinde?'],
  ['Austrian participle after "hätt"', 'I hätt gern mit der Chefin gredt'],
  ['German teacher with a talk verb', 'Ich möchte mit der Gitarrenlehrerin telefonieren'],
  ['German my handler on the phone', 'Ich hätte gern meinen Kundenbetreuer am Telefon'],
  ['person word with "und zwar"', 'Beraterin bitte, und zwar sofort'],
  ['French not a machine', 'je veux jaser avec un vrai gars, pas avec une machine'],
  ['Portuguese call me back', 'a gerente pode me retornar ainda hoje?'],
  ['Spanish return the call', 'necesito que el encargado me devuelva la llamada'],
  ['Portuguese bare hand-over', 'me transfere'],
  ['Spanish complaints desk', 'pásame al área de quejas'],
  ['English put in touch', 'could I be put in touch with one of your surveyors'],
  ['English is there a … I can talk to', 'is there a wedding planner i can talk to'],
  ['English get a role to ring me', 'get an electrician from your team to ring me this afternoon'],
  ['Chinese put through to a role', '麻烦接一下营养师'],
  ['Chinese find someone to talk', '找个设计师跟我聊聊'],
  ['Chinese call me back', '请安排维修员回我电话'],
  ['Chinese is there someone to talk', '有装修顾问可以跟我谈谈吗'],
  ['Chinese contact the one in charge', '帮我联系门店的负责人'],
];

const lookAlikes: Case[] = [
  ['a language asked about, verb first', 'Sprechen die Trainer im Fitnessstudio auch Englisch?'],
  ['a past conversation in German', 'Ich habe mit dem Elektriker geredet, er kommt Dienstag'],
  ['a past conversation with a participle', "J'ai parlé avec le carrossier hier, merci"],
  ['a machine with a role ending', 'Je ne veux pas parler avec un ordinateur'],
  ['my adviser, no ask', 'Mein Energieberater hat das Formular schon geschickt'],
  ['my adviser changed', 'Ich möchte meinen Berater wechseln'],
  ['a membership, not a role', '我要开会员'],
  ['a water pipe, not a lead', 'Die Wasserleitung im Keller tropft, was kostet die Reparatur?'],
  ['a compound person as a topic', 'Wie viele Servicemitarbeiter arbeiten am Wochenende?'],
  ['a reminder, not a callback', 'rappelez-moi de payer la facture lundi'],
  ['get in touch, how', 'how do i get in touch with your head office'],
];

describe('contact requests named by a role the rules have no entry for, and German compounds (issue 20, sixth round)', () => {
  it.each(requests)('recognises %s: %s', (_kind, text) => {
    expect(detectContactRequest(text).isRequest).toBe(true);
  });

  it.each(lookAlikes)('leaves alone %s: %s', (_kind, text) => {
    expect(detectContactRequest(text).isRequest).toBe(false);
  });

  it('the rules alone find the role-by-ending frames, not only the model', () => {
    for (const text of ['Je voudrais parler avec une diététicienne de votre centre', 'Kann ich mit einem Elektriker von Ihnen sprechen?', '麻烦接一下营养师']) {
      expect(matchContactRequestRules(text).isRequest).toBe(true);
    }
  });
});
