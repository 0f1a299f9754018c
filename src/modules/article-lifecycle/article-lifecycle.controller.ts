import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ArticlePage, ArticleView } from '@/contract/articles.js';
import { type ArticleListQuery, articleIdSchema, articleListQuerySchema, type PutArticleDto, putArticleSchema } from '@/modules/articles/articles.dto.js';
import { Authenticated, CurrentPrincipal } from '@/modules/auth/auth.decorators.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { CurrentSite } from '@/modules/sites/current-site.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { ArticleLifecycleService } from './article-lifecycle.service.js';
import { reverseAutomationSchema } from './article-lifecycle.dto.js';
import { ApiErrors } from '@/common/openapi/api-errors.decorator.js';
import { articlePageSchema, articleSchema } from '@/modules/articles/articles.responses.js';

@ApiTags('articles')
@Controller('api/v1')
export class ArticleLifecycleController {
  constructor(private readonly lifecycle: ArticleLifecycleService) {}

  @ApiOperation({ summary: "The site's articles, newest first, with their pending comments; search by id or title (moderator)" })
  @Authenticated({ minRole: 'moderator' })
  @ApiOkResponse({ description: 'A page of articles, newest first', standardSchema: articlePageSchema })
  @Get('articles')
  list(@CurrentSite() site: SiteScope, @Query({ schema: articleListQuerySchema }) query: ArticleListQuery): Promise<ArticlePage> {
    return this.lifecycle.list(site, query);
  }

  @ApiOperation({ summary: 'Register or update an article (admin); creating it and opening, closing, premoderation, memorial and section changes are logged' })
  @Authenticated({ minRole: 'admin' })
  @ApiOkResponse({ description: 'The article as stored (created or updated)', standardSchema: articleSchema })
  @Put('articles/:articleId')
  put(
    @CurrentPrincipal() actor: Principal,
    @Param('articleId', { schema: articleIdSchema }) articleId: string,
    @Body({ schema: putArticleSchema }) dto: PutArticleDto,
  ): Promise<ArticleView> {
    return this.lifecycle.put(actor, articleId, dto);
  }

  @ApiOperation({ summary: 'An article, its published comment count, and whether (and why not) it takes comments now' })
  @ApiOkResponse({ description: 'The article', standardSchema: articleSchema })
  @ApiErrors('NOT_FOUND')
  @Get('articles/:articleId')
  get(@CurrentSite() site: SiteScope, @Param('articleId', { schema: articleIdSchema }) articleId: string): Promise<ArticleView> {
    return this.lifecycle.get(site, articleId);
  }

  @ApiOperation({ summary: 'Undo the automatic closing or premoderation of an article (moderator)' })
  @Authenticated({ minRole: 'moderator' })
  @ApiOkResponse({ description: 'The article with its automatic action undone', standardSchema: articleSchema })
  @ApiErrors('NOT_FOUND')
  @Post('moderation/articles/:articleId/reverse-automation')
  @HttpCode(200)
  reverse(
    @CurrentPrincipal() actor: Principal,
    @Param('articleId', { schema: articleIdSchema }) articleId: string,
    @Body({ schema: reverseAutomationSchema }) dto: { reason: string } | undefined,
  ): Promise<ArticleView> {
    return this.lifecycle.reverse(actor, articleId, dto?.reason ?? '');
  }
}
