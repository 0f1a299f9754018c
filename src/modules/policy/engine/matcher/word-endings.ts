// What may follow a `>` term and still leave it "the same word": English inflections and the Korean
// particles and copula endings that attach to nouns. Verb endings are left out on purpose: "씹" + "다"
// is chewing, not swearing.
const ENGLISH = ['s', 'es', 'ed', 'er', 'ers', 'ing', 'in', 'z'];
const KOREAN = [
  '이', '가', '은', '는', '을', '를', '야', '아', '여', '들', '도', '만', '의', '에', '께', '나', '랑', '과', '와',
  '로', '에게', '한테', '처럼', '같은', '같이', '보다', '까지', '부터', '이다', '이야', '이냐', '이네', '이고',
  '이나', '이랑', '하고', '으로', '라고', '이라고', '이라니', '라니', '인가', '인데', '임', '님', '놈', '년',
  '들아', '들이', '들은', '들을', '들도', '들의', '들아', '새끼', '짓', '질',
];

const toCodePoints = (s: string): Int32Array => Int32Array.from([...s].map((c) => c.codePointAt(0)!));

/** Longest first, so "들아" is tried before "들". */
export const WORD_ENDINGS: readonly Int32Array[] = [...new Set([...ENGLISH, ...KOREAN])]
  .sort((a, b) => b.length - a.length)
  .map(toCodePoints);
