import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '@/app.js';
import { loadConfig } from '@/config/config.js';
import { type AppLogger, createLogger } from '@/common/logging/logger.js';
import { createDatabase, dropDatabase, withDatabaseName } from '@/database/database-admin.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { HttpClient } from './http-client.js';
import { requireEnv } from './test-env.js';

export const TEST_SSO_SECRET = 'test-sso-secret-that-is-at-least-32-characters-long';
/** Every test app encrypts its sites' SSO secrets, as a production deployment should. */
export const TEST_SITE_SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');

export interface TestApp {
  app: NestFastifyApplication;
  http: HttpClient;
  baseUrl: string;
  databaseUrl: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Serve from this database instead of a fresh copy of the template. */
  databaseUrl?: string;
  /** Log through this logger (a test that reads the log lines). */
  logger?: AppLogger;
}

/** A fresh database copied from the migrated template. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = requireEnv('TEST_DATABASE_ADMIN_URL');
  const name = `test_${randomBytes(6).toString('hex')}`;
  await createDatabase(adminUrl, name, requireEnv('TEST_DATABASE_TEMPLATE'));
  return { url: withDatabaseName(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}

/** The real application, listening on a free loopback port, on its own database. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.databaseUrl ? undefined : await createTestDatabase();
  const databaseUrl = options.databaseUrl ?? database!.url;
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    DEV_LOGIN: 'true',
    SSO_SECRET: TEST_SSO_SECRET,
    SITE_SECRETS_KEY: TEST_SITE_SECRETS_KEY,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    COMMENT_RATE_LIMIT: '1000/60',
    AUTH_RATE_LIMIT: '1000/60',
    ...options.env,
  });
  const app = await createApp(config, options.logger ?? createLogger(config.logLevel), databaseUrl);
  try {
    // PORT 0 (the default here) picks a free port; a test that must know its URL up front (to
    // register an OAuth redirect URI) passes PORT and PUBLIC_URL itself.
    await app.listen({ port: config.port, host: '127.0.0.1' });
  } catch (error) {
    await app.close();
    await database?.drop();
    throw error;
  }
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    http: new HttpClient(baseUrl),
    baseUrl,
    databaseUrl,
    async close() {
      await app.close();
      await database?.drop();
    },
  };
}

export interface InstancePair {
  a: TestApp;
  b: TestApp;
  /** An admin and a moderator, logged in on `a` (their tokens work on both). */
  admin: LoggedInUser;
  moderator: LoggedInUser;
  close(): Promise<void>;
}

/** Two instances of the app on one database, as behind a load balancer, with an admin and a moderator. */
export async function startStaffedInstancePair(): Promise<InstancePair> {
  const pair = await startInstancePair();
  try {
    const [admin, moderator] = await Promise.all([aUser(pair.a.http, { role: 'admin' }), aUser(pair.a.http, { role: 'moderator' })]);
    return { ...pair, admin, moderator };
  } catch (error) {
    await pair.close();
    throw error;
  }
}

/** Two instances of the app on one database, as behind a load balancer; `b` is closed first. */
export async function startInstancePair(options: Omit<TestAppOptions, 'databaseUrl'> = {}): Promise<{ a: TestApp; b: TestApp; close(): Promise<void> }> {
  const a = await startTestApp(options);
  const b = await startTestApp({ ...options, databaseUrl: a.databaseUrl }).catch(async (error: unknown) => {
    await a.close();
    throw error;
  });
  return {
    a,
    b,
    async close() {
      await b.close();
      await a.close();
    },
  };
}
