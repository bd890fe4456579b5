import { describe, expect, it } from 'vitest';
import { detectContactRequest } from '../../src/detection/contact-request.js';

// Our own wordings of the kinds of requests and look-alikes named in issue 20.
const requests: Array<[string, string]> = [
  ['slang', 'gimme a real person'],
  ['intensifier', 'a proper human pls'],
  ['the team', 'could you pass me to your team?'],
  ['customer care', 'someone from customer care please'],
  ['put through', 'put me through to support'],
  ['someone else', 'can I talk to someone else'],
  ['anyone who can help', 'is there anyone who can actually help me'],
  ['frustration with the bot', 'talking to a bot is pointless'],
  ['account manager', 'please put me through to my account manager'],
  ['the manager', 'I want the manager'],
  ['the founders', 'I want to speak to the founders'],
  ['one word', 'handoff'],
  ['one word', 'operator'],
  ['one word', 'representative'],
  ['sales', 'I would like to talk to your sales team'],
  ['switch', 'send me to an agent'],
  ['connected', 'can I be connected to a real person'],
  ['German', 'Kann ich bitte mit einem Mitarbeiter sprechen?'],
  ['French', 'Je voudrais parler à quelqu’un de votre équipe'],
  ['Spanish', 'Necesito hablar con un agente'],
  ['Portuguese', 'Quero falar com um atendente humano'],
];

const lookAlikes: Array<[string, string]> = [
  ['someone for a job', 'can someone look at the noise my fridge makes'],
  ['someone elsewhere', 'someone in the forum said to reinstall the app'],
  ['their own agent', 'my agent said the contract is ready'],
  ['department as a topic', 'what are customer service hours on Sunday'],
  ['department contact details', 'how do I contact customer service by email'],
  ['bot as a topic', 'do you sell a bot for my website'],
  ['curiosity', 'are you a real person?'],
  ['talk about sales', 'I want to talk about sales tax on my invoice'],
];

describe('contact_request: phrasings from issue 20', () => {
  it.each(requests)('hears a request for a person (%s): %j', (_, text) => {
    expect(detectContactRequest(text).isRequest).toBe(true);
  });

  it.each(lookAlikes)('is not fooled (%s): %j', (_, text) => {
    expect(detectContactRequest(text).isRequest).toBe(false);
  });
});

describe('contact_request: threshold and department', () => {
  it('a bot that asks for more certainty hears fewer requests', () => {
    const text = 'someone from customer care please';
    const { score } = detectContactRequest(text);
    expect(score).toBeLessThan(1);
    expect(detectContactRequest(text, score).isRequest).toBe(true);
    expect(detectContactRequest(text, score + 1e-6).isRequest).toBe(false);
  });

  it.each([
    ['I want to talk to your sales team', 'sales'],
    ['put me through to billing please', 'billing'],
    ['connect me to technical support', 'support'],
    ['put me through to my account manager', 'account manager'],
    ['Quiero hablar con el equipo de ventas', 'sales'],
    ['I want to talk to a human', null],
  ])('names the department a request is for: %j → %s', (text, department) => {
    const reading = detectContactRequest(text);
    expect(reading.isRequest).toBe(true);
    expect(reading.department).toBe(department);
  });

  it('gives no department when there is no request', () => {
    expect(detectContactRequest('what does your sales tax cover').department).toBeNull();
  });
});
