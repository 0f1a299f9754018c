import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@/common/errors/app-error.js';
import type { ArticleGroupList, ArticleGroupView } from '@/contract/article-groups.js';
import { ArticleGroupsRepository, type ArticleGroupRecord } from './article-groups.repository.js';
import type { ArticleGroupDto } from './moderation.dto.js';

/** Saved groups of articles (one story told over several pieces), so a queue can follow the story. */
@Injectable()
export class ArticleGroupsService {
  constructor(private readonly groups: ArticleGroupsRepository) {}

  async list(): Promise<ArticleGroupList> {
    return { groups: (await this.groups.list()).map(toView) };
  }

  async save(actorId: string, dto: ArticleGroupDto): Promise<ArticleGroupView> {
    return toView(await this.groups.save(dto.name, [...new Set(dto.articleIds)], actorId));
  }

  async remove(id: string): Promise<void> {
    if (!(await this.groups.remove(id))) throw new NotFoundError('The article group');
  }

  /** The articles of a group, for a queue filter; NOT_FOUND for an unknown group. */
  async articleIdsOf(id: string): Promise<string[]> {
    const group = await this.groups.find(id);
    if (!group) throw new NotFoundError('The article group');
    return group.articleIds;
  }
}

function toView(group: ArticleGroupRecord): ArticleGroupView {
  return { id: group.id, name: group.name, articleIds: group.articleIds, createdAt: group.createdAt.toISOString() };
}
