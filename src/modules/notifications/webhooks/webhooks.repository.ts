import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';

export interface WebhookEndpointRecord {
  id: string;
  url: string;
  secret: string;
  events: string[];
  createdAt: Date;
}

export interface WebhookDeliveryRecord {
  id: string;
  type: string;
  status: string;
  attempts: number;
  createdAt: Date;
  finishedAt: Date | null;
  lastError: string | null;
}

const ENDPOINT_COLUMNS = { id: true, url: true, secret: true, events: true, createdAt: true } as const;

/** A site's endpoints and their deliveries: another site's are not found. */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(scope: SiteScope, endpoint: { url: string; secret: string; events: string[]; createdById: string }): Promise<WebhookEndpointRecord> {
    return this.prisma.webhookEndpoint.create({ data: { id: crypto.randomUUID(), siteId: scope.siteId, ...endpoint }, select: ENDPOINT_COLUMNS });
  }

  list(scope: SiteScope): Promise<WebhookEndpointRecord[]> {
    return this.prisma.webhookEndpoint.findMany({ where: { siteId: scope.siteId }, orderBy: { createdAt: 'asc' }, select: ENDPOINT_COLUMNS });
  }

  find(scope: SiteScope, id: string): Promise<WebhookEndpointRecord | null> {
    return this.prisma.webhookEndpoint.findFirst({ where: { id, siteId: scope.siteId }, select: ENDPOINT_COLUMNS });
  }

  /** Its deliveries still queued stay in the log, and are not sent. */
  async remove(scope: SiteScope, id: string): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.webhookEndpoint.deleteMany({ where: { id, siteId: scope.siteId } });
      if (count === 0) return false;
      await tx.outboxMessage.updateMany({
        where: { endpointId: id, siteId: scope.siteId, status: 'pending' },
        data: { status: 'skipped', finishedAt: new Date(), lastError: 'endpoint removed' },
      });
      return count === 1;
    });
  }

  /** The endpoint's deliveries, newest first; `status: 'dead'` for its dead letters. */
  async deliveries(scope: SiteScope, endpointId: string, status: string | undefined, limit: number): Promise<WebhookDeliveryRecord[]> {
    const rows = await this.prisma.outboxMessage.findMany({
      where: { endpointId, siteId: scope.siteId, ...(status ? { status } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
    return rows.map((row) => ({
      id: row.id,
      type: (row.payload as { type?: string }).type ?? 'unknown',
      status: row.status,
      attempts: row.attempts,
      createdAt: row.createdAt,
      finishedAt: row.finishedAt,
      lastError: row.lastError,
    }));
  }

  /** A dead letter back in the queue, as if new. */
  async redeliver(scope: SiteScope, endpointId: string, deliveryId: string): Promise<boolean> {
    const { count } = await this.prisma.outboxMessage.updateMany({
      where: { id: deliveryId, endpointId, siteId: scope.siteId, status: 'dead' },
      data: { status: 'pending', attempts: 0, availableAt: new Date(), finishedAt: null },
    });
    return count === 1;
  }
}
