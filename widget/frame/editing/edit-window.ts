import { useEffect, useState } from 'preact/hooks';

/** setTimeout's longest delay; a longer one fires at once. */
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;

/** When the author may no longer edit a comment, in epoch milliseconds. */
export function editWindowEnd(createdAt: string, editWindowSeconds: number): number {
  return new Date(createdAt).getTime() + editWindowSeconds * 1000;
}

/**
 * Whether the edit window is still open, re-rendering the caller the moment it closes, so no Edit
 * button outlives it. The browser's clock is compared with the service's time of posting; if they
 * disagree the service has the last word (EDIT_WINDOW_CLOSED).
 */
export function useEditWindowOpen(createdAt: string, editWindowSeconds: number, applies: boolean): boolean {
  const [checks, setChecks] = useState(0);
  const closesAt = editWindowEnd(createdAt, editWindowSeconds);
  const open = applies && Date.now() < closesAt;

  useEffect(() => {
    if (!open) return;
    // Checked again when the timer fires (it may fire a little early, or be clamped): it re-arms.
    const timer = window.setTimeout(() => setChecks((count) => count + 1), Math.min(Math.max(0, closesAt - Date.now()), LONGEST_TIMEOUT_MS));
    return () => window.clearTimeout(timer);
  }, [open, closesAt, checks]);

  return open;
}
