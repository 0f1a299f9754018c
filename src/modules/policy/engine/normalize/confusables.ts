// Letters from other scripts that pass for Latin ones (after lower-casing), as seen in "fuсk" with a Cyrillic с.
// Deliberately short: only shapes that are indistinguishable in common fonts.
export const CONFUSABLES: ReadonlyMap<string, string> = new Map([
  // Cyrillic
  ['а', 'a'], ['в', 'b'], ['г', 'r'], ['е', 'e'], ['ё', 'e'], ['к', 'k'], ['м', 'm'], ['н', 'h'], ['о', 'o'],
  ['п', 'n'], ['р', 'p'], ['с', 'c'], ['т', 't'], ['у', 'y'], ['х', 'x'], ['ъ', 'b'], ['ь', 'b'], ['і', 'i'],
  ['ї', 'i'], ['ј', 'j'], ['ѕ', 's'], ['ԁ', 'd'], ['ԛ', 'q'], ['ԝ', 'w'], ['һ', 'h'], ['ӏ', 'l'], ['ү', 'y'],
  // Greek
  ['α', 'a'], ['β', 'b'], ['γ', 'y'], ['ε', 'e'], ['η', 'n'], ['ι', 'i'], ['κ', 'k'], ['μ', 'u'], ['ν', 'v'],
  ['ο', 'o'], ['ρ', 'p'], ['τ', 't'], ['υ', 'u'], ['χ', 'x'], ['ω', 'w'],
  // Latin letters that NFKD does not reduce to ASCII
  ['ß', 'ss'], ['æ', 'ae'], ['œ', 'oe'], ['ø', 'o'], ['ł', 'l'], ['đ', 'd'], ['ı', 'i'], ['ſ', 's'], ['ɡ', 'g'], ['ɑ', 'a'],
]);
