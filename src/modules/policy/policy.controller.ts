import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
}
