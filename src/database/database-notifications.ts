import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { Observable, Subject, filter, map } from 'rxjs';
import type { AppLogger } from '@/common/logging/logger.js';
import { APP_LOGGER } from '@/config/config.module.js';
import { DATABASE_URL } from './prisma.service.js';

interface Notification {
  channel: string;
  payload: string;
}

/** Emitted on a channel after the listening connection was re-established: events may have been missed. */
export const RESYNC = '__resync__';
const MAX_BACKOFF_MS = 5_000;

/**
 * PostgreSQL LISTEN/NOTIFY for every instance of the app: what one instance publishes (inside its
 * transaction, so only once committed), all of them hear. One dedicated connection per instance,
 * re-established with backoff when the database goes away.
 */
@Injectable()
export class DatabaseNotifications implements OnModuleDestroy {
  private readonly events = new Subject<Notification>();
  private readonly channels = new Set<string>();
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private closed = false;
  private backoffMs = 100;

  constructor(
    @Inject(DATABASE_URL) private readonly connectionString: string,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  /** Payloads published on `channel` from now on; RESYNC after a reconnection. */
  listen(channel: string): Observable<string> {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
    if (!this.channels.has(channel)) {
      this.channels.add(channel);
      if (this.client) void this.client.query(`LISTEN ${channel}`).catch(() => undefined);
    }
    void this.ensureConnected();
    return this.events.pipe(
      filter((event) => event.channel === channel),
      map((event) => event.payload),
    );
  }

  /** Resolves once the listening connection is up (tests and start-up use it). */
  ready(): Promise<void> {
    return this.ensureConnected();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.events.complete();
    await this.client?.end().catch(() => undefined);
  }

  private ensureConnected(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 3_000 });
    client.on('notification', (message) => this.events.next({ channel: message.channel, payload: message.payload ?? '' }));
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      for (const channel of this.channels) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      this.logger.warn({ err: error }, 'cannot listen for database notifications yet; retrying');
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
      return;
    }
    const wasReconnect = this.backoffMs > 100;
    this.client = client;
    this.backoffMs = 100;
    if (wasReconnect) for (const channel of this.channels) this.events.next({ channel, payload: RESYNC });
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    void client.end().catch(() => undefined);
    if (!this.closed) this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    setTimeout(() => void this.ensureConnected(), delay).unref();
  }
}
