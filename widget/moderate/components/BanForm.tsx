import { useEffect, useRef, useState } from 'preact/hooks';
import type { BanRequest } from '../api/moderation-api.js';
import { usePageText } from '../page-text.js';
import { BAN_LENGTHS, type BanLength, banUntil } from '../queue/ban-lengths.js';

const REASON_MAX = 500;

interface BanFormProps {
  authorName: string;
  /** Resolves to an error to show, or null when the ban stands. */
  onSubmit: (ban: BanRequest) => Promise<string | null>;
  onCancel: () => void;
}

/** Suspends the author for a day, a week or a month, or bans them for good; optionally rejects what they still have waiting. */
export function BanForm({ authorName, onSubmit, onCancel }: BanFormProps) {
  const { t } = usePageText();
  const [length, setLength] = useState<BanLength>('week');
  const [reason, setReason] = useState('');
  const [rejectPending, setRejectPending] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = useRef<HTMLInputElement>(null);
  useEffect(() => chosen.current?.focus(), []);

  const submit = async (): Promise<void> => {
    if (!reason.trim() || busy) return;
    setBusy(true);
    try {
      setError(await onSubmit({ until: banUntil(length), reason: reason.trim(), rejectPending }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="inline-form ban-form"
      aria-label={t.banHeading(authorName)}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset>
        <legend>
          {t.banHeading(authorName)}: {t.banLength}
        </legend>
        <div class="choices">
          {BAN_LENGTHS.map((option) => (
            <label key={option} class="choice">
              <input
                ref={option === length ? chosen : undefined}
                type="radio"
                name="ban-length"
                value={option}
                checked={length === option}
                onChange={() => setLength(option)}
              />
              {t.banLengths[option]}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="field">
        <label for="ban-reason">{t.banReason}</label>
        <input id="ban-reason" type="text" value={reason} maxLength={REASON_MAX} required onInput={(event) => setReason(event.currentTarget.value)} />
      </div>
      <label class="choice">
        <input type="checkbox" checked={rejectPending} onChange={(event) => setRejectPending(event.currentTarget.checked)} />
        {t.banRejectPending}
      </label>
      <div class="form-buttons">
        <button type="submit" class="button button-danger" disabled={busy || !reason.trim()}>
          {t.confirmBan}
        </button>
        <button type="button" class="button button-quiet" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
