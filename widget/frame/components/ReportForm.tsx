import { useEffect, useRef, useState } from 'preact/hooks';
import { REPORT_REASONS, type ReportReason } from '@/contract/reactions.js';
import { describeError, type ErrorText } from '@widget/shared/i18n/describe-error.js';
import { useWidget } from '../widget-context.js';
import { ErrorNotice } from './ErrorNotice.js';

/** The reason picker for a report; a second report of the same comment is harmless (the service counts it once). */
export function ReportForm({ commentId, onDone, onCancel }: { commentId: string; onDone: () => void; onCancel: () => void }) {
  const { api, t, lang, noteFailure } = useWidget();
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const fieldset = useRef<HTMLFieldSetElement>(null);
  useEffect(() => fieldset.current?.querySelector('input')?.focus(), []);

  const send = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!reason || sending) return;
    setSending(true);
    setError(null);
    try {
      await api.report(commentId, reason);
      onDone();
    } catch (failure) {
      noteFailure(failure);
      setError(describeError(failure, t, lang));
      setSending(false);
    }
  };

  return (
    <form class="report-form" onSubmit={(event) => void send(event)} onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <fieldset ref={fieldset}>
        <legend>{t.reportQuestion}</legend>
        {REPORT_REASONS.map((value) => (
          <label key={value} class="report-reason">
            <input type="radio" name={`report-${commentId}`} value={value} checked={reason === value} onChange={() => setReason(value)} />
            {t.reportReasons[value]}
          </label>
        ))}
      </fieldset>
      <div class="form-buttons">
        <button type="submit" class="button button-primary" disabled={!reason || sending}>
          {t.sendReport}
        </button>
        <button type="button" class="button button-quiet" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
      <div aria-live="polite">
        <ErrorNotice error={error} />
      </div>
    </form>
  );
}
