import { describe, expect, it } from 'vitest';
import { listingLabel, sourceName } from '../../lib/match/check-link';

describe('匹配检查’s words (lib/match/check-link)', () => {
  it('names a recent listing by title, and shop when known', () => {
    expect(listingLabel({ title: '紫阳富硒茶 250g', shopName: '汉江茶业旗舰店' })).toBe(
      '紫阳富硒茶 250g · 汉江茶业旗舰店',
    );
    expect(listingLabel({ title: '紫阳富硒茶 250g' })).toBe('紫阳富硒茶 250g');
  });
  it('names a source by its stored name; one no longer stored, or not loaded yet, by its id', () => {
    const sources = [{ id: 'src:2026-7', name: '第七批帮扶产品目录' }];
    expect(sourceName(sources, 'src:2026-7')).toBe('第七批帮扶产品目录');
    expect(sourceName(sources, 'src:gone')).toBe('gone');
    expect(sourceName(undefined, 'src:2026-7')).toBe('2026-7');
  });
});
