import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type SiteScope, siteArticleKey } from '@/modules/sites/site-scope.js';
import { DatabaseNotifications, RESYNC } from '@/database/database-notifications.js';
import { ReadRouting } from '@/database/read-routing.js';
import { COMMENT_CHANGES, parseCommentChange } from '../comment-changes.js';
import { PublicPageCache } from './public-page-cache.js';

/**
 * What every instance does when any instance's transaction changed a comment: drop the article's
 * cached public pages if the public could see the change, and read the author's next requests from
 * the primary until the replica has it. After a lost connection every cached page goes, since
 * changes may have been missed meanwhile.
 */
@Injectable()
export class CommentChangeFeed implements OnModuleInit {
  constructor(
    private readonly notifications: DatabaseNotifications,
    private readonly pages: PublicPageCache,
    private readonly routing: ReadRouting,
  ) {}

  async onModuleInit(): Promise<void> {
    // The stream ends with DatabaseNotifications at shutdown: nothing to unsubscribe.
    this.notifications.listen(COMMENT_CHANGES).subscribe((payload) => {
      if (payload === RESYNC) {
        this.pages.clear();
        return;
      }
      const change = parseCommentChange(payload);
      if (!change) return;
      this.routing.noteWrite(change.authorId);
      if (change.public) this.pages.invalidate(`${change.siteId}/${change.articleId}`);
    });
    await this.notifications.ready();
  }

  /**
   * A change this instance just committed: acted on at once, before the answer leaves, so the
   * actor's next read here sees it without waiting for the notification to come back.
   */
  committedHere(change: { actorId: string; site: SiteScope; articleId: string; public: boolean }): void {
    this.routing.noteWrite(change.actorId);
    if (change.public) this.pages.invalidate(siteArticleKey(change.site, change.articleId));
  }
}
