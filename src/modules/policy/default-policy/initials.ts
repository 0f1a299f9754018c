// Initial-consonant abbreviations (초성체). Only runs of bare consonants are read this way, so everyday
// ones (ㅋㅋ, ㅎㅎ, ㄱㅅ "thanks", ㅇㅈ "agreed", ㅈㅅ "sorry", ㄷㄷ, ㅇㅋ) never meet these lists.

/** Reject: abbreviations with one profane reading. */
export const INITIALS_BANNED: readonly string[] = [
  'ㅅㅂ',
  'ㅆㅂ',
  'ㅄ',
  'ㅂㅅ',
  'ㅅㅂㄹㅁ',
  'ㅆㅂㄹㅁ',
  'ㅅㅂㄴ',
  'ㅆㅂㄴ',
  'ㅂㅅㄴ',
  'ㅂㅅㅅㄲ',
  'ㄱㅅㄲ',
  'ㄱㅆㄲ',
  'ㅅㄲ',
  'ㅆㅂㅅㄲ',
  'ㅁㅊㄴ',
  'ㅁㅊㄴㅁ',
  'ㅁㅊㅅㄲ',
  'ㅈㄲ',
  'ㅈㄹ',
  'ㅈㄹㅎㄴ',
  'ㅆㅍ',
  'ㄴㄱㅁ',
  'ㄴㄱㅁㅊ',
  'ㅆㄹㄱ',
  'ㅈㄴㄱ',
];

/** Hold: abbreviations that are rude but milder, or have an innocent reading too. */
export const INITIALS_SUSPECT: readonly string[] = ['ㅈㄴ', 'ㅁㅊ', 'ㄲㅈ', 'ㄷㅊ', 'ㅗ', 'ㅍㅍㅅㅅ', 'ㄷㅈㄹ', 'ㅈㅂㅅ'];
