import { Module } from '@nestjs/common';
import { RateLimitModule } from '@/modules/rate-limit/rate-limit.module.js';
import { AccountController } from './account.controller.js';
import { AccountRepository } from './account.repository.js';
import { AccountService } from './account.service.js';

/** Data rights: a reader's export of their data and the deletion of their account. */
@Module({ imports: [RateLimitModule], controllers: [AccountController], providers: [AccountRepository, AccountService] })
export class AccountModule {}
