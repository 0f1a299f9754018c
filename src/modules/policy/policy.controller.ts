import { Body, Controller, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal } from '@/modules/auth/auth.decorators.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { type PolicyRulesView, PolicyStore } from './policy-store.service.js';
import type { VerdictView } from './verdict-view.js';
import {
  type EvaluatePolicyDto,
  evaluatePolicySchema,
  type TermListEditDto,
  termListEditSchema,
  type UpdateRulesDto,
  updateRulesSchema,
} from './policy.dto.js';
import { type PolicyInfo, PolicyService } from './policy.service.js';
import { ApiErrors } from '@/common/openapi/api-errors.decorator.js';
import { policyInfoSchema, policyRulesSchema, verdictSchema } from './policy.responses.js';

@ApiTags('policy')
@Controller('api/v1/policy')
export class PolicyController {
  constructor(
    private readonly policy: PolicyService,
    private readonly store: PolicyStore,
  ) {}

  @ApiOperation({ summary: 'The length rule and where the Standards Board policy is published' })
  @ApiOkResponse({ description: 'The length rule and the policy page', standardSchema: policyInfoSchema })
  @Get()
  info(): PolicyInfo {
    return this.policy.info();
  }

  @ApiOperation({ summary: 'What posting this text would decide, without posting it (moderator)' })
  // A dry run changes nothing: a banned moderator may still try a text.
  @Authenticated({ minRole: 'moderator', writes: false })
  @ApiOkResponse({ description: 'The verdict posting it would get', standardSchema: verdictSchema })
  @ApiErrors('NOT_FOUND', 'COMMENT_EMPTY', 'COMMENT_TOO_LONG')
  @Post('evaluate')
  @HttpCode(200)
  evaluate(@Body({ schema: evaluatePolicySchema }) dto: EvaluatePolicyDto): Promise<VerdictView> {
    return this.policy.trial(dto);
  }

  @ApiOperation({ summary: 'The rules in force, as data (moderator)' })
  @Authenticated({ minRole: 'moderator' })
  @ApiOkResponse({ description: 'The policy in force', standardSchema: policyRulesSchema })
  @Get('rules')
  rules(): PolicyRulesView {
    return this.store.rules();
  }

  @ApiOperation({ summary: 'Store an edited policy as the next version; every instance picks it up within seconds (admin)' })
  @Authenticated({ minRole: 'admin' })
  @ApiOkResponse({ description: 'The new version, now in force', standardSchema: policyRulesSchema })
  @ApiErrors('POLICY_VERSION_CONFLICT')
  @Put('rules')
  updateRules(@CurrentPrincipal() actor: Principal, @Body({ schema: updateRulesSchema }) dto: UpdateRulesDto): Promise<PolicyRulesView> {
    return this.store.update(actor.user.id, dto.definition, dto.reason);
  }

  @ApiOperation({ summary: 'Add and remove terms of one list as the next version, for lists larger than a request body (admin)' })
  @Authenticated({ minRole: 'admin' })
  @ApiOkResponse({ description: 'The new version, now in force', standardSchema: policyRulesSchema })
  @ApiErrors('POLICY_VERSION_CONFLICT')
  @Patch('rules/terms')
  editTerms(@CurrentPrincipal() actor: Principal, @Body({ schema: termListEditSchema }) dto: TermListEditDto): Promise<PolicyRulesView> {
    return this.store.editTerms(actor.user.id, dto);
  }
}
