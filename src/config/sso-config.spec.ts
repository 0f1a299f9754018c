import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

const jwksUrl = 'https://login.news.example/.well-known/jwks.json';

describe('publisher SSO settings', () => {
  it('has no key set, no issuer or audience, and a 30 s clock tolerance by default', () => {
    expect(loadConfig({}).sso).toEqual({
      secret: undefined,
      jwks: undefined,
      issuer: undefined,
      audience: undefined,
      clockToleranceSeconds: 30,
      trustRole: false,
    });
  });

  it('reads the JWKS URL with its cache, cooldown and timeout', () => {
    expect(loadConfig({ SSO_JWKS_URL: jwksUrl }).sso.jwks).toEqual({ url: jwksUrl, cacheMaxAgeSeconds: 600, cooldownSeconds: 30, timeoutMs: 3_000 });
    const config = loadConfig({
      SSO_JWKS_URL: jwksUrl,
      SSO_JWKS_CACHE_SECONDS: '120',
      SSO_JWKS_COOLDOWN_SECONDS: '10',
      SSO_JWKS_TIMEOUT_MS: '1500',
      SSO_ISSUER: 'https://news.example',
      SSO_AUDIENCE: 'comment-desk',
      SSO_CLOCK_TOLERANCE_SECONDS: '0',
    });
    expect(config.sso).toMatchObject({
      jwks: { url: jwksUrl, cacheMaxAgeSeconds: 120, cooldownSeconds: 10, timeoutMs: 1_500 },
      issuer: 'https://news.example',
      audience: 'comment-desk',
      clockToleranceSeconds: 0,
    });
  });

  it.each([
    ['test', 'http://127.0.0.1:8080/jwks.json'],
    ['development', 'http://localhost:8080/jwks.json'],
    ['production', jwksUrl],
  ])('accepts in %s the JWKS URL %s', (env, url) => {
    expect(loadConfig({ NODE_ENV: env, SSO_JWKS_URL: url }).sso.jwks?.url).toBe(url);
  });

  it.each<[string, Record<string, string>, string]>([
    ['plain http to another host', { SSO_JWKS_URL: 'http://login.news.example/jwks.json' }, 'SSO_JWKS_URL'],
    ['plain http in production, even on a loopback address', { NODE_ENV: 'production', SSO_JWKS_URL: 'http://127.0.0.1:8080/jwks.json' }, 'SSO_JWKS_URL'],
    ['a URL with credentials', { SSO_JWKS_URL: 'https://user:secret@login.news.example/jwks.json' }, 'SSO_JWKS_URL'],
    ['a URL that is not one', { SSO_JWKS_URL: 'login.news.example/jwks.json' }, 'SSO_JWKS_URL'],
    ['another scheme', { SSO_JWKS_URL: 'file:///etc/jwks.json' }, 'SSO_JWKS_URL'],
    ['a cooldown longer than the cache', { SSO_JWKS_URL: jwksUrl, SSO_JWKS_CACHE_SECONDS: '10', SSO_JWKS_COOLDOWN_SECONDS: '30' }, 'SSO_JWKS_COOLDOWN_SECONDS'],
    ['a cooldown of 0 (a fetch for every unknown kid)', { SSO_JWKS_COOLDOWN_SECONDS: '0' }, 'SSO_JWKS_COOLDOWN_SECONDS'],
    ['a fetch timeout over 10 s', { SSO_JWKS_TIMEOUT_MS: '60000' }, 'SSO_JWKS_TIMEOUT_MS'],
    ['a clock tolerance over 300 s', { SSO_CLOCK_TOLERANCE_SECONDS: '301' }, 'SSO_CLOCK_TOLERANCE_SECONDS'],
    ['a negative clock tolerance', { SSO_CLOCK_TOLERANCE_SECONDS: '-1' }, 'SSO_CLOCK_TOLERANCE_SECONDS'],
  ])('refuses %s, naming the variable', (_, env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });
});
