import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PolicyInfo } from '@/contract/policy.js';
import { checkCommentBody, countGraphemes, normalizeCommentBody } from '@/modules/comments/text/comment-text.js';
import { describeError, type ErrorText } from '@widget/shared/i18n/describe-error.js';
import { useWidget } from '../widget-context.js';
import { ErrorNotice } from './ErrorNotice.js';
import { PolicyLine } from './PolicyLine.js';

const COUNTER_ANNOUNCE_DELAY_MS = 1000;
let formSeq = 0;

export interface CommentFormProps {
  policy: PolicyInfo;
  /** The field's name for screen readers, and its placeholder. */
  label: string;
  /** The text the field starts with; sending it back unchanged is not offered. */
  initialText?: string;
  rows: number;
  submitLabel: string;
  busyLabel: string;
  /** Sends the text; what it throws is shown under the field, and the text stays for another try. */
  onSubmit: (text: string) => Promise<void>;
  /** Empties the field once a text was sent (a composer stays open; an editor closes instead). */
  clearOnSuccess: boolean;
  onCancel?: () => void;
  autoFocus?: boolean;
  /** Why nothing can be sent now: shown in place of an error, with the send button off. */
  refusal?: string | null;
  /** The form's own class beside "comment-form" (its look and what tests find it by). */
  formClass: string;
}

/**
 * A comment's text field with the live "n/250자" counter. The count is the service's own length rule
 * (the same module, bundled), so what the counter allows the service accepts. The composer and the
 * editor of a posted comment are both this form.
 */
export function CommentForm({
  policy,
  label,
  initialText = '',
  rows,
  submitLabel,
  busyLabel,
  onSubmit,
  clearOnSuccess,
  onCancel,
  autoFocus,
  refusal,
  formClass,
}: CommentFormProps) {
  const { t, lang, noteFailure } = useWidget();
  const [text, setText] = useState(initialText);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const [counterAnnouncement, setCounterAnnouncement] = useState('');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const sendingNow = useRef(false);
  const ids = useMemo(() => {
    const n = ++formSeq;
    return { textarea: `comment-form-${n}`, counter: `comment-form-${n}-counter`, status: `comment-form-${n}-status` };
  }, []);

  const check = checkCommentBody(text, policy.maxLength);
  // The rule stops counting one past the limit; the reader is shown how far past it the text is.
  const length = !check.ok && check.atLeast ? countGraphemes(check.body) : check.length;
  const sendable = (candidate: string): boolean =>
    !refusal && checkCommentBody(candidate, policy.maxLength).ok && (!initialText || normalizeCommentBody(candidate) !== normalizeCommentBody(initialText));
  const canSend = sendable(text) && !sending;

  useEffect(() => {
    const field = textarea.current;
    if (!autoFocus || !field) return;
    field.focus();
    // An editor opens with the caret after the text, where changes usually go.
    field.setSelectionRange(field.value.length, field.value.length);
  }, []);

  // Screen readers hear the count when typing pauses, not at every key.
  useEffect(() => {
    if (!text) return setCounterAnnouncement('');
    const timer = window.setTimeout(() => setCounterAnnouncement(t.counterStatus(length, policy.maxLength)), COUNTER_ANNOUNCE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [length]);

  const submit = async (event?: Event): Promise<void> => {
    event?.preventDefault();
    // The ref, not the state: a second click can arrive before the disabled button is rendered.
    if (sendingNow.current || !sendable(text)) return;
    sendingNow.current = true;
    setSending(true);
    setError(null);
    let sent = false;
    try {
      await onSubmit(text);
      sent = true;
      if (clearOnSuccess) setText('');
    } catch (failure) {
      noteFailure(failure);
      setError(describeError(failure, t, lang));
    } finally {
      sendingNow.current = false;
      setSending(false);
      // A form that closes on success hands focus to whoever closes it.
      if (!sent || clearOnSuccess) textarea.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
    if (event.key === 'Escape' && onCancel) onCancel();
  };

  return (
    <form class={`comment-form ${formClass}`} onSubmit={(event) => void submit(event)} noValidate>
      <label for={ids.textarea} class="sr-only">
        {label}
      </label>
      <textarea
        id={ids.textarea}
        ref={textarea}
        value={text}
        rows={rows}
        placeholder={label}
        aria-describedby={`${ids.counter} ${ids.status}`}
        aria-invalid={!check.ok && check.reason === 'too_long'}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div class="composer-foot">
        <PolicyLine policy={policy} length={length} tooLong={!check.ok && check.reason === 'too_long'} counterId={ids.counter} />
        <div class="composer-buttons">
          {onCancel && (
            <button type="button" class="button button-quiet" onClick={onCancel}>
              {t.cancel}
            </button>
          )}
          <button type="submit" class="button button-primary" disabled={!canSend} aria-busy={sending}>
            {sending ? busyLabel : submitLabel}
          </button>
        </div>
      </div>
      <div class="sr-only" aria-live="polite">
        {counterAnnouncement}
      </div>
      <div id={ids.status} aria-live="polite">
        <ErrorNotice error={refusal ? { message: refusal, reasons: [] } : error} />
      </div>
    </form>
  );
}
