import type { Lang } from '../lang.js';

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

const formats = new Map<Lang, Intl.RelativeTimeFormat>();

/** "3 minutes ago" / "3분 전", in the largest unit that fits. */
export function relativeTime(iso: string, now: number, lang: Lang): string {
  let format = formats.get(lang);
  if (!format) formats.set(lang, (format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })));
  // A clock slightly ahead of ours must not read "in 2 seconds".
  let value = Math.min(0, (new Date(iso).getTime() - now) / 1000);
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return format.format(Math.round(value), unit);
    value /= size;
  }
  return format.format(Math.round(value), 'year');
}

export function absoluteTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}
