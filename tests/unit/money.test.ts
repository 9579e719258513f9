import { describe, expect, it } from 'vitest';
import { displayYuan, formatYuan, parseYuanToFen, sumFen } from '../../lib/money';

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
  });

  it('rounds to the fen, half up, as Excel shows a cell', () => {
    expect(parseYuanToFen('59.699999999999996')).toBe(5970);
    expect(parseYuanToFen(59.699999999999996)).toBe(5970);
    expect(parseYuanToFen('1.005')).toBe(101);
    expect(parseYuanToFen(1.005)).toBe(101);
    expect(parseYuanToFen('1.004')).toBe(100);
    expect(parseYuanToFen('-2.345')).toBe(-235);
    expect(parseYuanToFen('0.004')).toBe(0);
    expect(displayYuan(parseYuanToFen('59.699999999999996') as number)).toBe('¥59.70');
  });

  it('refuses amounts past what a number holds exactly', () => {
    expect(parseYuanToFen('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseYuanToFen('90071992547409.92')).toBeUndefined(); // 2^53 + 1 fen
    expect(parseYuanToFen(1e300)).toBeUndefined();
    expect(parseYuanToFen('90071992547409.91'.slice(0, 14))).toBe(9007199254740900);
  });
});

describe('sumFen', () => {
  it('sums exactly past 2^53, and says when the total cannot be held', () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(sumFen([max - 1, 1])).toBe(max);
    expect(sumFen([max, 1])).toBeUndefined();
    // Floating point drifts here: (2^53 - 1) + 1 + 1 is 2^53 both ways, so the third fen is lost.
    expect(max + 1 + 1).toBe(max + 1);
    expect(sumFen([max, 1, -2])).toBe(max - 1);
    expect(sumFen(Array.from({ length: 1000 }, () => 0.1 * 3 * 10))).toBe(3000);
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
