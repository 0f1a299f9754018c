import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@/modules/auth/auth.decorators.js';
import { type ArticleView, articleIdSchema, type PutArticleDto, putArticleSchema } from './articles.dto.js';
import { ArticlesService } from './articles.service.js';
import { ApiErrors } from '@/common/openapi/api-errors.decorator.js';
import { articleSchema } from './articles.responses.js';

@ApiTags('articles')
@Controller('api/v1/articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @ApiOperation({ summary: 'Register or update an article (admin)' })
  @Authenticated({ minRole: 'admin' })
  @ApiOkResponse({ description: 'The article as stored (created or updated)', standardSchema: articleSchema })
  @Put(':articleId')
  put(@Param('articleId', { schema: articleIdSchema }) articleId: string, @Body({ schema: putArticleSchema }) dto: PutArticleDto): Promise<ArticleView> {
    return this.articles.put(articleId, dto);
  }

  @ApiOperation({ summary: 'An article and its published comment count' })
  @ApiOkResponse({ description: 'The article', standardSchema: articleSchema })
  @ApiErrors('NOT_FOUND')
  @Get(':articleId')
  get(@Param('articleId', { schema: articleIdSchema }) articleId: string): Promise<ArticleView> {
    return this.articles.get(articleId);
  }
}
