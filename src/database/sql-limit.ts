import { Prisma } from '@/generated/prisma/client.js';

/**
 * `LIMIT n` written into the statement, not bound as a parameter. Statements are prepared and run
 * on generic plans (see prisma.service.ts); a generic plan cannot see a bound LIMIT and plans for a
 * tenth of the table, where it should plan for a page. A whole number only, so nothing can be injected.
 */
export function sqlLimit(count: number): Prisma.Sql {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`not a row count: ${count}`);
  return Prisma.raw(`LIMIT ${count}`);
}
