import { z } from 'zod';

/** One Adaptive Card input as an invoke carries it: text, or a number or toggle Teams may send unquoted; absent is empty. */
const cardInput = (max: number) =>
  z.preprocess((value) => (value === undefined || value === null ? '' : typeof value === 'number' || typeof value === 'boolean' ? String(value) : value), z.string().max(max, `at most ${max} characters`));

/** A card's inputs, each refused past its most characters before it is read. */
export function cardInputsSchema<Field extends string>(maxChars: Readonly<Record<Field, number>>) {
  return z.object(Object.fromEntries(Object.entries<number>(maxChars).map(([field, max]) => [field, cardInput(max)])) as Record<Field, ReturnType<typeof cardInput>>);
}
