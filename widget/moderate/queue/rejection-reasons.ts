/**
 * The reasons a moderator picks from when rejecting. The code is what the service records and the
 * author reads, so it is plain English words, not an identifier; a note is added after a colon.
 */
export const REJECTION_CODES = ['policy violation', 'personal information', 'abuse', 'spam', 'off topic', 'other'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** What `r` rejects with when the moderator just confirms. */
export const DEFAULT_REJECTION: RejectionCode = 'policy violation';

/** The recorded reason: the code, then the note if there is one ("other" needs a note). */
export function rejectionReason(code: RejectionCode, note: string): string {
  const trimmed = note.trim();
  if (code === 'other') return trimmed;
  return trimmed ? `${code}: ${trimmed}` : code;
}

/** Recorded with an approval, for the log. */
export const APPROVAL_REASON = 'meets the policy';
