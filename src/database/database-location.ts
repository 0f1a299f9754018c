import path from 'node:path';
import type { AppConfig } from '@/config/config.js';
import type { AppLogger } from '@/common/logging/logger.js';
import { createDatabase, databaseExists, withDatabaseName } from './database-admin.js';
import { type EmbeddedDatabaseServer, openEmbeddedDatabase } from './embedded-postgres.js';

export interface DatabaseLocation {
  url: string;
  /** Set when this process runs the embedded server, and so must stop it. */
  embedded?: EmbeddedDatabaseServer;
}

const EMBEDDED_DATABASE = 'comment_desk';

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR/postgres, started here. */
export async function locateDatabase(config: AppConfig, logger: AppLogger): Promise<DatabaseLocation> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  const dataDir = path.join(config.dataDir, 'postgres');
  logger.info({ dataDir, port: config.embeddedDbPort }, 'starting the embedded PostgreSQL');
  const pgLog = logger.child({ component: 'postgres' });
  const embedded = await openEmbeddedDatabase({
    dataDir,
    port: config.embeddedDbPort,
    onLog: (line) => pgLog.debug(line.trim()),
  });
  if (!(await databaseExists(embedded.adminUrl, EMBEDDED_DATABASE))) await createDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
  return { url: withDatabaseName(embedded.adminUrl, EMBEDDED_DATABASE), embedded };
}
