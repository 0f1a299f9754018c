import type { AppConfig } from '@/config/config.js';
import type { AppLogger } from '@/common/logging/logger.js';
import { createDatabase, databaseExists, withDatabaseName } from './database-admin.js';
import { type EmbeddedDatabaseServer, openEmbeddedDatabase } from './embedded-postgres.js';
import { prepareEmbeddedRuntime } from './embedded-runtime.js';
import { findFreePort, isPortFree } from './free-port.js';

export interface DatabaseLocation {
  url: string;
  /** Set when this process runs the embedded server, and so must stop it. */
  embedded?: EmbeddedDatabaseServer;
}

const EMBEDDED_DATABASE = 'comment_desk';

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR/postgres, started here. */
export async function locateDatabase(config: AppConfig, logger: AppLogger): Promise<DatabaseLocation> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  const runtime = await prepareEmbeddedRuntime({ dataHome: config.dataDir, runtimeDir: config.embeddedRuntimeDir, logger });
  const port = await embeddedPort(config, logger);
  logger.info({ dataDir: runtime.dataDir, port }, 'starting the embedded PostgreSQL');
  const pgLog = logger.child({ component: 'postgres' });
  const embedded = await openEmbeddedDatabase({
    dataDir: runtime.dataDir,
    port,
    library: runtime.library,
    onLog: (line) => pgLog.debug(line.trim()),
  });
  if (!(await databaseExists(embedded.adminUrl, EMBEDDED_DATABASE))) await createDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
  return { url: withDatabaseName(embedded.adminUrl, EMBEDDED_DATABASE), embedded };
}

/**
 * The port is not part of the data (the cluster is found by its folder), so an unset EMBEDDED_DB_PORT
 * may move to a free port when the default is busy, say with a second checkout's server. One that
 * the operator set is kept, and a busy one then fails the start with a message saying so.
 */
async function embeddedPort(config: AppConfig, logger: AppLogger): Promise<number> {
  const preferred = config.embeddedDbPort;
  if (config.embeddedDbPortIsExplicit || (await isPortFree(preferred))) return preferred;
  const port = await findFreePort();
  logger.warn(
    { taken: preferred, port },
    `port ${preferred} is taken: the embedded PostgreSQL listens on ${port} instead (set EMBEDDED_DB_PORT to choose one)`,
  );
  return port;
}
