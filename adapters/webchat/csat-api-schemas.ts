import { z } from 'zod';

/** "How did we do?": what the customer sends, and what is answered. */
export const csatBodySchema = z
  .object({
    score: z
      .number({ error: 'score must be a whole number from 1 to 5' })
      .int('score must be a whole number from 1 to 5')
      .min(1, 'score must be a whole number from 1 to 5')
      .max(5, 'score must be a whole number from 1 to 5')
      .describe('1 (poor) to 5 (great)'),
    comment: z.string({ error: 'comment must be a string' }).max(1000, 'comment is longer than 1000 characters').optional().describe('Anything the customer wants to add'),
  })
  .strict();

export const csatResponseSchema = z.object({
  handoverId: z.string().describe('The handover rated'),
  score: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
});

/** The `csat` event of the live stream: the question is open for the handover just resolved. */
export const csatRequestEventSchema = z.object({ handoverId: z.string(), question: z.string() });
