import type { PrismaClient } from '@/generated/prisma/client.js';

/** A moderator's decision as training data, in the corpora's line format plus where it came from. */
export interface DecisionExampleLine {
  text: string;
  label: 0 | 1;
  /** `moderator:<status when decided>`: pending (held), reported, rejected or published (overturned). */
  tag: string;
  policyVersion: number;
  rules: string[];
  score: number | null;
  decidedAt: string;
}

const PAGE = 500;

/**
 * The labelled examples moderators' decisions left, oldest decision first, a page at a time so an
 * export of years of decisions stays in constant memory.
 */
export async function* decisionExamples(prisma: Pick<PrismaClient, 'decisionExample'>, since?: Date): AsyncGenerator<DecisionExampleLine> {
  let after: { decidedAt: Date; commentId: string } | undefined;
  for (;;) {
    const rows = await prisma.decisionExample.findMany({
      where: {
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
