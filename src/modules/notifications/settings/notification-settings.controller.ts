import { Body, Controller, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { NotificationSettingsView } from '@/contract/notifications.js';
import { Authenticated, CurrentPrincipal } from '@/modules/auth/auth.decorators.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { html } from '@/modules/embed/html.js';
import { PAGE_CONTENT_SECURITY_POLICY, renderPage } from '@/modules/embed/page-layout.js';
import { type UpdateNotificationSettingsDto, updateNotificationSettingsSchema } from './notification-settings.dto.js';
import { type LinkResult, NotificationSettingsService } from './notification-settings.service.js';

const PAGES = {
  unsubscribe: {
    ko: { title: '수신 거부', done: '이 알림을 더 이상 보내지 않습니다. 설정은 댓글 창의 계정 메뉴에서 바꿀 수 있습니다.' },
    en: { title: 'Unsubscribed', done: 'You will not get these notifications any more. Change this in the account panel under the comments.' },
  },
  confirm: {
    ko: { title: '주소 확인', done: '이메일 주소를 확인했습니다. 선택한 알림을 이 주소로 보냅니다.' },
    en: { title: 'Address confirmed', done: 'Your address is confirmed: the notifications you chose go to it.' },
  },
} as const;
const INVALID = 'This link is not valid (any more). 링크가 올바르지 않거나 만료되었습니다.';

@ApiTags('notifications')
@Controller()
export class NotificationSettingsController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @ApiOperation({ summary: 'My mail notifications: the address and each kind I opted in to' })
  @Authenticated()
  @Get('api/v1/me/notifications')
  find(@CurrentPrincipal() principal: Principal): Promise<NotificationSettingsView> {
    return this.settings.find(principal);
  }

  @ApiOperation({ summary: 'Change my mail notifications (a new address is confirmed by a link mailed to it)' })
  @Authenticated({ writes: false })
  @Put('api/v1/me/notifications')
  update(
    @CurrentPrincipal() principal: Principal,
    @Body({ schema: updateNotificationSettingsSchema }) dto: UpdateNotificationSettingsDto,
  ): Promise<NotificationSettingsView> {
    return this.settings.update(principal, dto);
  }

  // Pages for people following a mail's link, not API routes (docs/notifications.md).
  @ApiExcludeEndpoint()
  @Get('unsubscribe')
  async unsubscribe(@Query('token') token: unknown, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return linkPage(reply, 'unsubscribe', typeof token === 'string' ? await this.settings.unsubscribe(token) : { outcome: 'invalid' });
  }

  // Pages for people following a mail's link, not API routes (docs/notifications.md).
  @ApiExcludeEndpoint()
  @Post('unsubscribe')
  @HttpCode(200)
  async oneClickUnsubscribe(@Query('token') token: unknown, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return linkPage(reply, 'unsubscribe', typeof token === 'string' ? await this.settings.unsubscribe(token) : { outcome: 'invalid' });
  }

  // Pages for people following a mail's link, not API routes (docs/notifications.md).
  @ApiExcludeEndpoint()
  @Get('notifications/confirm-email')
  async confirmEmail(@Query('token') token: unknown, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return linkPage(reply, 'confirm', typeof token === 'string' ? await this.settings.confirmEmail(token) : { outcome: 'invalid' });
  }
}

function linkPage(reply: FastifyReply, page: keyof typeof PAGES, result: LinkResult): FastifyReply {
  const texts = result.outcome === 'done' ? PAGES[page][result.locale] : { title: 'Comment Desk', done: INVALID };
  const body = renderPage({
    lang: result.outcome === 'done' ? result.locale : 'en',
    title: texts.title,
    main: html`<h1>${texts.title}</h1><p>${texts.done}</p>`,
  });
  return reply
    .status(result.outcome === 'done' ? 200 : 400)
    .header('content-security-policy', PAGE_CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(body);
}
