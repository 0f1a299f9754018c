export const BAN_LENGTHS = ['day', 'week', 'month', 'permanent'] as const;
export type BanLength = (typeof BAN_LENGTHS)[number];

const DAYS: Record<Exclude<BanLength, 'permanent'>, number> = { day: 1, week: 7, month: 30 };

/** The end of the suspension as the API takes it, or null for a ban for good. */
export function banUntil(length: BanLength, now = Date.now()): string | null {
  if (length === 'permanent') return null;
  return new Date(now + DAYS[length] * 24 * 60 * 60 * 1000).toISOString();
}
