import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

describe('login provider configuration', () => {
  it('has no provider, and a generated session secret, by default', () => {
    const config = loadConfig({});
    expect(config.loginProviders).toEqual({});
    expect(config.sessionSecret).toEqual({ value: expect.stringMatching(/^[\w-]{43}$/), generated: true });
    expect(loadConfig({}).sessionSecret.value).toBe(config.sessionSecret.value);
  });

  it('takes SESSION_SECRET when set', () => {
    expect(loadConfig({ SESSION_SECRET: 's'.repeat(32) }).sessionSecret).toEqual({ value: 's'.repeat(32), generated: false });
  });

  it('reads each provider from its variables, with the documented endpoints by default', () => {
    const config = loadConfig({
      OIDC_ISSUER: 'https://login.example.com/realms/news',
      OIDC_CLIENT_ID: 'o',
      OIDC_SCOPES: 'profile email',
      GOOGLE_CLIENT_ID: 'g',
      GOOGLE_CLIENT_SECRET: 'gs',
      NAVER_CLIENT_ID: 'n',
      NAVER_CLIENT_SECRET: 'ns',
      NAVER_TOKEN_URL: 'http://127.0.0.1:9000/oauth2.0/token',
      KAKAO_CLIENT_ID: 'k',
    });
    expect(config.loginProviders).toEqual({
      oidc: {
        issuer: 'https://login.example.com/realms/news',
        clientId: 'o',
        clientSecret: undefined,
        name: 'OpenID Connect',
        scopes: ['openid', 'profile', 'email'],
      },
      google: {
        clientId: 'g',
        clientSecret: 'gs',
        authorizationUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
        tokenUrl: 'https://oauth2.googleapis.com/token',
        userInfoUrl: 'https://openidconnect.googleapis.com/v1/userinfo',
      },
      naver: {
        clientId: 'n',
        clientSecret: 'ns',
        authorizationUrl: 'https://nid.naver.com/oauth2.0/authorize',
        tokenUrl: 'http://127.0.0.1:9000/oauth2.0/token',
        userInfoUrl: 'https://openapi.naver.com/v1/nid/me',
      },
      kakao: {
        clientId: 'k',
        clientSecret: undefined,
        authorizationUrl: 'https://kauth.kakao.com/oauth/authorize',
        tokenUrl: 'https://kauth.kakao.com/oauth/token',
        userInfoUrl: 'https://kapi.kakao.com/v2/user/me',
      },
    });
  });

  it.each<[Record<string, string>, string]>([
    [{ GOOGLE_CLIENT_ID: 'g' }, 'GOOGLE_CLIENT_SECRET'],
    [{ NAVER_CLIENT_ID: 'n' }, 'NAVER_CLIENT_SECRET'],
    [{ OIDC_CLIENT_ID: 'o' }, 'OIDC_ISSUER'],
    [{ OIDC_ISSUER: 'https://login.example.com' }, 'OIDC_CLIENT_ID'],
    [{ OIDC_ISSUER: 'http://login.example.com', OIDC_CLIENT_ID: 'o' }, 'OIDC_ISSUER'],
    [{ KAKAO_TOKEN_URL: 'http://kauth.example.com/oauth/token' }, 'KAKAO_TOKEN_URL'],
    [{ GOOGLE_USERINFO_URL: 'not a url' }, 'GOOGLE_USERINFO_URL'],
    [{ SESSION_SECRET: 'too short' }, 'SESSION_SECRET'],
  ])('refuses %p, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('allows plain HTTP endpoints on loopback addresses only (a local IdP)', () => {
    for (const host of ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080']) {
      expect(loadConfig({ OIDC_ISSUER: `http://${host}`, OIDC_CLIENT_ID: 'o' }).loginProviders.oidc?.issuer).toBe(`http://${host}`);
    }
  });
});
