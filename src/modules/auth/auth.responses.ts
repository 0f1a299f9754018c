import { z } from 'zod';
import { answerSchema } from '@/common/openapi/answer-schema.js';
import type { KeptSessionView, ProviderList, SessionView } from '@/contract/auth.js';
import type { UserView } from '@/contract/users.js';
import { ROLES } from './auth.types.js';
import type { IdentityRecord } from './auth.types.js';

/** An ISO-8601 UTC time, as every time of the API is written. */
export const isoTime = z.iso.datetime();

export const userSchema = answerSchema<UserView>()(
  z
    .object({
      id: z.uuid(),
      displayName: z.string(),
      provider: z.string().describe('The provider of the identity the account was made with: sso, dev, google, naver, kakao, oidc'),
      role: z.enum([...ROLES, 'operator']).describe("operator: the deployment's, an admin on every site"),
      status: z.enum(['active', 'suspended', 'banned']),
      suspendedUntil: isoTime.nullable().describe('When a suspension ends; null otherwise'),
    })
    .meta({ id: 'User' }),
);

export const providerListSchema = answerSchema<ProviderList>()(
  z.object({
    providers: z.array(
      z
        .object({
          id: z.string(),
          name: z.string().describe('The button label'),
          kind: z.enum(['oauth2', 'oidc', 'sso', 'dev']),
          loginUrl: z.string().describe('Where the login starts: opened in a popup for oauth2 and oidc, POSTed to for sso and dev'),
        })
        .meta({ id: 'LoginProvider' }),
    ),
  }),
);

export const sessionSchema = answerSchema<SessionView>()(
  z
    .object({
      accessToken: z.string().describe('The bearer token (see the security scheme)'),
      expiresAt: isoTime,
      user: userSchema,
    })
    .meta({ id: 'Session' }),
);

export const keptSessionSchema = answerSchema<KeptSessionView>()(
  sessionSchema.extend({ issuedAt: isoTime.describe('When the kept login was issued; the widget renews it halfway to expiresAt') }).meta({ id: 'KeptSession' }),
);

export const identitiesSchema = answerSchema<{ identities: IdentityRecord[] }>()(
  z.object({
    identities: z.array(
      z.object({
        provider: z.string(),
        subject: z.string().describe("The provider's id for the user"),
        email: z.string().nullable(),
        emailVerified: z.boolean(),
      }),
    ),
  }),
);
