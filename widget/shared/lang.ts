export type Lang = 'ko' | 'en';

/** Korean for any Korean language tag (`ko`, `ko-KR`), English for everything else. */
export function langOfTag(tag: string | null | undefined): Lang {
  return tag?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
