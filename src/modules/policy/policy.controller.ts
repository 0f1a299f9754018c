import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { PolicyLayersService } from './layers/policy-layers.service.js';
import type { SectionPolicyList, SectionPolicyView } from '@/contract/effective-policy.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { CurrentSite } from '@/modules/sites/current-site.js';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal } from '@/modules/auth/auth.decorators.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { type PolicyRulesView, PolicyStore } from './policy-store.service.js';
import type { VerdictView } from './verdict-view.js';
import {
  type EvaluatePolicyDto,
  evaluatePolicySchema,
  type OverridesChangeDto,
  overridesChangeSchema,
  policyDiffQuerySchema,
  policyVersionSchema,
  policyVersionsQuerySchema,
  type PolicyVersionsQueryDto,
  type RollbackDto,
  rollbackSchema,
  sectionSchema,
  type TermListEditDto,
  termListEditSchema,
  type UpdateRulesDto,
  updateRulesSchema,
} from './policy.dto.js';
import { type PolicyInfo, PolicyService } from './policy.service.js';
import { ApiErrors } from '@/common/openapi/api-errors.decorator.js';
import {
  policyDiffSchema,
  policyInfoSchema,
  policyRulesSchema,
  policyVersionDetailSchema,
  policyVersionPageSchema,
  verdictSchema,
} from './policy.responses.js';
import type { PolicyDiffView, PolicyVersionDetail, PolicyVersionPage } from '@/contract/policy.js';
import { PolicyHistoryService } from './policy-history.service.js';

@ApiTags('policy')
@Controller('api/v1/policy')
export class PolicyController {
  constructor(
    private readonly policy: PolicyService,
    private readonly store: PolicyStore,
    private readonly layers: PolicyLayersService,
    private readonly history: PolicyHistoryService,
  ) {}

  @ApiOperation({ summary: "The site's sections that change its policy, with their changes (moderator)" })
  @Authenticated({ minRole: 'moderator' })
  @Get('sections')
  sections(@CurrentSite() site: SiteScope): SectionPolicyList {
    return this.layers.sections(site);
  }

  @ApiOperation({ summary: "Replace a section's changes to the site's policy ({} removes them); every article in it follows (admin)" })
  @Authenticated({ minRole: 'admin' })
  @Put('sections/:section')
  setSection(
    @CurrentPrincipal() actor: Principal,
    @Param('section', { schema: sectionSchema }) section: string,
    @Body({ schema: overridesChangeSchema }) dto: OverridesChangeDto,
  ): Promise<SectionPolicyView> {
    return this.layers.setSection(actor, section, dto);
  }

  @ApiOperation({ summary: 'The length rule and where the Standards Board policy is published' })
  @ApiOkResponse({ description: 'The length rule and the policy page', standardSchema: policyInfoSchema })
  @Get()
  info(): PolicyInfo {
    return this.policy.info();
  }

  @ApiOperation({ summary: 'What posting this text would decide, without posting it, under the policy in force or a draft (moderator)' })
  // A dry run changes nothing: a banned moderator may still try a text.
  @Authenticated({ minRole: 'moderator', writes: false })
  @ApiOkResponse({ description: 'The verdict posting it would get', standardSchema: verdictSchema })
  @ApiErrors('NOT_FOUND', 'COMMENT_EMPTY', 'COMMENT_TOO_LONG')
  @Post('evaluate')
  @HttpCode(200)
  evaluate(@CurrentSite() site: SiteScope, @Body({ schema: evaluatePolicySchema }) dto: EvaluatePolicyDto): Promise<VerdictView> {
    return this.policy.trial(site, dto);
  }

  @ApiOperation({ summary: 'The rules in force, as data (moderator)' })
  @Authenticated({ minRole: 'moderator' })
  @ApiOkResponse({ description: 'The policy in force', standardSchema: policyRulesSchema })
  @Get('rules')
  rules(@CurrentSite() site: SiteScope): PolicyRulesView {
    return this.store.rules(site);
  }

  @ApiOperation({ summary: 'Store an edited policy as the next version; every instance picks it up within seconds (admin)' })
  @Authenticated({ minRole: 'admin' })
  @ApiOkResponse({ description: 'The new version, now in force', standardSchema: policyRulesSchema })
  @ApiErrors('POLICY_VERSION_CONFLICT')
  @Put('rules')
  updateRules(@CurrentPrincipal() actor: Principal, @Body({ schema: updateRulesSchema }) dto: UpdateRulesDto): Promise<PolicyRulesView> {
    return this.store.update(actor.site, actor.user.id, dto.definition, dto.reason);
  }

  @ApiOperation({ summary: 'Add and remove terms of one list as the next version, for lists larger than a request body (admin)' })
  @Authenticated({ minRole: 'admin' })
  @ApiOkResponse({ description: 'The new version, now in force', standardSchema: policyRulesSchema })
  @ApiErrors('POLICY_VERSION_CONFLICT')
  @Patch('rules/terms')
  editTerms(@CurrentPrincipal() actor: Principal, @Body({ schema: termListEditSchema }) dto: TermListEditDto): Promise<PolicyRulesView> {
    return this.store.editTerms(actor.site, actor.user.id, dto);
  }

  @ApiOperation({ summary: "The site's stored policy versions, newest first, with who stored each and why (moderator)" })
  @Authenticated({ minRole: 'moderator' })
  @ApiOkResponse({ description: 'A page of versions, newest first', standardSchema: policyVersionPageSchema })
  @Get('rules/versions')
  versions(@CurrentSite() site: SiteScope, @Query({ schema: policyVersionsQuerySchema }) query: PolicyVersionsQueryDto): Promise<PolicyVersionPage> {
    return this.history.list(site, query);
  }

  @ApiOperation({ summary: 'One stored version with its definition (moderator)' })
  @Authenticated({ minRole: 'moderator' })
  @ApiOkResponse({ description: 'The version as stored', standardSchema: policyVersionDetailSchema })
  @ApiErrors('NOT_FOUND')
  @Get('rules/versions/:version')
  version(@CurrentSite() site: SiteScope, @Param('version', { schema: policyVersionSchema }) version: number): Promise<PolicyVersionDetail> {
    return this.history.get(site, version);
  }

  @ApiOperation({ summary: 'What changed from another version (by default the one before) to this one: settings by JSON path, term lists as sets (moderator)' })
  @Authenticated({ minRole: 'moderator' })
  @ApiOkResponse({ description: 'The changes', standardSchema: policyDiffSchema })
  @ApiErrors('NOT_FOUND')
  @Get('rules/versions/:version/diff')
  diff(
    @CurrentSite() site: SiteScope,
    @Param('version', { schema: policyVersionSchema }) version: number,
    @Query({ schema: policyDiffQuerySchema }) query: { against?: number | undefined },
  ): Promise<PolicyDiffView> {
    return this.history.diff(site, version, query.against);
  }

  @ApiOperation({ summary: "Put an earlier version's definition back in force as the next version; logged as rule_rollback (admin)" })
  @Authenticated({ minRole: 'admin' })
  @ApiOkResponse({ description: 'The new version, now in force', standardSchema: policyRulesSchema })
  @ApiErrors('NOT_FOUND', 'POLICY_VERSION_CONFLICT')
  @Post('rules/rollback')
  @HttpCode(200)
  rollback(@CurrentPrincipal() actor: Principal, @Body({ schema: rollbackSchema }) dto: RollbackDto): Promise<PolicyRulesView> {
    return this.store.rollback(actor.site, actor.user.id, dto.version, dto.reason);
  }
}
