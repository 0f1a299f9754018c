// Error codes that mean "the database is not there right now", not "this request is wrong":
// Prisma's connection errors, PostgreSQL's connection-exception and operator-intervention classes
// (57P03: the server is shutting down or starting up), and the socket errors node-postgres passes
// through. Prisma reports a driver adapter's error as a known request error (P2010, P2039...) with
// the adapter's error under `meta.driverAdapterError`, not as its cause, so both paths are followed.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'DatabaseDoesNotExist']);
// Prisma's P2028 "Unable to start a transaction in the given time" is the pool's wait ending for an
// interactive transaction, as "timeout exceeded when trying to connect" is for a single statement.
const MESSAGES =
  /connection terminated|connection timeout|timeout exceeded when trying to connect|unable to start a transaction in the given time|can't reach database server|server closed the connection|terminating connection|the database system is (shutting down|starting up|in recovery mode)/i;

/** True when `error`, or anything in its cause chain, says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    if (typeof current !== 'object') return false;
    const { code, kind, message, cause, meta } = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
    if (typeof code === 'string') {
      if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code)) return true;
      if (/^(08|57P0)/.test(code)) return true;
    }
    if (typeof kind === 'string' && ADAPTER_KINDS.has(kind)) return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
    current = cause ?? (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
  }
  return false;
}
