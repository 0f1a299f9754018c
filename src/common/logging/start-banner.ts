import type { AppConfig } from '@/config/config.js';

export interface StartFacts {
  config: Pick<AppConfig, 'publicUrl' | 'allowedOrigins' | 'databaseReplicaUrl' | 'dataDir'>;
  /** The URL the service uses; its password is never shown. */
  databaseUrl: string;
  /** Set when this process started the embedded PostgreSQL. */
  embeddedPort: number | undefined;
  /** Ids of the login providers this instance offers. */
  loginProviders: string[];
}

export interface StartBanner {
  /** For the JSON log line. */
  fields: { url: string; database: string; loginProviders: string[]; allowedOrigins: string[] };
  /** For a person watching the terminal. */
  text: string;
}

/** What an operator checks first after a start: where it answers, on which database, for whom. */
export function startBanner(facts: StartFacts): StartBanner {
  const { config } = facts;
  const database =
    facts.embeddedPort === undefined
      ? `PostgreSQL at ${withoutCredentials(facts.databaseUrl)} (DATABASE_URL)${config.databaseReplicaUrl ? `, reads also from ${withoutCredentials(config.databaseReplicaUrl)}` : ''}`
      : `embedded PostgreSQL on 127.0.0.1:${facts.embeddedPort}, data under ${config.dataDir}`;
  const fields = { url: config.publicUrl, database, loginProviders: facts.loginProviders, allowedOrigins: config.allowedOrigins };
  const text = [
    `Comment Desk is running at ${config.publicUrl}/  (API docs: ${config.publicUrl}/api/docs)`,
    `  database:        ${database}`,
    `  login providers: ${facts.loginProviders.join(', ') || 'none (set SSO_SECRET or a provider, see .env.example)'}`,
    `  allowed origins: ${config.allowedOrigins.join(', ')}`,
  ].join('\n');
  return { fields, text };
}

/** `host:port/database`, without the user and password a connection string may carry. */
function withoutCredentials(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.host}${url.pathname}`;
  } catch {
    return 'a connection string that is not a URL';
  }
}
