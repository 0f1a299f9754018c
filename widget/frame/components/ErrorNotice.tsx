import type { ErrorText } from '@widget/shared/i18n/describe-error.js';

/** A failure in the reader's language, with the Standards Board's reasons when there are any. */
export function ErrorNotice({ error }: { error: ErrorText | null }) {
  if (!error) return null;
  return (
    <div class="notice notice-error">
      <p>{error.message}</p>
      {error.reasons.length > 0 && (
        <ul>
          {error.reasons.map((reason, index) => (
            <li key={index}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
