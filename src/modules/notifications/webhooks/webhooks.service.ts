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
    const endpoint = await this.webhooks.create({ url: dto.url, secret, events: dto.events, createdById: principal.user.id });
    return { ...toView(endpoint), secret };
  }

  async list(): Promise<{ webhooks: WebhookView[] }> {
    return { webhooks: (await this.webhooks.list()).map(toView) };
  }

  async remove(id: string): Promise<void> {
    if (!(await this.webhooks.remove(id))) throw new NotFoundError('The webhook');
  }

  async deliveries(id: string, query: DeliveriesQuery): Promise<{ deliveries: ReturnType<typeof toDeliveryView>[] }> {
    if (!(await this.webhooks.find(id))) throw new NotFoundError('The webhook');
    return { deliveries: (await this.webhooks.deliveries(id, query.status, query.limit)).map(toDeliveryView) };
  }

  async redeliver(id: string, deliveryId: string): Promise<void> {
    if (!(await this.webhooks.redeliver(id, deliveryId))) throw new NotFoundError('The dead letter');
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
