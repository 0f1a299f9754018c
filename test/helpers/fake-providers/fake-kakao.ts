import { type FakeOAuth2Provider, startFakeOAuth2Provider } from './fake-oauth2-server.js';

/**
 * Kakao Login's endpoints: kauth.kakao.com/oauth/authorize and /oauth/token, and the user API
 * kapi.kakao.com/v2/user/me, `{ id: <number>, kakao_account: { profile: { nickname }, email, ... } }`.
 */
export function startFakeKakao(): Promise<FakeOAuth2Provider> {
  return startFakeOAuth2Provider({
    paths: { authorize: '/oauth/authorize', token: '/oauth/token', userInfo: '/v2/user/me' },
    profile: (user) => ({
      id: Number(user.id),
      connected_at: '2024-10-31T07:55:00Z',
      kakao_account: {
        profile_nickname_needs_agreement: false,
        profile: { nickname: user.name, is_default_image: true },
        ...(user.email
          ? { has_email: true, email_needs_agreement: false, is_email_valid: true, is_email_verified: user.emailVerified ?? false, email: user.email }
          : { has_email: false }),
      },
    }),
  });
}

export function kakaoEnv(kakao: FakeOAuth2Provider): Record<string, string> {
  return {
    KAKAO_CLIENT_ID: kakao.clientId,
    KAKAO_CLIENT_SECRET: kakao.clientSecret,
    KAKAO_AUTHORIZATION_URL: kakao.authorizationUrl,
    KAKAO_TOKEN_URL: kakao.tokenUrl,
    KAKAO_USERINFO_URL: kakao.userInfoUrl,
  };
}
