import { useEffect, useRef, useState } from 'preact/hooks';
import { usePageText } from '../page-text.js';
import { DEFAULT_REJECTION, REJECTION_CODES, type RejectionCode, rejectionReason } from '../queue/rejection-reasons.js';

const NOTE_MAX = 400;

interface RejectFormProps {
  /** How many comments it rejects (more than one from the bulk bar). */
  count: number;
  busy: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

/**
 * The reason picker: a code and an optional note (required for "other"). It opens with the confirm
 * button focused, so `r` then Enter rejects with the default reason.
 */
export function RejectForm({ count, busy, onSubmit, onCancel }: RejectFormProps) {
  const { t } = usePageText();
  const [code, setCode] = useState<RejectionCode>(DEFAULT_REJECTION);
  const [note, setNote] = useState('');
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  const noteNeeded = code === 'other' && !note.trim();

  return (
    <form
      class="inline-form reject-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!noteNeeded) onSubmit(rejectionReason(code, note));
      }}
    >
      <fieldset>
        <legend>{t.rejectHeading}</legend>
        <div class="choices">
          {REJECTION_CODES.map((option) => (
            <label key={option} class="choice">
              <input type="radio" name="rejection" value={option} checked={code === option} onChange={() => setCode(option)} />
              {t.rejectionReasons[option]}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="field">
        <label for="reject-note">{code === 'other' ? t.rejectNoteRequired : t.rejectNote}</label>
        <input
          id="reject-note"
          type="text"
          value={note}
          maxLength={NOTE_MAX}
          required={code === 'other'}
          onInput={(event) => setNote(event.currentTarget.value)}
        />
      </div>
      <div class="form-buttons">
        <button ref={confirm} type="submit" class="button button-danger" disabled={busy || noteNeeded}>
          {count > 1 ? t.confirmRejectMany(count) : t.confirmReject}
        </button>
        <button type="button" class="button button-quiet" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
