import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import type { RenderedMail } from './mail-templates.js';

export interface OutgoingMail extends RenderedMail {
  to: string;
  /** Stable per outbox message: a receiver can tell a redelivery from a new mail. */
  messageId: string;
  unsubscribeUrl: string | undefined;
}

const TIMEOUT_MS = 20_000;

/** SMTP through nodemailer (SMTP_URL); without it, mail is off. */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly transporter: Transporter | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const url = config.notifications.mail.smtpUrl;
    this.transporter = url
      ? nodemailer.createTransport({ url, pool: true, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS } as never)
      : undefined;
  }

  get enabled(): boolean {
    return this.transporter !== undefined;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transporter) throw new Error('mail is off (SMTP_URL is unset)');
    await this.transporter.sendMail({
      from: this.config.notifications.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      // RFC 8058 one-click unsubscribe: mail clients show their own button for it.
      ...(mail.unsubscribeUrl
        ? { list: { unsubscribe: { url: mail.unsubscribeUrl, comment: 'unsubscribe' } }, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }
        : {}),
    });
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
