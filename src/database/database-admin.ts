import pg from 'pg';

/** The same server and credentials, another database. */
export function withDatabaseName(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function withAdminClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export async function databaseExists(connectionString: string, name: string): Promise<boolean> {
  return withAdminClient(connectionString, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return rowCount === 1;
  });
}

export async function createDatabase(connectionString: string, name: string, template?: string): Promise<void> {
  await withAdminClient(connectionString, (client) =>
    client.query(`CREATE DATABASE ${quoteIdentifier(name)}${template ? ` TEMPLATE ${quoteIdentifier(template)}` : ''}`),
  );
}

export async function dropDatabase(connectionString: string, name: string): Promise<void> {
  await withAdminClient(connectionString, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`));
}
