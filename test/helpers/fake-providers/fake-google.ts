import { type FakeOAuth2Provider, startFakeOAuth2Provider } from './fake-oauth2-server.js';

/**
 * Google's OAuth 2.0 endpoints: accounts.google.com/o/oauth2/v2/auth, oauth2.googleapis.com/token
 * and the OpenID userinfo endpoint, `{ sub, name, given_name, email, email_verified, picture }`.
 */
export function startFakeGoogle(): Promise<FakeOAuth2Provider> {
  return startFakeOAuth2Provider({
    paths: { authorize: '/o/oauth2/v2/auth', token: '/token', userInfo: '/v1/userinfo' },
    profile: (user) => ({
      sub: user.id,
      name: user.name,
      given_name: user.name.split(' ')[0],
      picture: 'https://lh3.googleusercontent.com/a/default-user',
      ...(user.email ? { email: user.email, email_verified: user.emailVerified ?? false } : {}),
    }),
  });
}

export function googleEnv(google: FakeOAuth2Provider): Record<string, string> {
  return {
    GOOGLE_CLIENT_ID: google.clientId,
    GOOGLE_CLIENT_SECRET: google.clientSecret,
    GOOGLE_AUTHORIZATION_URL: google.authorizationUrl,
    GOOGLE_TOKEN_URL: google.tokenUrl,
    GOOGLE_USERINFO_URL: google.userInfoUrl,
  };
}
