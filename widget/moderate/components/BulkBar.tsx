import type { ComponentChildren } from 'preact';
import { usePageText } from '../page-text.js';

interface BulkBarProps {
  count: number;
  canApprove: boolean;
  canReject: boolean;
  busy: boolean;
  onApprove: () => void;
  onReject: () => void;
  onClear: () => void;
  /** The reject form for the selection, when open. */
  children?: ComponentChildren;
}

/** Decisions on every selected item at once (`x` selects). */
export function BulkBar({ count, canApprove, canReject, busy, onApprove, onReject, onClear, children }: BulkBarProps) {
  const { t } = usePageText();
  if (count === 0) return null;
  return (
    <div class="bulk-bar" role="region" aria-label={t.bulkSelected(count)}>
      <div class="bulk-row">
        <strong>{t.bulkSelected(count)}</strong>
        {canApprove && (
          <button type="button" class="button button-approve" disabled={busy} onClick={onApprove}>
            {t.approveSelected}
          </button>
        )}
        {canReject && (
          <button type="button" class="button" disabled={busy} onClick={onReject}>
            {t.rejectSelected}
          </button>
        )}
        <button type="button" class="button button-quiet" onClick={onClear}>
          {t.clearSelection}
        </button>
      </div>
      {children}
    </div>
  );
}
