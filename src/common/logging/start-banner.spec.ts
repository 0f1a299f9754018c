import { describe, expect, it } from '@jest/globals';
import { startBanner } from './start-banner.js';

const config = {
  publicUrl: 'https://comments.example.com',
  allowedOrigins: ['https://news.example.com', 'https://www.news.example.com'],
  databaseReplicaUrl: undefined,
  dataDir: '.data',
};

describe('startBanner', () => {
  it('names the URL, an outside database without its password, the login providers and the allowed origins', () => {
    const banner = startBanner({
      config,
      databaseUrl: 'postgresql://desk:s3cret-pw@db.internal:5432/comment_desk',
      embeddedPort: undefined,
      loginProviders: ['google', 'sso'],
    });
    expect(banner.fields).toEqual({
      url: 'https://comments.example.com',
      database: 'PostgreSQL at db.internal:5432/comment_desk (DATABASE_URL)',
      loginProviders: ['google', 'sso'],
      allowedOrigins: ['https://news.example.com', 'https://www.news.example.com'],
    });
    expect(banner.text).toContain('running at https://comments.example.com/');
    expect(banner.text).toContain('login providers: google, sso');
    expect(banner.text).toContain('allowed origins: https://news.example.com, https://www.news.example.com');
    expect(JSON.stringify(banner)).not.toContain('s3cret-pw');
  });

  it('says when the database is the embedded one, and when a replica takes reads', () => {
    expect(
      startBanner({ config, databaseUrl: 'postgresql://postgres:pw@127.0.0.1:54329/comment_desk', embeddedPort: 54329, loginProviders: ['dev'] }).fields
        .database,
    ).toBe('embedded PostgreSQL on 127.0.0.1:54329, data under .data');
    const replicated = startBanner({
      config: { ...config, databaseReplicaUrl: 'postgresql://r:pw2@replica.internal:5432/comment_desk' },
      databaseUrl: 'postgresql://desk:pw@db.internal:5432/comment_desk',
      embeddedPort: undefined,
      loginProviders: [],
    });
    expect(replicated.fields.database).toBe('PostgreSQL at db.internal:5432/comment_desk (DATABASE_URL), reads also from replica.internal:5432/comment_desk');
    expect(replicated.text).toContain('login providers: none');
    expect(JSON.stringify(replicated)).not.toMatch(/pw2?@/);
  });
});
