import v8 from 'node:v8';
import { SiteRegistry } from '@/modules/sites/site-registry.js';
import { type AppConfig, ConfigError, loadConfig } from '@/config/config.js';
import { type AppLogger, createLogger } from '@/common/logging/logger.js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type DatabaseLocation, locateDatabase } from '@/database/database-location.js';
import { EmbeddedDatabaseError } from '@/database/embedded-postgres.js';
import { applyMigrationsApart } from '@/database/apply-migrations-apart.js';
import { prepareDemoArticle } from '@/modules/embed/demo-conversation.js';
import { ProvidersService } from '@/modules/auth/providers.service.js';
import { startBanner } from '@/common/logging/start-banner.js';
import { createApp } from '@/app.js';
import { useAbuseModel } from '@/modules/policy/engine/classifier/shipped-model.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  warnOnSmallHeap(config, logger);

  let database: DatabaseLocation | undefined;
  // Any failure until the service listens, thrown or emitted (a child process's unhandled 'error'
  // event), ends the start with one log line and exit code 1, and stops the embedded server if it runs.
  const refuseToStart = async (error: unknown): Promise<never> => {
    logger.fatal(...startFailure(error));
    await database?.embedded?.stop().catch(() => undefined);
    logger.flush();
    process.exit(1);
  };
  const onStartFailure = (error: unknown): void => void refuseToStart(error);
  process.on('uncaughtException', onStartFailure);
  process.on('unhandledRejection', onStartFailure);

  let app: NestFastifyApplication;
  try {
    useAbuseModel(config.classifierWeights);
    database = await locateDatabase(config, logger);
    const applied = await applyMigrationsApart(database.url);
    logger.info({ applied }, applied.length ? `applied ${applied.length} migration(s)` : 'database schema is up to date');

    app = await createApp(config, logger, database.url);
    if (database.embedded) await prepareDemoArticle(app, config);
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    return refuseToStart(error);
  }
  process.off('uncaughtException', onStartFailure);
  process.off('unhandledRejection', onStartFailure);
  const banner = startBanner({
    config,
    databaseUrl: database.url,
    embeddedPort: database.embedded?.port,
    loginProviders: app
      .get(ProvidersService)
      .list(app.get(SiteRegistry).defaultScope)
      .map((provider) => provider.id),
  });
  logger.info(banner.fields, 'Comment Desk is listening');
  console.log(`\n${banner.text}\n`);

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    const forceExit = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    forceExit.unref();
    try {
      // The HTTP server first: no new connections, and the requests in flight finish while the
      // database pool and everything else they need are still there. Nest's own close would run
      // the modules' destroy hooks (the pool among them) before it stops the server.
      await app.getHttpAdapter().close();
      await app.close();
      await database?.embedded?.stop();
    } finally {
      logger.flush();
      process.exit(0);
    }
  };
  // The service alone decides how it stops. Importing embedded-postgres installs handlers
  // (async-exit-hook) that stop its server and exit with 128 + signal at once, under the requests in
  // flight; our shutdown stops the embedded server itself, last.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.removeAllListeners(signal);
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/** Our own start errors already say what to change; anything else keeps its stack, in the same one line. */
function startFailure(error: unknown): [object, string] {
  if (error instanceof EmbeddedDatabaseError) return [{}, `Comment Desk could not start: ${error.message}`];
  const message = error instanceof Error ? error.message : String(error);
  return [{ err: error }, `Comment Desk could not start: ${message.split('\n')[0]}`];
}

/** The page cache lives in the V8 heap: a limit below what it may hold would end in an out-of-memory crash. */
function warnOnSmallHeap(config: AppConfig, logger: AppLogger): void {
  const heapMb = v8.getHeapStatistics().heap_size_limit / 2 ** 20;
  const neededMb = 64 + (2 * config.pageCache.maxBytes) / 2 ** 20;
  if (heapMb < neededMb) {
    logger.warn(
      { heapMb: Math.round(heapMb), pageCacheMb: config.pageCache.maxBytes / 2 ** 20 },
      `the heap limit is small for PAGE_CACHE_MB: raise NODE_HEAP_MB to ${Math.ceil(neededMb)} or more`,
    );
  }
}

await main();
