import * as AdaptiveCards from 'adaptivecards';

/** What Microsoft's own Adaptive Cards parser says of a card: unknown elements, bad properties. */
export function adaptiveCardProblems(json: unknown): string[] {
  const context = new AdaptiveCards.SerializationContext();
  const card = new AdaptiveCards.AdaptiveCard();
  card.parse(json, context);
  const parsing = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  const validation = card.validateProperties().validationEvents.map((event) => event.message);
  return [...parsing, ...validation];
}
