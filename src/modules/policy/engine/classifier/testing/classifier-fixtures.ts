// Comments written for the classifier's tests (none is taken from a training corpus): what the
// shipped weights must hold although no word list names it, and civil comments they must let
// through, some of them close to an insult in their letters.

/** Insults carried by context, mockery of looks, coinages: no listed word in any of them. */
export const ABUSIVE_WITHOUT_LISTED_WORDS: readonly string[] = [
  '못생긴 게 나대기는',
  '얼굴 보니까 딱 사기꾼 상이네 ㅋㅋ',
  '머리에 든 게 없으니 저런 소리나 하지',
];

/**
 * Civil comments, Korean and English, that the classifier alone must publish. (Innocent words that
 * contain an insult, "시발점" or "새끼 고양이", are the allow-list's: see the rule's tests.)
 */
export const CIVIL: readonly string[] = [
  '좋은 기사 감사합니다',
  '이번 금리 인상은 가계 부채에 큰 부담이 될 것 같습니다.',
  '선거 결과를 차분하게 지켜보겠습니다.',
  '현장에서 고생하시는 소방관분들께 감사드립니다 ㅠㅠ',
  '청년들 일자리 문제가 심각하네요',
  '한남동 맛집 추천 부탁드립니다',
  '기생충 봉준호 감독 축하합니다',
  'Great reporting, thank you for covering the flood relief effort.',
  'The central bank raised rates by 0.25 percentage points on Wednesday.',
];
