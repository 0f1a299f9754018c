import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@/modules/auth/auth.decorators.js';
import type { VerdictView } from './verdict-view.js';
import { type EvaluatePolicyDto, evaluatePolicySchema } from './policy.dto.js';
import { type PolicyInfo, PolicyService } from './policy.service.js';

@ApiTags('policy')
@Controller('api/v1/policy')
export class PolicyController {
  constructor(private readonly policy: PolicyService) {}

  @ApiOperation({ summary: 'The length rule and where the Standards Board policy is published' })
  @Get()
  info(): PolicyInfo {
    return this.policy.info();
  }

  @ApiOperation({ summary: 'What posting this text would decide, without posting it (moderator)' })
  @Authenticated({ minRole: 'moderator' })
  @Post('evaluate')
  @HttpCode(200)
  evaluate(@Body({ schema: evaluatePolicySchema }) dto: EvaluatePolicyDto): Promise<VerdictView> {
    return this.policy.trial(dto);
  }
}
