import { Injectable, type MessageEvent, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { EMPTY, interval, map, merge, type Observable, takeUntil } from 'rxjs';
import { serverClosing } from '@/common/shutdown/drain-on-close.js';
import { DatabaseNotifications, RESYNC } from '@/database/database-notifications.js';
import { MODERATION_EVENTS } from '@/modules/comments/lifecycle/moderation-events.js';

/** Keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

/**
 * The live feed of queue changes for moderators' pages. It comes from PostgreSQL NOTIFY, so a
 * decision taken on any instance reaches the pages connected to every other instance.
 */
@Injectable()
export class ModerationEventsService implements OnModuleInit {
  private closing: Observable<void> = EMPTY;

  constructor(
    private readonly notifications: DatabaseNotifications,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** Listening before the first page connects, so the first events are not lost to a late LISTEN. */
  async onModuleInit(): Promise<void> {
    this.closing = serverClosing(this.adapterHost);
    this.notifications.listen(MODERATION_EVENTS);
    await this.notifications.ready();
  }

  stream(): Observable<MessageEvent> {
    const events = this.notifications
      .listen(MODERATION_EVENTS)
      .pipe(map((payload): MessageEvent => (payload === RESYNC ? { type: 'resync', data: {} } : { type: 'queue', data: JSON.parse(payload) as object })));
    const heartbeats = interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'heartbeat', data: {} })));
    // Ended when the server begins to close; the page's EventSource reconnects to another instance.
    return merge(events, heartbeats).pipe(takeUntil(this.closing));
  }
}
