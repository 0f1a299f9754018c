import { describe, expect, it } from '@jest/globals';
import { parseWalPosition } from './wal-position.js';

describe('parseWalPosition', () => {
  it('reads both 32-bit halves of a pg_lsn', () => {
    expect(parseWalPosition('0/16B3748')).toBe(0x16b3748n);
    expect(parseWalPosition('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
    expect(parseWalPosition('FFFFFFFF/FFFFFFFF')).toBe(2n ** 64n - 1n);
    expect(parseWalPosition('0/0')).toBe(0n);
  });

  it('orders positions numerically, where their text does not', () => {
    expect(parseWalPosition('0/9') < parseWalPosition('0/10')).toBe(true);
    expect(parseWalPosition('0/FFFFFFFF') < parseWalPosition('1/0')).toBe(true);
    expect(parseWalPosition('0/16b3748')).toBe(parseWalPosition('0/16B3748'));
  });

  it.each(['', '16B3748', '0/', '/1', '0/123456789', 'G/1', '0/1 ', null as unknown as string])('refuses %p', (text) => {
    expect(() => parseWalPosition(text)).toThrow('not a WAL position');
  });
});
