import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../outbox/outbox-queue.js';

export const webhookIdSchema = z.uuid({ error: 'a webhook id is a UUID' });

export const createWebhookSchema = z.strictObject({
  url: z
    .url({ protocol: /^https?$/ })
    .max(2_048)
    .describe('Where events are POSTed; https only in production.'),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES as [string, ...string[]]))
    .min(1)
    .max(WEBHOOK_EVENT_TYPES.length)
    .describe('The event types the endpoint takes.'),
  secret: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/, 'a Standard Webhooks secret: whsec_ and at least 24 bytes in base64')
    .optional()
    .describe('The signing secret (whsec_…); one is made up when absent. Answered only on creation.'),
});
export type CreateWebhookDto = z.infer<typeof createWebhookSchema>;

export const deliveriesQuerySchema = z.strictObject({
  status: z.enum(['pending', 'delivered', 'skipped', 'dead']).optional().describe('`dead`: the dead letters.'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type DeliveriesQuery = z.infer<typeof deliveriesQuerySchema>;
