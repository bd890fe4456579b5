import { z } from 'zod';

/** The customer HTTP API's inputs (spec §3); what passes here is safe to hand to the domain. */

export const botIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/);
export const conversationIdSchema = z.string().regex(/^cv_[A-Za-z0-9_-]{16}$/);

export const customerMessageBodySchema = z.object({
  text: z
    .string({ error: 'text must be a string' })
    .min(1, 'text must not be empty')
    .max(4000, 'text is longer than 4000 characters')
    .refine((text) => text.trim().length > 0, 'text must not be blank')
    .describe('What the customer wrote'),
  conversationId: z
    .string({ error: 'conversationId must be a string' })
    .max(100)
    .optional()
    .describe('Continue this conversation (send its token as Authorization: Bearer); without it a new conversation starts'),
  messageId: z
    .string({ error: 'messageId must be a string' })
    .regex(/^[\w.:-]{1,100}$/, 'messageId is 1-100 letters, digits, "_", "-", "." or ":"')
    .optional()
    .describe(
      'The client’s id for this message: a retry with the same id and text is stored once and answered the same (24 hours). On a first message it must be a random id of at least 22 characters (e.g. a UUID)',
    ),
  customer: z
    .object({
      id: z.string().max(200).optional(),
      name: z.string().max(200).optional(),
      email: z.email().max(320).optional(),
    })
    .optional()
    .describe('Who the customer is, as the bot knows them: shown to the team'),
});

export const feedbackBodySchema = z.object({
  helpful: z.boolean({ error: 'helpful must be true or false' }).describe('false counts as a failed turn (two hand over, by default)'),
});
