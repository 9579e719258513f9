import { describe, expect, it } from 'vitest';
import { sortOrder } from '../../lib/match/sort-strings';

const sortStrings = (keys: readonly string[]) => Array.from(sortOrder(keys), (i) => keys[i]);

/** A deterministic mix: shared prefixes, empty and one-unit keys, NUL, astral characters, duplicates. */
function sampleKeys(count: number, seed: number): string[] {
  let x = seed >>> 0;
  const next = () => {
    x = Math.imul(x ^ (x >>> 15), 2246822507) + 0x9e3779b9;
    return (x >>> 0) / 4294967296;
  };
  const alphabet = ['云', '岭', '黄', '土', 'a', 'b', '\u0000', '𠀋', '1', 'Z', '乾'];
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    if (next() < 0.1 && keys.length) {
      keys.push(keys[Math.floor(next() * keys.length)] as string);
      continue;
    }
    let key = '';
    const length = Math.floor(next() * 6);
    for (let j = 0; j < length; j++) key += alphabet[Math.floor(next() * alphabet.length)];
    keys.push(key);
  }
  return keys;
}

describe('sortOrder', () => {
  it('gives the order of Array.prototype.sort, for many mixes of keys', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const keys = sampleKeys(2000, seed);
      expect(sortStrings(keys)).toEqual([...keys].sort());
    }
  });

  it('orders keys that share long prefixes, over many passes', () => {
    const items: string[] = [];
    const names: string[] = [];
    for (let i = 0; i < 3000; i++) {
      items.push(`jd:10001${(i * 7919) % 3001}`, `tb:6${(i * 104729) % 50000}`);
      names.push(`祁东黄花菜${String.fromCharCode(0x4e00 + ((i * 31) % 97))}${(i * 7) % 13}`, `祁东黄花${i % 50}`);
    }
    items.push('jd:', 'jd', 'jd:10001', 'jd:10001');
    names.push('祁东', '祁东黄花菜', '祁东黄花菜', '祁', 'a');
    expect(sortStrings(items)).toEqual([...items].sort());
    expect(sortStrings(names)).toEqual([...names].sort());
  });

  it('keeps equal keys in their order (postings stay in entry order)', () => {
    const keys = sampleKeys(3000, 99);
    const order = sortOrder(keys);
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1] as number, order[i] as number];
      if (keys[a] === keys[b]) expect(a).toBeLessThan(b);
    }
  });

  it('leaves its input alone and handles the empty list', () => {
    // By code unit, as Array.prototype.sort: 乙 (U+4E59) before 甲 (U+7532).
    const keys = ['甲', '乙'];
    expect(sortStrings(keys)).toEqual(['乙', '甲']);
    expect(keys).toEqual(['甲', '乙']);
    expect(sortStrings([])).toEqual([]);
  });
});
