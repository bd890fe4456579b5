import { expect } from 'vitest';
import { adaptiveCardSchemaProblems } from '../schemas/adaptive-card-schema.js';
import { waitFor } from '../support/test-service.js';
import { adaptiveCardProblems } from './adaptive-card-parser.js';
import { CHANNEL, cardAction, teamsMessage, type ConnectorCall } from './connector-stand-in.js';

export type Card = { body: unknown[]; actions: Array<Record<string, any>> };
type Person = { id: string; name: string };

/** Every card must be one Teams renders: the 1.5 schema and Microsoft's own parser find nothing wrong. */
export function expectValidCard(card: unknown): Card {
  expect(adaptiveCardSchemaProblems(card)).toEqual([]);
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  return card as Card;
}

/** The Action.Execute buttons of a card, wherever they sit (card actions, ActionSets in containers). */
export function buttons(card: unknown): Array<{ title: string; verb: string; data: Record<string, unknown> }> {
  const found: Array<{ title: string; verb: string; data: Record<string, unknown> }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, any>;
    if (element.type === 'Action.Execute') found.push({ title: element.title, verb: element.verb, data: element.data });
    Object.values(element).forEach(walk);
  };
  walk(card);
  return found;
}

export function button(card: unknown, title: string, nth = 0) {
  const matching = buttons(card).filter((candidate) => candidate.title === title);
  expect(matching.length, `a "${title}" button`).toBeGreaterThan(nth);
  return matching[nth]!;
}

/** The inputs of a card by id, with the values it shows. */
export function inputs(card: unknown): Map<string, Record<string, any>> {
  const found = new Map<string, Record<string, any>>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, any>;
    if (typeof element.type === 'string' && element.type.startsWith('Input.')) found.set(element.id, element);
    Object.values(element).forEach(walk);
  };
  walk(card);
  return found;
}

/** What a person would submit unchanged: every input's current value. */
export function filledIn(card: unknown): Record<string, string> {
  return Object.fromEntries([...inputs(card)].map(([id, input]) => [id, input.value === undefined ? '' : String(input.value)]));
}

/** A card's words, as a person reads them (quotes unescaped). */
export const cardText = (card: unknown) => JSON.stringify(card).replace(/\\"/g, '"');

/** Drives the settings cards as Teams does, against a running service and the connector stand-in. */
export function settingsCardDriver(service: () => { url: string }, connector: () => { url: string; calls: ConnectorCall[] }, lead: Person) {
  /** Clicks an Action.Execute button: its data, with the inputs the person filled in; the card Teams puts in place of the one clicked. */
  async function click(action: { verb: string; data: Record<string, unknown> }, filled: Record<string, string> = {}, from = lead): Promise<Card> {
    const activity = cardAction(connector().url, action.verb, '', from);
    activity.value.action.data = { ...action.data, ...filled } as never;
    const response = await fetch(`${service().url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    return expectValidCard(answer.value);
  }

  /** Says something to the bot in the channel; the reply whose text passes `match`. */
  async function say(text: string, match: (reply: string) => boolean, from = lead): Promise<ConnectorCall> {
    const before = connector().calls.length;
    await fetch(`${service().url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(teamsMessage(connector().url, { text, from })) });
    return waitFor(async () => connector().calls.slice(before).find((call) => call.conversationId === CHANNEL && call.method === 'POST' && (call.body?.attachments?.length || match(String(call.body?.text)))));
  }

  /** "settings <bot>" in the channel: the card the bot posts. */
  async function settingsCardOf(botId: string, from = lead): Promise<Card> {
    const post = await say(`settings ${botId}`, () => false, from);
    expect(post.body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    return expectValidCard(post.body.attachments[0].content);
  }

  return { click, say, settingsCardOf };
}
