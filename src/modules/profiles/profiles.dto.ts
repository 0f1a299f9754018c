import { z } from 'zod';

export const userIdSchema = z.uuid({ error: 'a user id is a UUID' }).describe('User id');
export const profileQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(20).describe('Comments listed, newest first.'),
});
export type ProfileQuery = z.infer<typeof profileQuerySchema>;
