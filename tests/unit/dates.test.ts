import { describe, expect, it } from 'vitest';
import { daysUntil, parseDate } from '../../lib/dates';

describe('parseDate', () => {
  it.each([
    ['2020-09-02', '2020-09-02'],
    ['2020/9/2', '2020-09-02'],
    ['2020.9.2', '2020-09-02'],
    ['2020年9月2日', '2020-09-02'],
    ['20200902', '2020-09-02'],
    ['２０２０年９月２日', '2020-09-02'],
    ['2020-09-02 13:45:00', '2020-09-02'],
    ['44076', '2020-09-02'],
  ])('reads %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('reads Excel serial numbers', () => {
    expect(parseDate(44076)).toBe('2020-09-02');
    expect(parseDate(45658)).toBe('2025-01-01');
  });

  it.each(['2021-13-45', '2021-02-30', '2020/0/1', '明天', '2020-9', '99999999', ''])('never guesses %s', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2023-02-29')).toBeUndefined();
  });
});

describe('daysUntil', () => {
  it('counts whole days either way, across a month and a leap day', () => {
    expect(daysUntil('2026-12-31', '2026-12-02')).toBe(29);
    expect(daysUntil('2028-03-01', '2028-02-28')).toBe(2);
    expect(daysUntil('2026-12-01', '2026-12-02')).toBe(-1);
    expect(daysUntil('2026-12-02', '2026-12-02')).toBe(0);
  });
});
