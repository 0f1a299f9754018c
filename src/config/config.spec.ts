import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies the contract defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      publicUrl: 'http://127.0.0.1:3000',
      allowedOrigins: ['http://127.0.0.1:3000'],
      sso: { secret: undefined, trustRole: false },
      rateLimits: { comment: { count: 5, windowSeconds: 60 }, auth: { count: 30, windowSeconds: 60 } },
      devLogin: true,
    });
  });

  it('turns the demo login off when a DATABASE_URL is given and on production', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/x' }).devLogin).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).devLogin).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DEV_LOGIN: 'true' }).devLogin).toBe(false);
  });

  it('reads from the primary only unless DATABASE_REPLICA_URL names a replica of DATABASE_URL', () => {
    expect(loadConfig({})).toMatchObject({ databaseReplicaUrl: undefined, replicaMaxLagMs: 30_000 });
    const config = loadConfig({
      DATABASE_URL: 'postgresql://db/x',
      DATABASE_REPLICA_URL: 'postgresql://replica/x',
      REPLICA_MAX_LAG_MS: '2500',
    });
    expect(config).toMatchObject({ databaseReplicaUrl: 'postgresql://replica/x', replicaMaxLagMs: 2500 });
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgresql://replica/x' })).toThrow(/DATABASE_REPLICA_URL: needs DATABASE_URL/);
  });

  it('reads ALLOWED_ORIGINS as a comma-separated list of origins', () => {
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://a.example, https://b.example:8443/' }).allowedOrigins).toEqual([
      'https://a.example',
      'https://b.example:8443',
    ]);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_REPLICA_URL', 'mysql://x'],
    ['REPLICA_MAX_LAG_MS', '10'],
    ['SSO_SECRET', 'short'],
    ['SSO_TRUST_ROLE', 'yes'],
    ['COMMENT_RATE_LIMIT', '5 per minute'],
    ['AUTH_RATE_LIMIT', '0/60'],
    ['PUBLIC_URL', 'news.example.com'],
    ['ALLOWED_ORIGINS', 'https://a.example/path'],
  ])('refuses %s=%s with an error naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
