import { type Profile, Strategy as KakaoStrategy } from 'passport-kakao';
import type { OAuth2ProviderConfig } from '@/config/oauth-config.js';
import type { IdentityProfile } from '../auth.types.js';
import type { LoginProvider } from './login-provider.js';
import { authorizationHeaderForProfileRequests, pointStrategyAt } from './oauth2-client.js';
import { displayNameFrom, emailFrom, isVerified, subjectFrom } from './profile-fields.js';

interface KakaoUser {
  id?: unknown;
  properties?: { nickname?: unknown };
  kakao_account?: { profile?: { nickname?: unknown }; email?: unknown; is_email_verified?: unknown; is_email_valid?: unknown };
}

/**
 * Kakao Login through passport-kakao: authorization code flow with `state`, then
 * `GET /v2/user/me` → `{ id, kakao_account: { profile: { nickname }, email, is_email_verified } }`.
 */
export function kakaoLoginProvider(settings: OAuth2ProviderConfig): LoginProvider {
  return {
    id: 'kakao',
    name: 'Kakao',
    kind: 'oauth2',
    createStrategy: (callbackUrl) => {
      const options = {
        clientID: settings.clientId,
        callbackURL: callbackUrl,
        ...(settings.clientSecret ? { clientSecret: settings.clientSecret } : {}),
        // passport-oauth2 options that @types/passport-kakao does not list.
        state: true,
        sessionKey: 'kakao',
      };
      const strategy = new KakaoStrategy(
        options,
        (_accessToken: string, _refreshToken: string, profile: Profile, done: (error: unknown, user?: IdentityProfile | false, info?: object) => void) => {
          const identity = kakaoIdentity(profile._json as KakaoUser);
          return identity ? done(null, identity) : done(null, false, { message: 'Kakao sent no user id.' });
        },
      );
      // passport-kakao ignores endpoint options and always calls kauth/kapi.kakao.com.
      pointStrategyAt(strategy, settings);
      authorizationHeaderForProfileRequests(strategy);
      return strategy;
    },
  };
}

function kakaoIdentity(user: KakaoUser): IdentityProfile | null {
  const subject = subjectFrom(user.id);
  if (!subject) return null;
  const account = user.kakao_account ?? {};
  const email = emailFrom(account.email);
  return {
    provider: 'kakao',
    subject,
    displayName: displayNameFrom([account.profile?.nickname, user.properties?.nickname], subject),
    email,
    // Kakao marks an address verified, and separately whether it still works.
    emailVerified: email !== undefined && isVerified(account.is_email_verified) && account.is_email_valid !== false,
  };
}
