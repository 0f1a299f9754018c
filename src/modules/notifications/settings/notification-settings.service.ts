import { Injectable } from '@nestjs/common';
import type { NotificationSettingsView } from '@/contract/notifications.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { SignedLinks } from '../signed-links.js';
import type { UpdateNotificationSettingsDto } from './notification-settings.dto.js';
import { NotificationSettingsRepository } from './notification-settings.repository.js';

export type LinkResult = { outcome: 'done'; locale: 'ko' | 'en' } | { outcome: 'invalid' };

@Injectable()
export class NotificationSettingsService {
  constructor(
    private readonly settings: NotificationSettingsRepository,
    private readonly links: SignedLinks,
  ) {}

  find(principal: Principal): Promise<NotificationSettingsView> {
    return this.settings.find(principal.user.id);
  }

  update(principal: Principal, dto: UpdateNotificationSettingsDto): Promise<NotificationSettingsView> {
    return this.settings.update(principal.user.id, dto);
  }

  /** From a mail's link, without a login: the token says who and what. */
  async unsubscribe(token: string): Promise<LinkResult> {
    const claims = await this.links.verify(token, 'unsubscribe');
    const after = claims ? await this.settings.unsubscribe(claims.userId, claims.scope) : null;
    return after ? { outcome: 'done', locale: after.locale } : { outcome: 'invalid' };
  }

  async confirmEmail(token: string): Promise<LinkResult> {
    const claims = await this.links.verify(token, 'confirm-email');
    if (!claims || !(await this.settings.confirmEmail(claims.userId, claims.email))) return { outcome: 'invalid' };
    return { outcome: 'done', locale: (await this.settings.find(claims.userId)).locale };
  }
}
