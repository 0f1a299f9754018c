import { z } from 'zod';

export const deleteAccountSchema = z.strictObject({
  confirm: z.string().min(1).max(200).describe('The account’s display name, exactly as shown: proof the reader means it.'),
});
export type DeleteAccountDto = z.infer<typeof deleteAccountSchema>;
