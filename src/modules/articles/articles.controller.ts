import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@/modules/auth/auth.decorators.js';
import { CurrentSite } from '@/modules/sites/current-site.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { type ArticleView, articleIdSchema, type PutArticleDto, putArticleSchema } from './articles.dto.js';
import { ArticlesService } from './articles.service.js';

@ApiTags('articles')
@Controller('api/v1/articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @ApiOperation({ summary: 'Register or update an article (admin)' })
  @Authenticated({ minRole: 'admin' })
  @Put(':articleId')
  put(
    @CurrentSite() site: SiteScope,
    @Param('articleId', { schema: articleIdSchema }) articleId: string,
    @Body({ schema: putArticleSchema }) dto: PutArticleDto,
  ): Promise<ArticleView> {
    return this.articles.put(site, articleId, dto);
  }

  @ApiOperation({ summary: 'An article and its published comment count' })
  @Get(':articleId')
  get(@CurrentSite() site: SiteScope, @Param('articleId', { schema: articleIdSchema }) articleId: string): Promise<ArticleView> {
    return this.articles.get(site, articleId);
  }
}
