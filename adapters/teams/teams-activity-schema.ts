import { z } from 'zod';

/**
 * The parts of a Bot Framework activity we rely on, checked before the
 * CloudAdapter sees it (an activity without `type` makes it throw).
 */
export const teamsActivitySchema = z
  .object({
    type: z.string().min(1).max(50),
    id: z.string().max(500).optional(),
    serviceUrl: z.url().max(500),
    channelId: z.string().min(1).max(100),
    conversation: z.object({ id: z.string().min(1).max(1000) }).loose(),
    from: z.object({ id: z.string().min(1).max(500), name: z.string().max(500).optional(), aadObjectId: z.string().max(100).optional() }).loose(),
    recipient: z.object({ id: z.string().min(1).max(500) }).loose(),
    text: z.string().max(28_000).optional(),
  })
  .loose();
