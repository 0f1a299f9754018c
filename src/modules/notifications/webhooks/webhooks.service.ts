import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, ValidationFailedError } from '@/common/errors/app-error.js';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import type { CreateWebhookDto, DeliveriesQuery } from './webhooks.dto.js';
import { type WebhookDeliveryRecord, type WebhookEndpointRecord, WebhooksRepository } from './webhooks.repository.js';

export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  createdAt: string;
}

/** A site's admins (and operators, on any site) manage the site's endpoints; each takes only its site's events. */
@Injectable()
export class WebhooksService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly webhooks: WebhooksRepository,
  ) {}

  /** Plain-HTTP targets only outside production: the secret signs, but would not hide, what is sent. */
  async create(principal: Principal, dto: CreateWebhookDto): Promise<WebhookView & { secret: string }> {
    if (this.config.env === 'production' && new URL(dto.url).protocol !== 'https:') {
      throw new ValidationFailedError('A webhook URL must be https.', { field: 'url' });
    }
    const secret = dto.secret ?? `whsec_${randomBytes(32).toString('base64')}`;
    const endpoint = await this.webhooks.create(principal.site, { url: dto.url, secret, events: dto.events, createdById: principal.user.id });
    return { ...toView(endpoint), secret };
  }

  async list(principal: Principal): Promise<{ webhooks: WebhookView[] }> {
    return { webhooks: (await this.webhooks.list(principal.site)).map(toView) };
  }

  async remove(principal: Principal, id: string): Promise<void> {
    if (!(await this.webhooks.remove(principal.site, id))) throw new NotFoundError('The webhook');
  }

  async deliveries(principal: Principal, id: string, query: DeliveriesQuery): Promise<{ deliveries: ReturnType<typeof toDeliveryView>[] }> {
    if (!(await this.webhooks.find(principal.site, id))) throw new NotFoundError('The webhook');
    return { deliveries: (await this.webhooks.deliveries(principal.site, id, query.status, query.limit)).map(toDeliveryView) };
  }

  async redeliver(principal: Principal, id: string, deliveryId: string): Promise<void> {
    if (!(await this.webhooks.redeliver(principal.site, id, deliveryId))) throw new NotFoundError('The dead letter');
  }
}

function toView(endpoint: WebhookEndpointRecord): WebhookView {
  return { id: endpoint.id, url: endpoint.url, events: endpoint.events, createdAt: endpoint.createdAt.toISOString() };
}

function toDeliveryView(delivery: WebhookDeliveryRecord) {
  return {
    id: delivery.id,
    type: delivery.type,
    status: delivery.status,
    attempts: delivery.attempts,
    createdAt: delivery.createdAt.toISOString(),
    finishedAt: delivery.finishedAt?.toISOString() ?? null,
    lastError: delivery.lastError,
  };
}
