import { Injectable } from '@nestjs/common';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { NotFoundError } from '@/common/errors/app-error.js';
import type { ArticleGroupList, ArticleGroupView } from '@/contract/article-groups.js';
import { ArticleGroupsRepository, type ArticleGroupRecord } from './article-groups.repository.js';
import type { ArticleGroupDto } from './moderation.dto.js';

/** Saved groups of articles (one story told over several pieces), so a queue can follow the story. */
@Injectable()
export class ArticleGroupsService {
  constructor(private readonly groups: ArticleGroupsRepository) {}

  async list(scope: SiteScope): Promise<ArticleGroupList> {
    return { groups: (await this.groups.list(scope)).map(toView) };
  }

  async save(scope: SiteScope, actorId: string, dto: ArticleGroupDto): Promise<ArticleGroupView> {
    return toView(await this.groups.save(scope, dto.name, [...new Set(dto.articleIds)], actorId));
  }

  async remove(scope: SiteScope, id: string): Promise<void> {
    if (!(await this.groups.remove(scope, id))) throw new NotFoundError('The article group');
  }

  /** The articles of a group, for a queue filter; NOT_FOUND for an unknown group (or another site's). */
  async articleIdsOf(scope: SiteScope, id: string): Promise<string[]> {
    const group = await this.groups.find(scope, id);
    if (!group) throw new NotFoundError('The article group');
    return group.articleIds;
  }
}

function toView(group: ArticleGroupRecord): ArticleGroupView {
  return { id: group.id, name: group.name, articleIds: group.articleIds, createdAt: group.createdAt.toISOString() };
}
