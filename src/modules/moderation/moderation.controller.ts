import { Body, Controller, Delete, Get, HttpCode, type MessageEvent, Param, Post, Put, Query, Sse } from '@nestjs/common';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { CurrentSite } from '@/modules/sites/current-site.js';
import type { Observable } from 'rxjs';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { ArticleGroupList, ArticleGroupView } from '@/contract/article-groups.js';
import type { BulkDecisionAnswer, DecisionAnswer } from '@/contract/moderation-decisions.js';
import type { LogPage } from '@/contract/moderation-log.js';
import type { ClaimView, QueueCountsView, QueuePage } from '@/contract/moderation-queue.js';
import type { TrustView, UserAdminDetail, UserAdminPage, UserView } from '@/contract/users.js';
import { Authenticated, CurrentPrincipal } from '@/modules/auth/auth.decorators.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { commentIdSchema } from '@/modules/comments/comments.dto.js';
import { CommentLifecycle } from '@/modules/comments/lifecycle/comment-lifecycle.service.js';
import { AuditLogService } from '@/modules/audit/audit-log.service.js';
import { ArticleGroupsService } from './article-groups.service.js';
import { ClaimsService } from './claims.service.js';
import { ModerationEventsService } from './moderation-events.service.js';
import { QueuesService } from './queues.service.js';
import { PeopleService } from './people.service.js';
import { StandingService } from './standing.service.js';
import {
  type ArticleGroupDto,
  articleGroupSchema,
  type BanDto,
  banSchema,
  type BulkDecisionDto,
  bulkDecisionSchema,
  type DecisionDto,
  decisionSchema,
  liftBanSchema,
  type LogQueryDto,
  logQuerySchema,
  type PeopleQueryDto,
  peopleQuerySchema,
  QUEUES,
  queueSchema,
  type QueueQueryDto,
  queueQuerySchema,
  type RoleDto,
  roleSchema,
  type TrustDto,
  trustSchema,
} from './moderation.dto.js';
import { ApiErrors } from '@/common/openapi/api-errors.decorator.js';
import { userSchema } from '@/modules/auth/auth.responses.js';
import {
  articleGroupListSchema,
  bulkDecisionAnswerSchema,
  claimSchema,
  decisionAnswerSchema,
  logPageSchema,
  queueCountsSchema,
  queuePageSchema,
  savedArticleGroupSchema,
  trustAnswerSchema,
  userAdminDetailSchema,
  userAdminPageSchema,
} from './moderation.responses.js';

const userIdSchema = z.uuid({ error: 'a user id is a UUID' });

@ApiTags('moderation')
@Authenticated({ minRole: 'moderator' })
@Controller('api/v1/moderation')
export class ModerationController {
  constructor(
    private readonly queues: QueuesService,
    private readonly lifecycle: CommentLifecycle,
    private readonly standing: StandingService,
    private readonly log: AuditLogService,
    private readonly events: ModerationEventsService,
    private readonly claims: ClaimsService,
    private readonly groups: ArticleGroupsService,
    private readonly people: PeopleService,
  ) {}

