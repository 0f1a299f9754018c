import { z } from 'zod';

export const updateNotificationSettingsSchema = z.strictObject({
  email: z
    .email()
    .max(254)
    .nullable()
    .optional()
    .describe('Where to send mail; a new address is confirmed by a link mailed to it before anything else is sent.'),
  locale: z.enum(['ko', 'en']).optional().describe('The language of the mail.'),
  reply: z.boolean().optional().describe('Mail me when someone replies to my comment.'),
  decision: z.boolean().optional().describe("Mail me a moderator's decision on my held comment, with the reason."),
  standing: z.boolean().optional().describe('Mail me when I am banned or suspended.'),
  delivery: z.enum(['immediate', 'hourly', 'daily']).optional().describe('Each mail at once, or a digest each hour or each day.'),
});
export type UpdateNotificationSettingsDto = z.infer<typeof updateNotificationSettingsSchema>;
