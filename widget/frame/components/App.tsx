import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { COMMENT_MAX_LENGTH } from '@/modules/comments/text/comment-text.js';
import { ApiError } from '@widget/shared/api/api-error.js';
import { createApi } from '../api/client.js';
import type { ArticleView } from '@/contract/articles.js';
import type { PostedComment } from '@/contract/comments.js';
import type { PolicyInfo } from '@/contract/policy.js';
import type { ProviderView } from '@/contract/auth.js';
import { type LoginInput, loginWithProvider } from '../auth/login.js';
import { useKeptLogin } from '../auth/use-kept-login.js';
import { usePagedComments } from '../feed/paged-comments.js';
import { useVisiblePolling } from '../feed/visible-polling.js';
import type { FrameParams } from '../frame-params.js';
import { connectToHost } from '../host-channel.js';
import { describeError, type ErrorText, formatUntil } from '@widget/shared/i18n/describe-error.js';
import { type FeedView, MESSAGES } from '../i18n/messages.js';
import { WidgetContext, type WidgetContextValue } from '../widget-context.js';
import { AccountPanel } from './AccountPanel.js';
import { CommentFeed } from './CommentFeed.js';
import { CommentsHeader } from './CommentsHeader.js';
import { Composer } from './Composer.js';
import { ErrorNotice } from './ErrorNotice.js';
import { PolicyLine } from './PolicyLine.js';

const FEED_PAGE = 20;
const POLL_MS = 15_000;
const CLOCK_MS = 30_000;

/** The featured view lists staff picks newest first. */
function listQuery(view: FeedView): { sort: 'newest' | 'oldest' | 'top'; featured?: boolean } {
  return view === 'featured' ? { sort: 'newest', featured: true } : { sort: view };
}

