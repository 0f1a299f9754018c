import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ArticleView } from '@/contract/articles.js';
import { articleIdSchema, type PutArticleDto, putArticleSchema } from '@/modules/articles/articles.dto.js';
import { Authenticated, CurrentPrincipal } from '@/modules/auth/auth.decorators.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { CurrentSite } from '@/modules/sites/current-site.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { ArticleLifecycleService } from './article-lifecycle.service.js';
import { reverseAutomationSchema } from './article-lifecycle.dto.js';

@ApiTags('articles')
@Controller('api/v1')
export class ArticleLifecycleController {
  constructor(private readonly lifecycle: ArticleLifecycleService) {}

  @ApiOperation({ summary: 'Register or update an article (admin)' })
  @Authenticated({ minRole: 'admin' })
  @Put('articles/:articleId')
  put(
    @CurrentSite() site: SiteScope,
    @Param('articleId', { schema: articleIdSchema }) articleId: string,
    @Body({ schema: putArticleSchema }) dto: PutArticleDto,
  ): Promise<ArticleView> {
    return this.lifecycle.put(site, articleId, dto);
  }

  @ApiOperation({ summary: 'An article, its published comment count, and whether (and why not) it takes comments now' })
  @Get('articles/:articleId')
  get(@CurrentSite() site: SiteScope, @Param('articleId', { schema: articleIdSchema }) articleId: string): Promise<ArticleView> {
    return this.lifecycle.get(site, articleId);
  }

  @ApiOperation({ summary: 'Undo the automatic closing or premoderation of an article (moderator)' })
  @Authenticated({ minRole: 'moderator' })
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
