import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { NotFoundError } from '@/common/errors/app-error.js';
import { cursorTimeSchema, decodeOpaqueCursor, encodeOpaqueCursor } from '@/common/pagination/opaque-cursor.js';
import type { UserAdminDetail, UserAdminPage, UserAdminView } from '@/contract/users.js';
import { AuditLogService } from '@/modules/audit/audit-log.service.js';
import { userStatus } from '@/modules/auth/auth.types.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import type { PeopleQueryDto } from './moderation.dto.js';
import { PeopleRepository, type PersonRecord } from './people.repository.js';

const peopleCursorSchema = z.strictObject({ createdAt: cursorTimeSchema, id: z.uuid() });

/** The site's people for its staff: a searchable list, and one person's record with their history. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly log: AuditLogService,
  ) {}

  async list(scope: SiteScope, query: PeopleQueryDto): Promise<UserAdminPage> {
    const after = query.cursor ? decodeOpaqueCursor(query.cursor, peopleCursorSchema) : undefined;
    const rows = await this.people.list(scope, query, query.limit, after, new Date());
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map((person) => toAdminView(person)),
      nextCursor: rows.length > query.limit && last ? encodeOpaqueCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null,
    };
  }

  /** Another site's user is NOT_FOUND, as an unknown one. */
  async get(scope: SiteScope, userId: string): Promise<UserAdminDetail> {
    const person = await this.people.find(scope, userId);
    if (!person) throw new NotFoundError('The user');
    return { ...toAdminView(person), history: await this.log.standingHistory(scope, userId) };
  }
}

function toAdminView(person: PersonRecord, now = new Date()): UserAdminView {
  return {
    id: person.id,
    displayName: person.displayName,
    role: person.role,
    trust: person.trust,
    status: userStatus(person, now),
    bannedAt: person.bannedAt?.toISOString() ?? null,
    bannedUntil: person.bannedUntil?.toISOString() ?? null,
    createdAt: person.createdAt.toISOString(),
    identities: person.identities,
    commentCount: person.commentCount,
  };
}
