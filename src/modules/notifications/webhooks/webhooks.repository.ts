import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';

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

@Injectable()
export class WebhooksRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(endpoint: { url: string; secret: string; events: string[]; createdById: string }): Promise<WebhookEndpointRecord> {
    return this.prisma.webhookEndpoint.create({ data: { id: crypto.randomUUID(), ...endpoint } });
  }

  list(): Promise<WebhookEndpointRecord[]> {
    return this.prisma.webhookEndpoint.findMany({ orderBy: { createdAt: 'asc' } });
  }

  find(id: string): Promise<WebhookEndpointRecord | null> {
    return this.prisma.webhookEndpoint.findUnique({ where: { id } });
  }

  /** Its deliveries still queued stay in the log, and are not sent. */
  async remove(id: string): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.webhookEndpoint.deleteMany({ where: { id } });
      await tx.outboxMessage.updateMany({
        where: { endpointId: id, status: 'pending' },
        data: { status: 'skipped', finishedAt: new Date(), lastError: 'endpoint removed' },
      });
      return count === 1;
    });
  }

  /** The endpoint's deliveries, newest first; `status: 'dead'` for its dead letters. */
  async deliveries(endpointId: string, status: string | undefined, limit: number): Promise<WebhookDeliveryRecord[]> {
    const rows = await this.prisma.outboxMessage.findMany({
      where: { endpointId, ...(status ? { status } : {}) },
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
  async redeliver(endpointId: string, deliveryId: string): Promise<boolean> {
    const { count } = await this.prisma.outboxMessage.updateMany({
      where: { id: deliveryId, endpointId, status: 'dead' },
      data: { status: 'pending', attempts: 0, availableAt: new Date(), finishedAt: null },
    });
    return count === 1;
  }
}
