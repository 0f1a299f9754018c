import { z } from 'zod';
import { ROLES } from './auth.types.js';

export const ssoLoginSchema = z.strictObject({
  token: z.string().min(1).max(8192).describe('A JWT signed by the publisher (HS256 with SSO_SECRET).'),
});
export type SsoLoginDto = z.infer<typeof ssoLoginSchema>;

export const devLoginSchema = z.strictObject({
  name: z.string().trim().min(1).max(40).describe('Display name; the same name logs in to the same demo account.'),
  role: z
    .enum([...ROLES, 'operator'])
    .optional()
    .describe('Demo only: the role the account gets; left out, a new account is a reader and an existing one keeps its role.'),
});
export type DevLoginDto = z.infer<typeof devLoginSchema>;
