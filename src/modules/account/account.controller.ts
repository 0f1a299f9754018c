import { Body, Controller, Delete, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AccountExport } from '@/contract/account.js';
import { Authenticated, CurrentPrincipal } from '@/modules/auth/auth.decorators.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { type DeleteAccountDto, deleteAccountSchema } from './account.dto.js';
import { AccountService } from './account.service.js';

@ApiTags('account')
@Controller('api/v1/me')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @ApiOperation({ summary: 'Everything held about me, as JSON: comments, likes, reports, identities, notification settings (rate-limited)' })
  @Authenticated()
  @Get('export')
  async export(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<AccountExport> {
    const data = await this.account.export(principal);
    void reply.header('content-disposition', 'attachment; filename="comment-desk-export.json"').header('cache-control', 'no-store');
    return data;
  }

  @ApiOperation({ summary: 'Delete my account; the body repeats my display name as confirmation' })
  @Authenticated({ writes: false })
  @Delete()
  @HttpCode(204)
  delete(@CurrentPrincipal() principal: Principal, @Body({ schema: deleteAccountSchema }) dto: DeleteAccountDto): Promise<void> {
    return this.account.delete(principal, dto);
  }
}
