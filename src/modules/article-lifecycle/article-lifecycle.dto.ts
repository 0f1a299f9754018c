import { z } from 'zod';

export const reverseAutomationSchema = z.strictObject({ reason: z.string().trim().max(500).default('').describe('Why, for the moderation log') });
