import { type Profile, Strategy as GoogleStrategy } from 'passport-google-oauth20';
import type { OAuth2ProviderConfig } from '@/config/oauth-config.js';
import type { IdentityProfile } from '../auth.types.js';
import type { LoginProvider } from './login-provider.js';
import { authorizationHeaderForProfileRequests } from './oauth2-client.js';
import { displayNameFrom, emailFrom, isVerified, subjectFrom } from './profile-fields.js';

/**
 * Google through passport-google-oauth20: authorization code flow with `state` and PKCE (S256),
 * then the OpenID userinfo endpoint: `{ sub, name, email, email_verified }`.
 */
export function googleLoginProvider(settings: OAuth2ProviderConfig): LoginProvider {
  return {
    id: 'google',
    name: 'Google',
    kind: 'oauth2',
    createStrategy: (callbackUrl) => {
      const strategy = new GoogleStrategy(
        {
          clientID: settings.clientId,
          clientSecret: settings.clientSecret ?? '',
          callbackURL: callbackUrl,
          authorizationURL: settings.authorizationUrl,
          tokenURL: settings.tokenUrl,
          userProfileURL: settings.userInfoUrl,
          scope: ['openid', 'profile', 'email'],
          state: true,
          pkce: true,
          sessionKey: 'google',
        },
        (_accessToken: string, _refreshToken: string, profile: Profile, done: (error: unknown, user?: IdentityProfile | false, info?: object) => void) => {
          const identity = googleIdentity(profile._json);
          return identity ? done(null, identity) : done(null, false, { message: 'Google sent no user id.' });
        },
      );
      authorizationHeaderForProfileRequests(strategy);
      return strategy;
    },
  };
}

function googleIdentity(userInfo: Record<string, unknown>): IdentityProfile | null {
  const subject = subjectFrom(userInfo.sub);
  if (!subject) return null;
  const email = emailFrom(userInfo.email);
  return {
    provider: 'google',
    subject,
    displayName: displayNameFrom([userInfo.name, userInfo.given_name], subject),
    email,
    emailVerified: email !== undefined && isVerified(userInfo.email_verified),
  };
}
