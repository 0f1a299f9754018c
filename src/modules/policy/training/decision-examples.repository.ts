import type { PrismaClient } from '@/generated/prisma/client.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';

/** A moderator's decision as training data, in the corpora's line format plus where it came from. */
export interface DecisionExampleLine {
  text: string;
  label: 0 | 1;
  /** `moderator:<status when decided>`: pending (held), reported, rejected or published (overturned). */
  tag: string;
  /** The site whose moderators decided it. */
  site: string;
  policyVersion: number;
  rules: string[];
  score: number | null;
  decidedAt: string;
}

const PAGE = 500;

/**
 * The labelled examples moderators' decisions left on the given sites, oldest decision first, a page
 * at a time so an export of years of decisions stays in constant memory.
 */
export async function* decisionExamples(
  prisma: Pick<PrismaClient, 'decisionExample'>,
  sites: readonly SiteScope[],
  since?: Date,
): AsyncGenerator<DecisionExampleLine> {
  const siteIds = sites.map((scope) => scope.siteId);
  let after: { decidedAt: Date; commentId: string } | undefined;
  for (;;) {
    const rows = await prisma.decisionExample.findMany({
      where: {
        siteId: siteIds.length === 1 ? siteIds[0]! : { in: siteIds },
        ...(since ? { decidedAt: { gte: since } } : {}),
        ...(after ? { OR: [{ decidedAt: { gt: after.decidedAt } }, { decidedAt: after.decidedAt, commentId: { gt: after.commentId } }] } : {}),
      },
      orderBy: [{ decidedAt: 'asc' }, { commentId: 'asc' }],
      take: PAGE,
    });
    for (const row of rows) {
      yield {
        text: row.body,
        label: row.label === 1 ? 1 : 0,
        tag: `moderator:${row.queue}`,
        site: row.siteId,
        policyVersion: row.policyVersion,
        rules: row.ruleIds,
        score: row.score,
        decidedAt: row.decidedAt.toISOString(),
      };
    }
    if (rows.length < PAGE) return;
    const last = rows.at(-1)!;
    after = { decidedAt: last.decidedAt, commentId: last.commentId };
  }
}
