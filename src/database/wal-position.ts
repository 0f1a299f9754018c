/**
 * A PostgreSQL WAL position (`pg_lsn`), e.g. `16/B374D848`: two 32-bit halves in hexadecimal. As a
 * bigint, positions compare with `<` and `>`; as text they do not (`0/9` sorts after `0/10`).
 */
export type WalPosition = bigint;

const LSN_TEXT = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i;

export function parseWalPosition(text: string): WalPosition {
  const match = LSN_TEXT.exec(text);
  if (!match) throw new Error(`not a WAL position: ${JSON.stringify(text)}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}
