import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { checkCommentBody } from '@/modules/comments/text/comment-text.js';
import type { PolicyInfo } from '@/contract/policy.js';
import type { PostedComment } from '@/contract/comments.js';
import { DraftKey } from '../composer/draft-key.js';
import { describeError, type ErrorText } from '@widget/shared/i18n/describe-error.js';
import { useWidget } from '../widget-context.js';
import { ErrorNotice } from './ErrorNotice.js';
import { PolicyLine } from './PolicyLine.js';

const COUNTER_ANNOUNCE_DELAY_MS = 1000;
let composerSeq = 0;

interface ComposerProps {
  policy: PolicyInfo;
  parentId: string | null;
  label: string;
  onPosted: (posted: PostedComment) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/**
 * The textarea with the live "n/250자" counter. The count is the service's own length rule (the same
 * module, bundled), so what the counter allows the service accepts.
 */
export function Composer({ policy, parentId, label, onPosted, onCancel, autoFocus }: ComposerProps) {
  const { api, t, lang, articleId, noteFailure } = useWidget();
  const [text, setText] = useState('');
  const [posting, setPosting] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const [counterAnnouncement, setCounterAnnouncement] = useState('');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const postingNow = useRef(false);
  const draftKey = useMemo(() => new DraftKey(), []);
  const ids = useMemo(() => {
    const n = ++composerSeq;
    return { textarea: `composer-${n}`, counter: `composer-${n}-counter`, status: `composer-${n}-status` };
  }, []);

  const check = checkCommentBody(text, policy.maxLength);
  const canPost = check.ok && !posting;

  useEffect(() => {
    if (autoFocus) textarea.current?.focus();
  }, []);

  // Screen readers hear the count when typing pauses, not at every key.
  useEffect(() => {
    if (!text) return setCounterAnnouncement('');
    const timer = window.setTimeout(() => setCounterAnnouncement(t.counterStatus(check.length, policy.maxLength)), COUNTER_ANNOUNCE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [check.length]);

  const submit = async (event?: Event): Promise<void> => {
    event?.preventDefault();
    // The ref, not the state: a second click can arrive before the disabled button is rendered.
    if (postingNow.current || !checkCommentBody(text, policy.maxLength).ok) return;
    postingNow.current = true;
    setPosting(true);
    setError(null);
    try {
      const posted = await api.postComment(articleId, text, parentId, draftKey.for(text, parentId));
      draftKey.reset();
      setText('');
      onPosted(posted);
    } catch (failure) {
      noteFailure(failure);
      setError(describeError(failure, t, lang));
    } finally {
      postingNow.current = false;
      setPosting(false);
      textarea.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
    if (event.key === 'Escape' && onCancel) onCancel();
  };

  return (
    <form class="composer" onSubmit={(event) => void submit(event)} noValidate>
      <label for={ids.textarea} class="sr-only">
        {label}
      </label>
      <textarea
        id={ids.textarea}
        ref={textarea}
        value={text}
        rows={parentId ? 2 : 3}
        placeholder={label}
        aria-describedby={`${ids.counter} ${ids.status}`}
        aria-invalid={check.length > policy.maxLength}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div class="composer-foot">
        <PolicyLine policy={policy} length={check.length} counterId={ids.counter} />
        <div class="composer-buttons">
          {onCancel && (
            <button type="button" class="button button-quiet" onClick={onCancel}>
              {t.cancel}
            </button>
          )}
          <button type="submit" class="button button-primary" disabled={!canPost} aria-busy={posting}>
            {posting ? t.posting : t.post}
          </button>
        </div>
      </div>
      <div class="sr-only" aria-live="polite">
        {counterAnnouncement}
      </div>
      <div id={ids.status} aria-live="polite">
        <ErrorNotice error={error} />
      </div>
    </form>
  );
}