  @ApiOperation({ summary: 'Server-sent events: queue changes on every instance, live (event "queue"; "resync" after a gap)' })
  @ApiOkResponse({
    description:
      'A stream of server-sent events: "queue" with { type, commentId, articleId, status } or { type: "comment.claimed", commentId, moderatorId, until }; "resync" after a gap',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @Sse('events')
  live(@CurrentSite() site: SiteScope): Observable<MessageEvent> {
    return this.events.stream(site);
  }

  @ApiOperation({ summary: 'How many items wait in each queue' })
  @ApiOkResponse({ description: 'Items waiting in each queue', standardSchema: queueCountsSchema })
  @Get('queues')
  async counts(@CurrentSite() site: SiteScope): Promise<QueueCountsView> {
    return { queues: await this.queues.counts(site) };
  }

  @ApiOperation({ summary: `A moderation queue (${QUEUES.join(', ')}), oldest first, with filters` })
  @ApiOkResponse({ description: 'A page of the queue, oldest first', standardSchema: queuePageSchema })
  @ApiErrors('NOT_FOUND')
  @Get('queues/:queue')
  async queue(
    @CurrentPrincipal() actor: Principal,
    @Param('queue', { schema: queueSchema }) queue: (typeof QUEUES)[number],
    @Query({ schema: queueQuerySchema }) query: QueueQueryDto,
  ): Promise<QueuePage> {
    const { group, ...filters } = query;
    const articleIds = group ? await this.groups.articleIdsOf(actor.site, group) : undefined;
    return this.claims.annotate(actor, await this.queues.queue(actor.site, { queue, ...filters, articleIds }));
  }

  @ApiOperation({ summary: 'Saved article groups, to follow one story across its articles' })
  @ApiOkResponse({ description: 'The saved groups', standardSchema: articleGroupListSchema })
  @Get('groups')
  listGroups(@CurrentSite() site: SiteScope): Promise<ArticleGroupList> {
    return this.groups.list(site);
  }

  @ApiOperation({ summary: 'Save (create or replace by name) a group of articles' })
  @ApiOkResponse({ description: 'The group as saved', standardSchema: savedArticleGroupSchema })
  @Post('groups')
  @HttpCode(200)
  saveGroup(@CurrentPrincipal() actor: Principal, @Body({ schema: articleGroupSchema }) dto: ArticleGroupDto): Promise<ArticleGroupView> {
    return this.groups.save(actor.site, actor.user.id, dto);
  }

  @ApiOperation({ summary: 'Delete a saved group of articles' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors('NOT_FOUND')
  @Delete('groups/:groupId')
  @HttpCode(204)
  async removeGroup(@CurrentSite() site: SiteScope, @Param('groupId', { schema: z.uuid() }) groupId: string): Promise<void> {
    await this.groups.remove(site, groupId);
  }

  @ApiOperation({ summary: 'Mark an item as being looked at for five minutes (a soft claim other pages show)' })
  @ApiOkResponse({ description: 'Claimed for five minutes', standardSchema: claimSchema })
  @ApiErrors('NOT_FOUND')
  @Post('comments/:commentId/claim')
  @HttpCode(200)
  claim(@CurrentPrincipal() actor: Principal, @Param('commentId', { schema: commentIdSchema }) commentId: string): Promise<ClaimView> {
    return this.claims.claim(actor, commentId);
  }

  @ApiOperation({ summary: 'Let go of your claim on an item' })
  @ApiNoContentResponse({ description: 'Let go (or there was no claim of yours)' })
  @Delete('comments/:commentId/claim')
  @HttpCode(204)
  async release(@CurrentPrincipal() actor: Principal, @Param('commentId', { schema: commentIdSchema }) commentId: string): Promise<void> {
    await this.claims.release(actor, commentId);
  }

  @ApiOperation({ summary: 'Approve or reject a comment; two moderators at once: exactly one decision is recorded' })
  @ApiOkResponse({ description: 'The comment as decided (the same decision again changes nothing)', standardSchema: decisionAnswerSchema })
  @ApiErrors('NOT_FOUND', 'ALREADY_DECIDED')
  @Post('comments/:commentId/decision')
  @HttpCode(200)
  async decide(
    @CurrentPrincipal() actor: Principal,
    @Param('commentId', { schema: commentIdSchema }) commentId: string,
    @Body({ schema: decisionSchema }) dto: DecisionDto,
  ): Promise<DecisionAnswer> {
    return { comment: (await this.lifecycle.decide(actor, { commentId, ...dto })).comment };
  }

  @ApiOperation({ summary: 'Feature a published comment (a staff pick: listed with featured=true, badged in the widget); logged' })
  @ApiOkResponse({ description: 'The comment, featured (featuring it again changes nothing)', standardSchema: decisionAnswerSchema })
  @ApiErrors('NOT_FOUND', 'CANNOT_FEATURE')
  @Put('comments/:commentId/feature')
  async feature(@CurrentPrincipal() actor: Principal, @Param('commentId', { schema: commentIdSchema }) commentId: string): Promise<DecisionAnswer> {
    return { comment: await this.lifecycle.feature(actor, commentId, true, '') };
  }

  @ApiOperation({ summary: 'Take a feature back; logged' })
  @ApiOkResponse({ description: 'The comment, no longer featured', standardSchema: decisionAnswerSchema })
  @ApiErrors('NOT_FOUND')
  @Delete('comments/:commentId/feature')
  async unfeature(@CurrentPrincipal() actor: Principal, @Param('commentId', { schema: commentIdSchema }) commentId: string): Promise<DecisionAnswer> {
    return { comment: await this.lifecycle.feature(actor, commentId, false, '') };
  }

  @ApiOperation({ summary: 'Up to 100 decisions at once; each item reports its own outcome' })
  @ApiOkResponse({ description: 'One result per item, in order; an item that fails carries its own error code', standardSchema: bulkDecisionAnswerSchema })
  @Post('decisions')
  @HttpCode(200)
  decideMany(@CurrentPrincipal() actor: Principal, @Body({ schema: bulkDecisionSchema }) dto: BulkDecisionDto): Promise<BulkDecisionAnswer> {
    return this.lifecycle.decideMany(actor, dto.items);
  }

  @ApiOperation({ summary: "The site's people, newest accounts first: search by name, user id, provider:subject or subject; filter by role and ban" })
  @ApiOkResponse({ description: 'A page of people', standardSchema: userAdminPageSchema })
  @Get('users')
  listUsers(@CurrentSite() site: SiteScope, @Query({ schema: peopleQuerySchema }) query: PeopleQueryDto): Promise<UserAdminPage> {
    return this.people.list(site, query);
  }

  @ApiOperation({ summary: "One person's record, with their bans, suspensions, unbans, role and trust changes, newest first" })
  @ApiOkResponse({ description: 'The person and their history', standardSchema: userAdminDetailSchema })
  @ApiErrors('NOT_FOUND')
  @Get('users/:userId')
  user(@CurrentSite() site: SiteScope, @Param('userId', { schema: userIdSchema }) userId: string): Promise<UserAdminDetail> {
    return this.people.get(site, userId);
  }

  @ApiOperation({ summary: 'Ban (until: null) or suspend (until: a time) a user' })
  @ApiOkResponse({ description: 'The user, banned or suspended', standardSchema: userSchema })
  @ApiErrors('NOT_FOUND')
  @Post('users/:userId/ban')
  @HttpCode(200)
  ban(
    @CurrentPrincipal() actor: Principal,
    @Param('userId', { schema: userIdSchema }) userId: string,
    @Body({ schema: banSchema }) dto: BanDto,
  ): Promise<UserView> {
    return this.standing.ban(actor, userId, dto);
  }

  @ApiOperation({ summary: 'Lift a ban or suspension' })
  @ApiOkResponse({ description: 'The user, free to write again', standardSchema: userSchema })
  @ApiErrors('NOT_FOUND')
  @Delete('users/:userId/ban')
  lift(
    @CurrentPrincipal() actor: Principal,
    @Param('userId', { schema: userIdSchema }) userId: string,
    @Body({ schema: liftBanSchema }) dto: { reason: string } | undefined,
  ): Promise<UserView> {
    return this.standing.lift(actor, userId, dto?.reason ?? '');
  }

  @ApiOperation({ summary: "Change a user's role (admin)" })
  @Authenticated({ minRole: 'admin' })
  @ApiOkResponse({ description: 'The user with the new role', standardSchema: userSchema })
  @ApiErrors('NOT_FOUND')
  @Put('users/:userId/role')
  setRole(
    @CurrentPrincipal() actor: Principal,
    @Param('userId', { schema: userIdSchema }) userId: string,
    @Body({ schema: roleSchema }) dto: RoleDto,
  ): Promise<UserView> {
    return this.standing.setRole(actor, userId, dto);
  }

  @ApiOperation({ summary: "Set an author's trust: new, regular, trusted (no new-account review) or watched (every comment reviewed)" })
  @Authenticated({ minRole: 'moderator' })
  @ApiOkResponse({ description: 'The author’s trust as set', standardSchema: trustAnswerSchema })
  @ApiErrors('NOT_FOUND')
  @Put('users/:userId/trust')
  setTrust(
    @CurrentPrincipal() actor: Principal,
    @Param('userId', { schema: userIdSchema }) userId: string,
    @Body({ schema: trustSchema }) dto: TrustDto,
  ): Promise<TrustView> {
    return this.standing.setTrust(actor, userId, dto);
  }

  @ApiOperation({ summary: 'The moderation log, oldest first; filter by comment, user, action, actor, article and time' })
  @ApiOkResponse({ description: 'A page of the log', standardSchema: logPageSchema })
  @Get('log')
  list(@CurrentSite() site: SiteScope, @Query({ schema: logQuerySchema }) query: LogQueryDto): Promise<LogPage> {
    return this.log.list(site, query);
  }
}
