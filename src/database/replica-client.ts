import type { AppConfig } from '@/config/config.js';
import { PrismaClient } from '@/generated/prisma/client.js';
import { poolAdapter, type PoolUsage } from './prisma.service.js';

/** Where reads may go instead of the primary; see ReadRouting. */
export interface ReplicaSettings {
  url: string;
  maxLagMs: number;
  pool: AppConfig['databasePool'];
}

export const READ_REPLICA = Symbol('READ_REPLICA');

/**
 * A Prisma client on the streaming replica, its pool sized like the primary's (logged-in readers'
 * lists go there). It fails fast like the primary's, so an unreachable replica is noticed (and
 * reads moved to the primary) within seconds.
 */
export function createReplicaClient(settings: ReplicaSettings): { client: PrismaClient; poolUsage: () => PoolUsage | undefined } {
  const adapter = poolAdapter(settings.url, settings.pool);
  return { client: new PrismaClient({ adapter }), poolUsage: () => adapter.usage() };
}
