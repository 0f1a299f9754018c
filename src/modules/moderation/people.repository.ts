import { Injectable } from '@nestjs/common';
import { likeLiteral } from '@/database/like-pattern.js';
import { PrismaService } from '@/database/prisma.service.js';
import type { Prisma } from '@/generated/prisma/client.js';
import type { Role } from '@/modules/auth/auth.types.js';
import type { AuthorTrust } from '@/modules/policy/engine/engine.js';
import { SERVICE_ACCOUNT_PROVIDERS } from '@/modules/sites/automation-actor.repository.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';

export interface PersonRecord {
  id: string;
  displayName: string;
  role: Role;
  trust: AuthorTrust;
  bannedAt: Date | null;
  bannedUntil: Date | null;
  createdAt: Date;
  identities: { provider: string; subject: string }[];
  commentCount: number;
}

export interface PeopleFilter {
  search?: string | undefined;
  role?: Role | undefined;
  banned?: boolean | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** The site's people as the staff look them up: by name, id or login, role and ban (the service's own accounts are no one's to find). */
@Injectable()
export class PeopleRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Newest accounts first, after `after` (the last of the page before). */
  async list(scope: SiteScope, filter: PeopleFilter, limit: number, after: { createdAt: Date; id: string } | undefined, now: Date): Promise<PersonRecord[]> {
    const where: Prisma.UserWhereInput[] = [{ siteId: scope.siteId, provider: { notIn: SERVICE_ACCOUNT_PROVIDERS } }];
    if (filter.search) where.push({ OR: searchWhere(filter.search) });
    if (filter.role) where.push({ role: filter.role });
    if (filter.banned !== undefined) {
      const banned: Prisma.UserWhereInput = { bannedAt: { not: null }, OR: [{ bannedUntil: null }, { bannedUntil: { gt: now } }] };
      where.push(filter.banned ? banned : { NOT: banned });
    }
    if (after) where.push({ OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] });
    const users = await this.prisma.user.findMany({
      where: { AND: where },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      select: SELECT,
    });
    return this.withCommentCounts(scope, users);
  }

  async find(scope: SiteScope, userId: string): Promise<PersonRecord | null> {
    const user = await this.prisma.user.findUnique({
      where: { id: userId, siteId: scope.siteId, provider: { notIn: SERVICE_ACCOUNT_PROVIDERS } },
      select: SELECT,
    });
    return user ? ((await this.withCommentCounts(scope, [user]))[0] ?? null) : null;
  }

  private async withCommentCounts(scope: SiteScope, users: Omit<PersonRecord, 'commentCount'>[]): Promise<PersonRecord[]> {
    const counts = users.length
      ? await this.prisma.comment.groupBy({
          by: ['authorId'],
          where: { siteId: scope.siteId, authorId: { in: users.map((user) => user.id) }, status: { not: 'deleted' } },
          _count: { _all: true },
        })
      : [];
    const countOf = new Map(counts.map((group) => [group.authorId, group._count._all]));
    return users.map((user) => ({ ...user, commentCount: countOf.get(user.id) ?? 0 }));
  }
}

const SELECT = {
  id: true,
  displayName: true,
  role: true,
  trust: true,
  bannedAt: true,
  bannedUntil: true,
  createdAt: true,
  identities: { select: { provider: true, subject: true }, orderBy: { createdAt: 'asc' } },
} as const satisfies Prisma.UserSelect;

/** A part of the display name (any case), or exactly: a user id, a `provider:subject`, a subject. */
function searchWhere(search: string): Prisma.UserWhereInput[] {
  const options: Prisma.UserWhereInput[] = [
    { displayName: { contains: likeLiteral(search), mode: 'insensitive' } },
    { identities: { some: { subject: search } } },
  ];
  if (UUID.test(search)) options.push({ id: search.toLowerCase() });
  const colon = search.indexOf(':');
  if (colon > 0) options.push({ identities: { some: { provider: search.slice(0, colon), subject: search.slice(colon + 1) } } });
  return options;
}
