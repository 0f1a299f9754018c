import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationFailedError } from '@/common/errors/app-error.js';
import type { AccountExport } from '@/contract/account.js';
import { type Principal, userStatus } from '@/modules/auth/auth.types.js';
import { RateLimitService } from '@/modules/rate-limit/rate-limit.service.js';
import { SiteRegistry } from '@/modules/sites/site-registry.js';
import type { DeleteAccountDto } from './account.dto.js';
import { AccountRepository } from './account.repository.js';

/** An export reads every row of the reader's: a few an hour is plenty for a person. */
const EXPORT_LIMIT = { count: 3, windowSeconds: 3600 };

/** A reader's rights over their data: a copy of all of it, and the deletion of their account. */
@Injectable()
export class AccountService {
  constructor(
    private readonly sites: SiteRegistry,
    private readonly account: AccountRepository,
    private readonly rateLimits: RateLimitService,
  ) {}

  async export(principal: Principal): Promise<AccountExport> {
    await this.rateLimits.consume(`export:${principal.user.id}`, EXPORT_LIMIT);
    const { user } = principal;
    const rows = await this.account.exportRows(user.id);
    return {
      exportedAt: new Date().toISOString(),
      user: {
        id: user.id,
        displayName: user.displayName,
        provider: user.provider,
        role: user.role,
        status: userStatus(user),
        createdAt: user.createdAt.toISOString(),
      },
      ...rows,
    };
  }

  /** Re-confirmed by typing the display name: a stolen token alone does not read it off any screen of ours. */
  async delete(principal: Principal, dto: DeleteAccountDto): Promise<void> {
    if (dto.confirm !== principal.user.displayName) {
      throw new ValidationFailedError('To delete your account, type your display name exactly as it is shown.', { field: 'confirm' });
    }
    // The account's own site decides, and lends its stand-in (an operator's is the default site).
    const { home } = principal;
    const changed = await this.account.deleteAccount(home, principal.user.id, this.sites.accountability(home).accountDeletion);
    if (changed === null) throw new NotFoundError('The account');
  }
}
