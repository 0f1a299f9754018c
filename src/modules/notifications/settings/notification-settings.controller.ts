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

/** The question the link's page asks before anything changes. */
const ASK = {
  ko: { title: '알림 수신 거부', question: '이 알림을 더 이상 받지 않으시겠습니까?', button: '수신 거부' },
  en: { title: 'Unsubscribe', question: 'Stop getting these notifications?', button: 'Unsubscribe' },
} as const;
/** The page may post its one form to this service, and nowhere else. */
const ASK_CONTENT_SECURITY_POLICY = PAGE_CONTENT_SECURITY_POLICY.replace("form-action 'none'", "form-action 'self'");

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

  // Pages for people following a mail's link, not API routes (docs/notifications.md). Opening the
  // link only asks: mail scanners open links, and must not unsubscribe anyone by doing so.
  @ApiExcludeEndpoint()
  @Get('unsubscribe')
  async askToUnsubscribe(@Query('token') token: unknown, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const check = typeof token === 'string' ? await this.settings.checkUnsubscribe(token) : ({ outcome: 'invalid' } as const);
    if (check.outcome === 'invalid') return linkPage(reply, 'unsubscribe', check);
    return askPage(reply, check.locale, token as string);
  }

  // The page's button, and mail clients' one-click unsubscribe (RFC 8058: `List-Unsubscribe=One-Click`
  // as a form body, with no page in between).
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

function askPage(reply: FastifyReply, locale: 'ko' | 'en', token: string): FastifyReply {
  const texts = ASK[locale];
  const body = renderPage({
    lang: locale,
    title: texts.title,
    main: html`<h1>${texts.title}</h1><p>${texts.question}</p><form method="post" action="/unsubscribe?token=${encodeURIComponent(token)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${texts.button}</button></form>`,
  });
  return pageHeaders(reply.status(200), ASK_CONTENT_SECURITY_POLICY).send(body);
}

function linkPage(reply: FastifyReply, page: keyof typeof PAGES, result: LinkResult): FastifyReply {
  const texts = result.outcome === 'done' ? PAGES[page][result.locale] : { title: 'Comment Desk', done: INVALID };
  const body = renderPage({
    lang: result.outcome === 'done' ? result.locale : 'en',
    title: texts.title,
    main: html`<h1>${texts.title}</h1><p>${texts.done}</p>`,
  });
  return pageHeaders(reply.status(result.outcome === 'done' ? 200 : 400), PAGE_CONTENT_SECURITY_POLICY).send(body);
}

function pageHeaders(reply: FastifyReply, contentSecurityPolicy: string): FastifyReply {
  return reply
    .header('content-security-policy', contentSecurityPolicy)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8');
}
