import type { Request } from 'express';
import type { z } from 'zod';
import { InvalidInputError } from '../../src/errors.js';

/** A JSON body checked against its schema; the first problem becomes a 400 naming the field. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidInputError('send a JSON object body with Content-Type: application/json');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw new InvalidInputError(`${field}${issue.message}`);
  }
  return parsed.data;
}

/** The `Authorization: Bearer …` credential (a conversation token or a bot's API key), if it has a plausible shape. */
export function bearerToken(req: Request): string | undefined {
  const match = /^Bearer\s+([\w-]{1,200})$/i.exec(req.get('authorization') ?? '');
  return match?.[1];
}
