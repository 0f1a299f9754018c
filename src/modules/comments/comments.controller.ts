import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { CurrentSite } from '@/modules/sites/current-site.js';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { PostedComment } from '@/contract/comments.js';
import type { LikeState, ReportReceipt } from '@/contract/reactions.js';
import { articleIdSchema } from '@/modules/articles/articles.dto.js';
import { Authenticated, CurrentPrincipal, OptionalAuth } from '@/modules/auth/auth.decorators.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { CommentReactionsService } from './comment-reactions.service.js';
import {
  commentIdSchema,
  type EditCommentDto,
  editCommentSchema,
  type ListCommentsQuery,
  listCommentsQuerySchema,
  type PostCommentDto,
  postCommentSchema,
  type ReportCommentDto,
  reportCommentSchema,
} from './comments.dto.js';
import { CommentsService } from './comments.service.js';
import { CommentLifecycle } from './lifecycle/comment-lifecycle.service.js';
import { ApiErrors } from '@/common/openapi/api-errors.decorator.js';
import { commentPageSchema, likeStateSchema, postedCommentSchema, reportReceiptSchema } from './comments.responses.js';

@ApiTags('comments')
@Controller('api/v1')
export class CommentsController {
  constructor(
    private readonly comments: CommentsService,
    private readonly lifecycle: CommentLifecycle,
    private readonly reactions: CommentReactionsService,
  ) {}

  @ApiOperation({ summary: "An article's comments, or a comment's replies (?parentId=), a page at a time" })
  @ApiOkResponse({ description: 'A page of comments (or replies), with an ETag', standardSchema: commentPageSchema })
  @OptionalAuth()
  @ApiResponse({ status: 304, description: 'Not modified: If-None-Match named the ETag of this page' })
  @ApiErrors('NOT_FOUND')
  @Get('articles/:articleId/comments')
  async list(
    @CurrentSite() site: SiteScope,
    @CurrentPrincipal() viewer: Principal | undefined,
    @Param('articleId', { schema: articleIdSchema }) articleId: string,
    @Query({ schema: listCommentsQuerySchema }) query: ListCommentsQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    // Already JSON (public pages come so from the cache); the ETag lets @fastify/etag answer a 304.
    const page = await this.comments.list(site, viewer, articleId, query);
    void reply.type('application/json; charset=utf-8').header('etag', page.etag);
    return page.body;
  }

  @ApiOperation({ summary: 'Post a comment or a reply; judged by the Standards Board policy' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key and body answers the first result (24 h)' })
  @Authenticated({ writes: true })
  @ApiCreatedResponse({
    description:
      'Stored: published, or pending when the verdict holds it. A retry with the same Idempotency-Key answers the first result again, with Idempotent-Replayed: true',
    standardSchema: postedCommentSchema,
  })
  @ApiErrors(
    'NOT_FOUND',
    'ARTICLE_CLOSED',
    'COMMENT_EMPTY',
    'COMMENT_TOO_LONG',
    'POLICY_REJECTED',
    'RATE_LIMITED',
    'IDEMPOTENCY_KEY_REUSED',
    'REQUEST_IN_PROGRESS',
  )
  @Post('articles/:articleId/comments')
  async post(
    @CurrentPrincipal() principal: Principal,
    @Param('articleId', { schema: articleIdSchema }) articleId: string,
    @Body({ schema: postCommentSchema }) dto: PostCommentDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PostedComment> {
    const result = await this.lifecycle.post(principal, articleId, dto, idempotencyKey);
    void reply.status(result.status);
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return result.body;
  }

  @ApiOperation({
    summary: 'Edit your comment within the edit window (COMMENT_EDIT_WINDOW) until a moderator decides it; judged by the policy again',
  })
  @Authenticated({ writes: true })
  @ApiOkResponse({ description: 'The edited comment and the verdict on its new text', standardSchema: postedCommentSchema })
  @ApiErrors('NOT_FOUND', 'FORBIDDEN', 'EDIT_WINDOW_CLOSED', 'COMMENT_DECIDED', 'COMMENT_EMPTY', 'COMMENT_TOO_LONG', 'POLICY_REJECTED', 'RATE_LIMITED')
  @Patch('comments/:commentId')
  edit(
    @CurrentPrincipal() principal: Principal,
    @Param('commentId', { schema: commentIdSchema }) commentId: string,
    @Body({ schema: editCommentSchema }) dto: EditCommentDto,
  ): Promise<PostedComment> {
    return this.lifecycle.edit(principal, commentId, dto);
  }

  @ApiOperation({ summary: 'Delete a comment (its author or a moderator)' })
  @Authenticated()
  @ApiNoContentResponse({ description: 'Deleted (deleting again changes nothing)' })
  @ApiErrors('NOT_FOUND', 'FORBIDDEN')
  @Delete('comments/:commentId')
  @HttpCode(204)
  async remove(@CurrentPrincipal() principal: Principal, @Param('commentId', { schema: commentIdSchema }) commentId: string): Promise<void> {
    await this.lifecycle.remove(principal, commentId);
  }

  @ApiOperation({ summary: 'Like a comment (once per reader)' })
  @Authenticated({ writes: true })
  @ApiOkResponse({ description: 'Liked; liking again changes nothing', standardSchema: likeStateSchema })
  @ApiErrors('NOT_FOUND', 'FORBIDDEN')
  @Put('comments/:commentId/like')
  like(@CurrentPrincipal() principal: Principal, @Param('commentId', { schema: commentIdSchema }) commentId: string): Promise<LikeState> {
    return this.reactions.setLike(principal, commentId, true);
  }

  @ApiOperation({ summary: 'Take a like back' })
  @Authenticated({ writes: true })
  @ApiOkResponse({ description: 'Not liked', standardSchema: likeStateSchema })
  @ApiErrors('NOT_FOUND')
  @Delete('comments/:commentId/like')
  unlike(@CurrentPrincipal() principal: Principal, @Param('commentId', { schema: commentIdSchema }) commentId: string): Promise<LikeState> {
    return this.reactions.setLike(principal, commentId, false);
  }

  @ApiOperation({ summary: 'Report a comment to the moderators; 201 the first time, 200 after' })
  @Authenticated({ writes: true })
  @ApiCreatedResponse({ description: 'The first report by this reader', standardSchema: reportReceiptSchema })
  @ApiOkResponse({ description: 'This reader had reported it already; it counts once', standardSchema: reportReceiptSchema })
  @ApiErrors('NOT_FOUND')
  @Post('comments/:commentId/reports')
  async report(
    @CurrentPrincipal() principal: Principal,
    @Param('commentId', { schema: commentIdSchema }) commentId: string,
    @Body({ schema: reportCommentSchema }) dto: ReportCommentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReportReceipt> {
    const receipt = await this.lifecycle.report(principal, commentId, dto);
    void reply.status(receipt.firstReport ? 201 : 200);
    return receipt;
  }
}
