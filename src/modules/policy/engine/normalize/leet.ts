// Digits and symbols that stand for Latin letters inside a Latin word ("sh1t", "$hit", "a55").
// 'l' itself reads as 'i' in the matching form, so "bu11shit", "bullshit" and "buiishit" all meet.
const LEET = new Int32Array(128).fill(-1);
for (const [from, to] of [
  ['0', 'o'],
  ['1', 'i'],
  ['3', 'e'],
  ['4', 'a'],
  ['5', 's'],
  ['7', 't'],
  ['8', 'b'],
  ['9', 'g'],
  ['@', 'a'],
  ['$', 's'],
  ['!', 'i'],
  ['|', 'i'],
  ['+', 't'],
  ['l', 'i'],
] as const) {
  LEET[from.charCodeAt(0)] = to.charCodeAt(0);
}

/** The letter `c` stands for in a Latin word, or -1. */
export const leetLetter = (c: number): number => (c < 128 ? LEET[c]! : -1);

/** '$' and '@' start words ("$hit", "@ss"); '!', '|' and '+' only count between letters, so "wow!" stays "wow". */
export const leetNeedsLetterOnBothSides = (c: number): boolean => c === 0x21 || c === 0x7c || c === 0x2b;
