/**
 * A text as a LIKE pattern matches it literally: Prisma's `contains` puts the text between `%` as
 * it is, so a `%` or `_` a user searches for would otherwise be a wildcard.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/gu, (character) => `\\${character}`);
}
