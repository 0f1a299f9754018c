import { type FakeOAuth2Provider, startFakeOAuth2Provider } from './fake-oauth2-server.js';

/**
 * Naver Login's endpoints: nid.naver.com/oauth2.0/authorize and /oauth2.0/token, and the profile
 * API openapi.naver.com/v1/nid/me, `{ resultcode: '00', message: 'success', response: {...} }`.
 */
export function startFakeNaver(): Promise<FakeOAuth2Provider> {
  return startFakeOAuth2Provider({
    paths: { authorize: '/oauth2.0/authorize', token: '/oauth2.0/token', userInfo: '/v1/nid/me' },
    profile: (user) => ({
      resultcode: '00',
      message: 'success',
      response: { id: user.id, nickname: user.name, name: user.name, ...(user.email ? { email: user.email } : {}) },
    }),
  });
}

export function naverEnv(naver: FakeOAuth2Provider): Record<string, string> {
  return {
    NAVER_CLIENT_ID: naver.clientId,
    NAVER_CLIENT_SECRET: naver.clientSecret,
    NAVER_AUTHORIZATION_URL: naver.authorizationUrl,
    NAVER_TOKEN_URL: naver.tokenUrl,
    NAVER_USERINFO_URL: naver.userInfoUrl,
  };
}
