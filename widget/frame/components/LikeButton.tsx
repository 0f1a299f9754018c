import { useState } from 'preact/hooks';
import type { CommentView } from '@/contract/comments.js';
import { describeError } from '@widget/shared/i18n/describe-error.js';
import { useWidget } from '../widget-context.js';

/** A like toggle for logged-in readers on others' comments; everyone else, and the author, sees the count. */
export function LikeButton({
  comment,
  onChange,
  onError,
}: {
  comment: CommentView;
  onChange: (change: Partial<CommentView>) => void;
  onError: (message: string) => void;
}) {
  const { api, t, lang, session, noteFailure } = useWidget();
  const [busy, setBusy] = useState(false);
  const liked = comment.likedByMe === true;
  // One's own comment is not for liking (the service refuses it), but a like given earlier can be taken back.
  const own = session?.user.id === comment.author.id && !liked;

  if (!session || own || comment.status !== 'published') {
    return (
      <span class="likes" aria-label={t.likeCount(comment.likeCount)}>
        <span aria-hidden="true">♥ </span>
        {comment.likeCount}
      </span>
    );
  }

  const toggle = async (): Promise<void> => {
    setBusy(true);
    try {
      const state = await api.setLike(comment.id, !liked);
      onChange({ likedByMe: state.liked, likeCount: state.likeCount });
    } catch (failure) {
      noteFailure(failure);
      onError(describeError(failure, t, lang).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <button type="button" class={`action like${liked ? ' liked' : ''}`} aria-pressed={liked} disabled={busy} onClick={() => void toggle()}>
      <span aria-hidden="true">♥ </span>
      {t.like} <span class="like-count">{comment.likeCount}</span>
    </button>
  );
}
