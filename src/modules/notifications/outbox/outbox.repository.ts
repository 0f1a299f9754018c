import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';

export interface OutboxMessage {
  id: string;
  /** The site of the event the message tells about. */
  siteId: string;
  channel: 'mail' | 'webhook';
  recipientId: string | null;
  endpointId: string | null;
  payload: unknown;
  attempts: number;
  createdAt: Date;
}

interface OutboxRow {
  id: string;
  site_id: string;
  channel: 'mail' | 'webhook';
  recipient_id: string | null;
  endpoint_id: string | null;
  payload: unknown;
  attempts: number;
  created_at: Date;
}

/**
 * The outbox as the worker sees it. A claim takes due messages no other worker holds (`FOR UPDATE
 * SKIP LOCKED`, so two instances never take the same one) and leases them for `leaseMs`: a worker
 * that dies holding one lets it go again when the lease ends.
 */
@Injectable()
export class OutboxRepository {
  constructor(private readonly prisma: PrismaService) {}

  async claim(limit: number, leaseMs: number, channels: OutboxMessage['channel'][]): Promise<OutboxMessage[]> {
    const rows = await this.prisma.$queryRaw<OutboxRow[]>`
      UPDATE outbox SET attempts = attempts + 1, locked_until = now() + ${leaseMs} * interval '1 millisecond'
      WHERE id IN (
        SELECT id FROM outbox
        WHERE status = 'pending' AND available_at <= now() AND channel = ANY (${channels}::text[]) AND (locked_until IS NULL OR locked_until <= now())
        ORDER BY available_at, id LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, site_id, channel, recipient_id, endpoint_id, payload, attempts, created_at`;
    return rows.map((row) => ({
      id: row.id,
      siteId: row.site_id,
      channel: row.channel,
      recipientId: row.recipient_id,
      endpointId: row.endpoint_id,
      payload: row.payload,
      attempts: row.attempts,
      createdAt: row.created_at,
    }));
  }

  /** Delivered, or skipped (the recipient opted out, or the thing it tells about is gone). */
  async finish(ids: string[], status: 'delivered' | 'skipped', note: string | null = null): Promise<void> {
    if (ids.length === 0) return;
    await this.prisma.$executeRaw`
      UPDATE outbox SET status = ${status}, finished_at = now(), locked_until = NULL, last_error = ${note}
      WHERE id = ANY (${ids}::uuid[]) AND status = 'pending'`;
  }

  /** A failed attempt: tried again after `delayMs`, or dead when it was the last one allowed. */
  async failed(ids: string[], error: string, delayMs: number, maxAttempts: number): Promise<void> {
    if (ids.length === 0) return;
    await this.prisma.$executeRaw`
      UPDATE outbox SET last_error = ${error.slice(0, 1_000)}, locked_until = NULL,
        status = CASE WHEN attempts >= ${maxAttempts} THEN 'dead' ELSE 'pending' END,
        finished_at = CASE WHEN attempts >= ${maxAttempts} THEN now() END,
        available_at = now() + ${delayMs} * interval '1 millisecond'
      WHERE id = ANY (${ids}::uuid[]) AND status = 'pending'`;
  }
}
