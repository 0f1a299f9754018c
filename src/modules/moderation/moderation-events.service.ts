import { Injectable, type MessageEvent, type OnModuleInit } from '@nestjs/common';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { HttpAdapterHost } from '@nestjs/core';
import { EMPTY, filter, interval, map, merge, type Observable, takeUntil } from 'rxjs';
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

  /** The site's events only: every event names its site. */
  stream(scope: SiteScope): Observable<MessageEvent> {
    const events = this.notifications.listen(MODERATION_EVENTS).pipe(
      map((payload) => (payload === RESYNC ? RESYNC : (JSON.parse(payload) as { siteId?: string }))),
      filter((event) => event === RESYNC || event.siteId === scope.siteId),
      // The stream is the site's: its events need not say so.
      map((event): MessageEvent => (event === RESYNC ? { type: 'resync', data: {} } : { type: 'queue', data: withoutSite(event) })),
    );
    const heartbeats = interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'heartbeat', data: {} })));
    // Ended when the server begins to close; the page's EventSource reconnects to another instance.
    return merge(events, heartbeats).pipe(takeUntil(this.closing));
  }
}

function withoutSite({ siteId: _site, ...event }: { siteId?: string }): object {
  return event;
}
