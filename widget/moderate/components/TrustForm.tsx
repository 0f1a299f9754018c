import { useEffect, useRef, useState } from 'preact/hooks';
import { AUTHOR_TRUST, type AuthorTrust } from '@/contract/users.js';
import type { TrustRequest } from '../api/moderation-api.js';
import { usePageText } from '../page-text.js';

const REASON_MAX = 500;

interface TrustFormProps {
  authorName: string;
  current: AuthorTrust;
  /** Resolves to an error to show, or null when the change stands. */
  onSubmit: (trust: TrustRequest) => Promise<string | null>;
  onCancel: () => void;
}

/** Sets how far the policy trusts the author: new, regular, trusted (no new-account review) or watched (every comment held). */
export function TrustForm({ authorName, current, onSubmit, onCancel }: TrustFormProps) {
  const { t } = usePageText();
  const [trust, setTrust] = useState<AuthorTrust>(current);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = useRef<HTMLInputElement>(null);
  useEffect(() => chosen.current?.focus(), []);
  const unchanged = trust === current;

  const submit = async (): Promise<void> => {
    if (unchanged || busy) return;
    setBusy(true);
    try {
      setError(await onSubmit({ trust, reason: reason.trim() }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="inline-form trust-form"
      aria-label={t.trustHeading(authorName)}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset>
        <legend>{t.trustHeading(authorName)}</legend>
        <div class="choices">
          {AUTHOR_TRUST.map((option) => (
            <label key={option} class="choice" title={t.trustMeanings[option]}>
              <input
                ref={option === current ? chosen : undefined}
                type="radio"
                name="trust"
                value={option}
                checked={trust === option}
                aria-describedby="trust-meaning"
                onChange={() => setTrust(option)}
              />
              {t.trustLevels[option]}
            </label>
          ))}
        </div>
        <p id="trust-meaning" class="muted trust-meaning">
          {t.trustMeanings[trust]}
        </p>
      </fieldset>
      <div class="field">
        <label for="trust-reason">{t.trustReason}</label>
        <input id="trust-reason" type="text" value={reason} maxLength={REASON_MAX} onInput={(event) => setReason(event.currentTarget.value)} />
      </div>
      <div class="form-buttons">
        <button type="submit" class="button button-primary" disabled={busy || unchanged}>
          {t.confirmTrust}
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
