import { type Profile, Strategy as NaverStrategy } from 'passport-naver';
import type { OAuth2ProviderConfig } from '@/config/oauth-config.js';
import type { IdentityProfile } from '../auth.types.js';
import type { LoginProvider } from './login-provider.js';
import { displayNameFrom, emailFrom, subjectFrom } from './profile-fields.js';

/**
 * Naver Login through passport-naver: authorization code flow with `state` (Naver requires it),
 * then `GET /v1/nid/me` → `{ resultcode: '00', message, response: { id, nickname, name, email } }`.
 * Naver does not say whether an address was verified, so a Naver identity is never linked to
 * another account by e-mail.
 */
export function naverLoginProvider(settings: OAuth2ProviderConfig): LoginProvider {
  return {
    id: 'naver',
    name: 'Naver',
    kind: 'oauth2',
    createStrategy: (callbackUrl) => {
      const options = {
        clientID: settings.clientId,
        clientSecret: settings.clientSecret ?? '',
        callbackURL: callbackUrl,
        authorizationURL: settings.authorizationUrl,
        tokenURL: settings.tokenUrl,
        profileURL: settings.userInfoUrl,
        // passport-oauth2 options that @types/passport-naver does not list.
        state: true,
        sessionKey: 'naver',
      };
      return new NaverStrategy(
        options,
        (_accessToken: string, _refreshToken: string, profile: Profile, done: (error: unknown, user?: IdentityProfile | false, info?: object) => void) => {
          const identity = naverIdentity(profile);
          return identity ? done(null, identity) : done(null, false, { message: 'Naver sent no user id.' });
        },
      );
    },
  };
}

function naverIdentity(profile: Profile): IdentityProfile | null {
  const subject = subjectFrom(profile.id);
  if (!subject) return null;
  return {
    provider: 'naver',
    subject,
    displayName: displayNameFrom([profile._json?.nickname, profile.displayName], subject),
    email: emailFrom(profile._json?.email),
    emailVerified: false,
  };
}
