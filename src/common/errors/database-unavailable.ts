// Error codes that mean "the database is not there right now", not "this request is wrong":
// Prisma's connection errors, PostgreSQL's connection-exception and operator-intervention classes,
// and the socket errors node-postgres passes through.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'DatabaseDoesNotExist']);
const MESSAGES =
  /connection terminated|connection timeout|timeout exceeded when trying to connect|can't reach database server|server closed the connection|terminating connection/i;

/** True when `error`, or anything in its cause chain, says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    if (typeof current !== 'object') return false;
    const { code, kind, message, cause } = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string') {
      if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code)) return true;
      if (/^(08|57P0)/.test(code)) return true;
    }
    if (typeof kind === 'string' && ADAPTER_KINDS.has(kind)) return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
    current = cause;
  }
  return false;
}