export function App({ articleId, lang, hostOrigin, site }: FrameParams) {
  const t = MESSAGES[lang];
  // The token lives in the frame (its memory and its own, partitioned storage), never in the host
  // page nor in a cookie: see use-kept-login.ts.
  const login = useKeptLogin(
    () => api,
    () => setAccountError({ message: t.sessionEnded, reasons: [] }),
  );
  const { session, setSession } = login;
  const api = useMemo(() => createApi(login.currentToken, site), [site]);

  const [article, setArticle] = useState<ArticleView | null>(null);
  const articleShown = useRef(false);
  const [articleError, setArticleError] = useState<unknown>(null);
  const [providers, setProviders] = useState<ProviderView[]>([]);
  const [policy, setPolicy] = useState<PolicyInfo | null>(null);
  const [sort, setSort] = useState<FeedView>('newest');
  const [announcement, setAnnouncement] = useState('');
  const [accountError, setAccountError] = useState<ErrorText | null>(null);
  const [loggingIn, setLoggingIn] = useState(false);
  const [now, setNow] = useState(Date.now());
  const [ssoArrivals, setSsoArrivals] = useState(0);
  const ssoToken = useRef<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const focusRequest = useMemo(() => ({ commentId: null as string | null }), []);

  const feed = usePagedComments(
    (cursor, fresh) => api.comments(articleId, { ...listQuery(sort), limit: FEED_PAGE, cursor }, fresh),
    `${sort}|${session?.accessToken ?? ''}`,
    true,
  );

  const refreshArticle = async (): Promise<void> => {
    try {
      setArticle(await api.article(articleId, articleShown.current));
      articleShown.current = true;
      setArticleError(null);
    } catch (failure) {
      // Once the article is on screen, a failed refresh keeps what is shown.
      if (!articleShown.current) setArticleError(failure);
    }
  };

  const announce = (text: string): void => {
    // Emptied first, so the same words said twice are still read out.
    setAnnouncement('');
    window.setTimeout(() => setAnnouncement(text), 50);
  };

  const noteFailure = (failure: unknown): void => {
    if (failure instanceof ApiError && failure.code === 'AUTH_REQUIRED') login.endIfRevoked();
  };

  const logIn = async (provider: ProviderView, input: LoginInput): Promise<void> => {
    setLoggingIn(true);
    setAccountError(null);
    const withToken = provider.kind === 'sso' ? { ...input, ssoToken: ssoToken.current } : input;
    // A publisher's token is good for one login (its jti is accepted once).
    if (provider.kind === 'sso') ssoToken.current = null;
    const previous = session;
    try {
      const next = await loginWithProvider(api, provider, withToken);
      // The login it replaces (the host page's reader may be someone else now) is revoked.
      if (previous) await api.logout().catch(() => undefined);
      setSession(next);
      announce(`${t.loggedInAs} ${next.user.displayName}`);
    } catch (failure) {
      // A host page's token that cannot be used leaves a kept login as it is.
      if (!previous) setAccountError(describeError(failure, t, lang));
    } finally {
      setLoggingIn(false);
    }
  };

  const logOut = async (): Promise<void> => {
    try {
      await api.logout();
    } catch {
      // Forgotten here either way; the token also expires on its own.
    }
    setSession(null);
    announce(t.loggedOut);
  };

  const posted = (result: PostedComment): void => {
    const comment = result.comment;
    feed.add(comment, 'start');
    announce(comment.status === 'pending' ? t.postedForReview : t.posted);
    void refreshArticle();
  };

  useEffect(() => {
    void refreshArticle();
    api.providers().then(
      (answer) => setProviders(answer.providers),
      () => setProviders([]),
    );
    // Without the service's answer the edit window is unknown, so no Edit is offered (0 seconds).
    api.policy().then(setPolicy, () => setPolicy({ maxLength: COMMENT_MAX_LENGTH, lengthUnit: 'grapheme', policyUrl: '/policy', editWindowSeconds: 0 }));
    const clock = window.setInterval(() => setNow(Date.now()), CLOCK_MS);
    const disconnect = connectToHost(hostOrigin, root.current!, (token) => {
      ssoToken.current = token;
      setSsoArrivals((count) => count + 1);
    });
    return () => {
      window.clearInterval(clock);
      disconnect();
    };
  }, []);

  // The publisher's reader is logged in on the page already: log them in here too.
  useEffect(() => {
    const sso = providers.find((provider) => provider.kind === 'sso');
    // It wins over a kept login: the page knows who its reader is now.
    if (sso && ssoToken.current) void logIn(sso, {});
  }, [ssoArrivals, providers]);

  useVisiblePolling(
    async () => {
      const page = await api.comments(articleId, { ...listQuery(sort), limit: FEED_PAGE }, true);
      // Only "newest" has a top where new comments belong; other orders just refresh what is shown.
      feed.merge(page, sort === 'newest');
      await refreshArticle();
    },
    POLL_MS,
    feed.state === 'ready',
  );

  const context: WidgetContextValue = {
    api,
    t,
    lang,
    articleId,
    session,
    canWrite: session !== null && session.user.status === 'active' && article?.commentsOpen === true,
    memorial: article?.memorial === true,
    now,
    focusRequest,
    announce,
    noteFailure,
    refreshArticle: () => void refreshArticle(),
  };

  return (
    <WidgetContext.Provider value={context}>
      <div ref={root} class="widget" lang={lang}>
        <section aria-labelledby="comments-heading">
          <CommentsHeader commentCount={article?.commentCount ?? null} sort={sort} onSort={setSort} />
          {articleError !== null ? (
            <p class="notice">
              {articleError instanceof ApiError && articleError.code === 'NOT_FOUND' ? t.unavailable : describeError(articleError, t, lang).message}
            </p>
          ) : (
            <>
              {article && !article.commentsOpen && <p class="closed">{t.closedBecause[article.status?.closedReason ?? 'closed']}</p>}
              {article?.commentsOpen && article.status?.premoderationReason && (
                <p class={`notice review-notice${article.memorial ? ' memorial' : ''}`}>{t.reviewedBecause[article.status.premoderationReason]}</p>
              )}
              {article?.commentsOpen && (
                <div class="compose-area">
                  <AccountPanel providers={providers} busy={loggingIn} logIn={(provider, input) => void logIn(provider, input)} logOut={() => void logOut()} />
                  <div aria-live="polite">
                    <ErrorNotice error={accountError} />
                  </div>
                  {session && session.user.status !== 'active' ? (
                    // Told before writing, not after pressing Post: the end in the reader's own time zone.
                    <p class="notice suspended-notice" role="status">
                      {t.suspendedNotice(formatUntil(session.user.suspendedUntil, lang))}
                    </p>
                  ) : (
                    policy &&
                    (session ? (
                      <Composer policy={policy} parentId={null} label={t.composerLabel} onPosted={posted} />
                    ) : (
                      <PolicyLine policy={policy} length={0} />
                    ))
                  )}
                </div>
              )}
              <CommentFeed feed={feed} policy={policy} sort={sort} />
            </>
          )}
        </section>
        <div class="sr-only" aria-live="polite">
          {announcement}
        </div>
      </div>
    </WidgetContext.Provider>
  );
}
