import { useEffect, useRef, useState } from 'preact/hooks';
import type { CommentView, PostedComment } from '@/contract/comments.js';
import type { PolicyInfo } from '@/contract/policy.js';
import { describeError } from '@widget/shared/i18n/describe-error.js';
import { absoluteTime, relativeTime } from '@widget/shared/i18n/relative-time.js';
import { useEditWindowOpen } from '../editing/edit-window.js';
import { usePagedComments } from '../feed/paged-comments.js';
import { ProfileView } from '../account/ProfileView.js';
import { useWidget } from '../widget-context.js';
import { CommentEditor } from './CommentEditor.js';
import { Composer } from './Composer.js';
import { LikeButton } from './LikeButton.js';
import { Replies } from './Replies.js';
import { ReportForm } from './ReportForm.js';
import { ReviewNote } from './ReviewNote.js';

const REPLIES_PAGE = 20;

interface CommentItemProps {
  comment: CommentView;
  policy: PolicyInfo | null;
  onChange: (id: string, change: Partial<CommentView>) => void;
  onRemove: (comment: CommentView) => void;
}

type Panel = 'none' | 'reply' | 'report' | 'delete' | 'edit';

/** One comment: its text (always as text, never as markup), its actions, and for a top-level comment its replies. */
export function CommentItem({ comment, policy, onChange, onRemove }: CommentItemProps) {
  const { api, t, lang, now, session, canWrite, memorial, focusRequest, announce, noteFailure, refreshArticle, articleId } = useWidget();
  const [panel, setPanel] = useState<Panel>('none');
  const [notice, setNotice] = useState('');
  const [showProfile, setShowProfile] = useState(false);
  const [reported, setReported] = useState(false);
  const [repliesOpen, setRepliesOpen] = useState(false);
  const [editRefusal, setEditRefusal] = useState<string | null>(null);
  const self = useRef<HTMLElement>(null);
  const isReply = comment.parentId !== null;
  const replies = usePagedComments(
    (cursor, fresh) => api.comments(articleId, { sort: 'oldest', limit: REPLIES_PAGE, cursor, parentId: comment.id }, fresh),
    `${comment.id}|${session?.accessToken ?? ''}`,
    // Open replies are listed again for a new viewer (their own held replies, their likes).
    repliesOpen,
  );

  useEffect(() => {
    if (focusRequest.commentId !== comment.id) return;
    focusRequest.commentId = null;
    self.current?.focus();
  }, []);

  const own = session !== null && session.user.id === comment.author.id;
  const staff = session !== null && session.user.role !== 'reader';
  const deleted = comment.status === 'deleted';
  const published = comment.status === 'published';
  // Whether a moderator has decided the comment the widget cannot see: the service answers COMMENT_DECIDED.
  const editable = own && (published || comment.status === 'pending') && policy !== null;
  const editWindowOpen = useEditWindowOpen(comment.createdAt, policy?.editWindowSeconds ?? 0, editable);
  const editing = panel === 'edit' && editable;

  const toggleReplies = (): void => {
    if (!repliesOpen && replies.state === 'idle') void replies.load();
    setRepliesOpen(!repliesOpen);
  };

  const replyPosted = (posted: PostedComment): void => {
    const reply = posted.comment;
    if (replies.state === 'idle') void replies.load();
    else replies.add(reply, 'end');
    if (reply.status === 'published') onChange(comment.id, { replyCount: comment.replyCount + 1 });
    setRepliesOpen(true);
    setPanel('none');
    focusRequest.commentId = reply.id;
    announce(reply.status === 'pending' ? t.postedForReview : t.posted);
    refreshArticle();
  };

  const replyRemoved = (reply: CommentView): void => {
    replies.remove(reply.id);
    if (reply.status === 'published') onChange(comment.id, { replyCount: Math.max(0, comment.replyCount - 1) });
  };

  const closeEditor = (): void => {
    setPanel('none');
    self.current?.focus();
  };

  const saved = ({ comment: next }: PostedComment): void => {
    // The answer replaces the comment. It carries no review once the comment is public again, so the
    // old one is dropped explicitly; whether the reader likes it is not part of the answer.
    onChange(comment.id, { ...next, review: next.review, likedByMe: next.likedByMe ?? comment.likedByMe });
    closeEditor();
    announce(next.status === 'pending' ? t.savedForReview : t.saved);
    // Held again for review, it no longer counts among the article's comments.
    if (next.status !== comment.status) refreshArticle();
  };

  const toggleFeatured = async (): Promise<void> => {
    try {
      const { comment: next } = await api.setFeatured(comment.id, !comment.featured);
      onChange(comment.id, { featured: next.featured });
    } catch (failure) {
      noteFailure(failure);
      setNotice(describeError(failure, t, lang).message);
    }
  };

  const remove = async (): Promise<void> => {
    try {
      await api.deleteComment(comment.id);
      setPanel('none');
      // A deleted comment keeps its place while it has replies; otherwise it goes.
      if (comment.replyCount > 0) onChange(comment.id, { status: 'deleted', body: '' });
      else onRemove(comment);
      announce(t.deleted);
      refreshArticle();
    } catch (failure) {
      noteFailure(failure);
      setNotice(describeError(failure, t, lang).message);
    }
  };

  return (
    <li class={`comment${isReply ? ' reply' : ''}`}>
      <article ref={self} tabIndex={-1} aria-label={deleted ? t.deletedComment : comment.author.displayName}>
        <header class="comment-head">
          {!deleted && (
            <button type="button" class="author link-button" aria-expanded={showProfile} onClick={() => setShowProfile(!showProfile)}>
              {comment.author.displayName}
            </button>
          )}
          <time dateTime={comment.createdAt} title={absoluteTime(comment.createdAt, lang)}>
            {relativeTime(comment.createdAt, now, lang)}
          </time>
          {comment.editedAt && !deleted && (
            <span class="edited" title={t.editedAt(absoluteTime(comment.editedAt, lang))}>
              {t.edited}
            </span>
          )}
          {comment.featured && comment.status === 'published' && (
            <span class="badge badge-featured" title={t.featuredTitle}>
              {t.featured}
            </span>
          )}
          {comment.status === 'pending' && <span class="badge">{t.awaitingReview}</span>}
          {comment.status === 'rejected' && <span class="badge badge-rejected">{t.notPublished}</span>}
        </header>
        {showProfile && <ProfileView userId={comment.author.id} onClose={() => setShowProfile(false)} />}

        {editing && policy ? (
          <CommentEditor
            comment={comment}
            policy={policy}
            refusal={editWindowOpen ? editRefusal : t.errors.EDIT_WINDOW_CLOSED}
            onSaved={saved}
            onRefused={setEditRefusal}
            onCancel={closeEditor}
          />
        ) : deleted ? (
          <p class="body body-deleted">{t.deletedComment}</p>
        ) : (
          <p class="body">{comment.body}</p>
        )}

        {own && comment.review && <ReviewNote review={comment.review} />}

        {!deleted && !editing && (
          <div class="actions">
            {!memorial && <LikeButton comment={comment} onChange={(change) => onChange(comment.id, change)} onError={setNotice} />}
            {!isReply && published && canWrite && !memorial && policy && (
              <button type="button" class="action" aria-expanded={panel === 'reply'} onClick={() => setPanel(panel === 'reply' ? 'none' : 'reply')}>
                {t.reply}
              </button>
            )}
            {session && !own && published && !reported && (
              <button type="button" class="action" aria-expanded={panel === 'report'} onClick={() => setPanel(panel === 'report' ? 'none' : 'report')}>
                {t.report}
              </button>
            )}
            {editWindowOpen && editRefusal === null && (
              <button type="button" class="action" onClick={() => setPanel('edit')}>
                {t.edit}
              </button>
            )}
            {staff && !isReply && published && (
              <button type="button" class="action" aria-pressed={comment.featured} onClick={() => void toggleFeatured()}>
                {comment.featured ? t.unfeature : t.feature}
              </button>
            )}
            {session && (own || session.user.role !== 'reader') && (
              <button type="button" class="action" aria-expanded={panel === 'delete'} onClick={() => setPanel(panel === 'delete' ? 'none' : 'delete')}>
                {t.delete}
              </button>
            )}
          </div>
        )}

        {panel === 'delete' && (
          <div class="confirm" role="group" aria-label={t.deleteQuestion}>
            <span>{t.deleteQuestion}</span>
            <button type="button" class="button button-danger" onClick={() => void remove()}>
              {t.delete}
            </button>
            <button type="button" class="button button-quiet" onClick={() => setPanel('none')}>
              {t.cancel}
            </button>
          </div>
        )}
        {panel === 'report' && (
          <ReportForm
            commentId={comment.id}
            onCancel={() => setPanel('none')}
            onDone={() => {
              setReported(true);
              setPanel('none');
              setNotice(t.reported);
            }}
          />
        )}
        <p class="comment-notice" aria-live="polite">
          {notice}
        </p>
        {panel === 'reply' && policy && (
          <Composer
            policy={policy}
            parentId={comment.id}
            label={t.replyComposerLabel(comment.author.displayName)}
            autoFocus
            onPosted={replyPosted}
            onCancel={() => setPanel('none')}
          />
        )}
      </article>

      {!isReply && (comment.replyCount > 0 || replies.comments.length > 0) && (
        <Replies
          parentId={comment.id}
          replyCount={comment.replyCount}
          open={repliesOpen}
          onToggle={toggleReplies}
          replies={replies}
          policy={policy}
          onRemove={replyRemoved}
        />
      )}
    </li>
  );
}
