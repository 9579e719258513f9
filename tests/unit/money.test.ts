import { describe, expect, it } from 'vitest';
import { displayYuan, formatYuan, parseYuanToFen } from '../../lib/money';

describe('parseYuanToFen', () => {
  it.each([
    ['1,234.5元', 123450],
    ['¥12', 1200],
    ['￥12.30', 1230],
    ['12.30', 1230],
    ['１２．５元', 1250],
    ['0.1', 10],
    [' 88 ', 8800],
    ['RMB 5.99', 599],
  ])('reads %s as %i fen', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen);
  });

  it.each(['', 'abc', '12.3.4', '¥', '1e5'])('rejects %s', (text) => {
    expect(parseYuanToFen(text)).toBeUndefined();
  });

  it('never goes through floating point for strings', () => {
    expect(parseYuanToFen('0.29')).toBe(29);
    expect(parseYuanToFen('1.005')).toBe(100);
  });
});

describe('formatYuan', () => {
  it('formats fen as 元 with two decimals', () => {
    expect(formatYuan(123450)).toBe('1234.50');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-250)).toBe('-2.50');
    expect(formatYuan(123456789, { grouping: true })).toBe('1,234,567.89');
    expect(displayYuan(1230)).toBe('¥12.30');
  });
});
