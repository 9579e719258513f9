import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  areaOf,
  countyCore,
  detectPlaces,
  isPovertyCounty,
  POVERTY_COUNTIES,
  povertyCountyOf,
  resolveCounty,
} from '../../lib/regions';
import { parseCountyCsv } from '../../lib/regions/county-csv';
import listedJson from '../../lib/regions/data/poverty-counties-832.json';
import { CODE_CORRECTIONS } from '../../lib/regions/poverty';

describe('the 832 list', () => {
  it('is the committed CSV, converted faithfully', () => {
    const csv = readFileSync('lib/regions/data/poverty-counties-832.csv', 'utf8');
    expect(listedJson).toEqual(parseCountyCsv(csv));
  });

  it('joins all 832 counties to current codes', () => {
    expect(POVERTY_COUNTIES).toHaveLength(832);
    // 冷湖行委 and 茫崖行委 merged into 茫崖市 in 2018: one current code for two listed names.
    expect(new Set(POVERTY_COUNTIES.map((c) => c.code)).size).toBe(831);
    for (const c of POVERTY_COUNTIES) expect(areaOf(c.code)?.name).toBe(c.name);
  });

  it('keeps the exit years as announced', () => {
    const years: Record<number, number> = {};
    for (const c of POVERTY_COUNTIES) years[c.exitYear] = (years[c.exitYear] ?? 0) + 1;
    expect(years).toEqual({ 2016: 28, 2017: 125, 2018: 282, 2019: 345, 2020: 52 });
  });

  it('keeps old names as aliases of renamed counties', () => {
    expect(povertyCountyOf('361104')).toMatchObject({ name: '广信区', listedName: '上饶县', city: '上饶市' });
    expect(povertyCountyOf('130881')).toMatchObject({ name: '平泉市', listedName: '平泉县' });
  });

  it('corrects codes that are gone or wrong', () => {
    expect(Object.keys(CODE_CORRECTIONS)).toHaveLength(6);
    expect(POVERTY_COUNTIES.filter((c) => c.code === '632803').map((c) => c.listedName)).toEqual([
      '冷湖行委',
      '茫崖行委',
    ]);
    expect(resolveCounty('冷湖行委')).toBe('632803');
    expect(isPovertyCounty('630104')).toBe(false); // 西宁市城西区, the list's wrong code for 冷湖
    expect(povertyCountyOf('540581')).toMatchObject({ name: '错那市', listedName: '错那县' });
  });
});

describe('county names', () => {
  it.each([
    ['祁东县', '祁东'],
    ['秀山土家族苗族自治县', '秀山'],
    ['东乡族自治县', '东乡'],
    ['塔什库尔干塔吉克自治县', '塔什库尔干'],
    ['神农架林区', '神农架'],
    ['岷县', undefined],
  ])('%s has the core %s', (name, core) => {
    expect(countyCore(name)).toBe(core);
  });

  it('resolves current names, old names, cores and ambiguous names with a hint', () => {
    expect(resolveCounty('祁东县')).toBe('430426');
    expect(resolveCounty('祁东')).toBe('430426');
    expect(resolveCounty('上饶县')).toBe('361104');
    expect(resolveCounty('城关区')).toBeUndefined();
    expect(resolveCounty('城关区', { province: '西藏自治区' })).toBe('540102');
    expect(resolveCounty('朝阳区', { city: '北京市' })).toBe('110105');
    expect(resolveCounty('不存在县')).toBeUndefined();
  });
});

describe('place names in titles', () => {
  const names = (text: string) => detectPlaces(text).map((p) => p.county);

  it('finds counties by full name, old name and core', () => {
    expect(names('城口老腊肉 500g')).toEqual(['城口县']);
    expect(names('上饶县 白眉茶')).toEqual(['广信区']);
    expect(names('秭归脐橙 5斤装')).toEqual(['秭归县']);
    expect(names('湖南祁东黄花菜')).toEqual(['祁东县']);
    expect(detectPlaces('通江银耳')[0]).toMatchObject({ county: '通江县', poverty: true, province: '四川省' });
    expect(detectPlaces('祁东黄花菜')[0]?.poverty).toBe(false);
  });

  it('ignores words, brands and varieties that contain a county core', () => {
    for (const title of [
      '平安果 圣诞苹果',
      '西湖龙井 明前',
      '鄱阳湖大闸蟹',
      '合作社直供土鸡蛋',
      '和田玉手镯',
      '同仁堂枸杞',
      '延长保修一年',
      '白水煮蛋神器',
    ]) {
      expect(names(title), title).toEqual([]);
    }
  });

  it('does not take a prefecture for one of its counties', () => {
    expect(names('恩施硒茶')).toEqual([]); // 恩施州, not 恩施市
    expect(names('大同黄花')).toEqual([]); // 大同市, not 大同县 (now 云州区)
  });

  it('reads full-width text', () => {
    expect(names('ＸＸ 城口县 腊肉')).toEqual(['城口县']);
  });
});
