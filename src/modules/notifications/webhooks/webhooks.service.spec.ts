import { createMock, type DeepMocked } from '@golevelup/ts-jest';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { loadConfig } from '@/config/config.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { DEFAULT_SITE_ID, mintSiteScope } from '@/modules/sites/site-scope.js';
import type { WebhooksRepository } from './webhooks.repository.js';
import { WebhooksService } from './webhooks.service.js';

const ADMIN: Principal = {
  user: {
    id: 'admin',
    siteId: DEFAULT_SITE_ID,
    displayName: 'Admin',
    provider: 'dev',
    role: 'admin',
    bannedAt: null,
    bannedUntil: null,
    createdAt: new Date(),
  },
  sessionId: 'session',
  site: mintSiteScope(DEFAULT_SITE_ID),
  home: mintSiteScope(DEFAULT_SITE_ID),
};

describe('WebhooksService: where events may go', () => {
  let repository: DeepMocked<WebhooksRepository>;

  beforeEach(() => {
    // Strict: a refused endpoint that was still stored fails the test.
    repository = createMock<WebhooksRepository>({}, { name: 'WebhooksRepository', strict: true });
  });

  const serviceIn = (env: 'production' | 'development') =>
    new WebhooksService(loadConfig({ NODE_ENV: env, DATABASE_URL: 'postgresql://localhost/desk' }), repository);

  it('refuses a plain-HTTP endpoint in production with VALIDATION_FAILED', async () => {
    await expect(serviceIn('production').create(ADMIN, { url: 'http://hooks.example.com/in', events: ['comment.published'] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it.each([
    ['production', 'https://hooks.example.com/in'],
    ['development', 'http://127.0.0.1:8080/in'],
  ] as const)('stores an endpoint in %s at %s, with a secret made up for it', async (env, url) => {
    repository.create.mockImplementation((_site, endpoint) => Promise.resolve({ id: 'hook', createdAt: new Date(), ...endpoint }));
    const created = await serviceIn(env).create(ADMIN, { url, events: ['comment.held'] });
    expect(created).toMatchObject({ id: 'hook', url, events: ['comment.held'] });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    // On the site of the request that registered it.
    expect(repository.create).toHaveBeenCalledWith(ADMIN.site, expect.objectContaining({ url, createdById: 'admin' }));
  });
});
