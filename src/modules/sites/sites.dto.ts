import { z } from 'zod';
import { originSchema } from '@/common/validation/origin.js';
import { SITE_ID_PATTERN } from './site-scope.js';

export const siteIdSchema = z.string().regex(SITE_ID_PATTERN, 'a site id is 1–32 characters of a-z 0-9 and -').describe('The site id, e.g. "daily-en"');

const siteSettingsShape = {
  name: z.string().trim().min(1).max(200).describe('What moderators see the site called'),
  allowedOrigins: z.array(originSchema).max(50).describe('Origins that may embed the widget and call the API for this site'),
  ssoSecret: z.string().min(32, 'must be at least 32 characters (HS256 needs a 256-bit key)').nullable().describe('HS256 secret of the publisher SSO'),
  ssoJwksUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .describe("The publisher's JWKS URL (https; http only on a loopback address outside production)"),
  loginProviders: z
    .array(z.string().regex(/^[a-z0-9_-]{1,32}$/))
    .max(20)
    .nullable()
    .describe('Login provider ids offered on the site; null: every provider the deployment configures'),
};

/** Each setting left out stays as it is; null makes it follow the deployment's default again. */
const accountabilitySchema = z
  .strictObject({
    publicProfiles: z.boolean().nullable().optional().describe("Readers' public profile pages (default: PUBLIC_PROFILES)"),
    likeDailyCap: z.number().int().min(0).max(100_000).nullable().optional().describe('Likes a reader may give a day, 0 for no cap (default: LIKE_DAILY_CAP)'),
    likeMinGapSeconds: z
      .number()
      .int()
      .min(0)
      .max(3_600)
      .nullable()
      .optional()
      .describe('The least seconds between two likes of one reader, 0 for none (default: LIKE_MIN_GAP_SECONDS)'),
    accountDeletion: z
      .enum(['anonymise', 'delete'])
      .nullable()
      .optional()
      .describe("A deleted account's comments: kept under the stand-in, or emptied and deleted (default: ACCOUNT_DELETION)"),
  })
  .describe("The site's accountability settings; null follows the deployment's default");

export const createSiteSchema = z.strictObject({
  id: siteIdSchema,
  name: siteSettingsShape.name,
  allowedOrigins: siteSettingsShape.allowedOrigins.default([]),
  ssoSecret: siteSettingsShape.ssoSecret.default(null),
  ssoJwksUrl: siteSettingsShape.ssoJwksUrl.default(null),
  loginProviders: siteSettingsShape.loginProviders.default(null),
  accountability: accountabilitySchema.optional(),
});
export type CreateSiteDto = z.infer<typeof createSiteSchema>;

export const updateSiteSchema = z.strictObject({
  name: siteSettingsShape.name.optional(),
  allowedOrigins: siteSettingsShape.allowedOrigins.optional(),
  ssoSecret: siteSettingsShape.ssoSecret.optional(),
  ssoJwksUrl: siteSettingsShape.ssoJwksUrl.optional(),
  loginProviders: siteSettingsShape.loginProviders.optional(),
  accountability: accountabilitySchema.optional(),
});
export type UpdateSiteDto = z.infer<typeof updateSiteSchema>;
