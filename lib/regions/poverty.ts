import type { ListedCounty } from './county-csv';
import listed from './data/poverty-counties-832.json';
import { AREAS, areaOf, cityNameOf, provinceOf } from './divisions';

export interface PovertyCounty {
  /** Current (2023) division code. */
  code: string;
  /** Current name. */
  name: string;
  /** The name in the published list, when it differs (an alias: 上饶县 for 广信区). */
  listedName: string;
  province: string;
  city?: string;
  exitYear: number;
}

/**
 * Codes of the list that do not lead to the right county in the 2023 table.
 * Each one was checked by hand against the county's province and prefecture.
 */
export const CODE_CORRECTIONS: Readonly<Record<string, { code: string; why: string }>> = {
  '532600': { code: '532601', why: '文山市: the list gives the prefecture code; the city is 532601' },
  '540530': { code: '540581', why: '错那县 became 错那市 (540581) in 2022' },
  '540422': { code: '540481', why: '米林县 became 米林市 (540481) in 2023' },
  '622900': { code: '622901', why: '临夏市: the list gives the prefecture code; the city is 622901' },
  '632825': { code: '632857', why: '大柴旦行委 is 632857 (大柴旦行政委员会) in the 2023 table' },
  '630104': { code: '632803', why: '冷湖行委 is listed under 630104 (西宁市城西区); it merged into 茫崖市 in 2018' },
};

function join(row: ListedCounty): PovertyCounty {
  const code = CODE_CORRECTIONS[row.code]?.code ?? row.code;
  const area = areaOf(code);
  if (!area) throw new Error(`832 list: code ${row.code} (${row.name}) is not in the division table`);
  return {
    code,
    name: area.name,
    listedName: row.name,
    province: provinceOf(code)?.name ?? row.province,
    city: cityNameOf(code),
    exitYear: row.exitYear,
  };
}

/** The 832 listed counties, joined. 冷湖行委 and 茫崖行委 share one current code (茫崖市), so 831 codes. */
export const POVERTY_COUNTIES: readonly PovertyCounty[] = (listed as ListedCounty[]).map(join);

const byCode = new Map<string, PovertyCounty>();
const listedNamesByCode = new Map<string, string[]>();
for (const c of POVERTY_COUNTIES) {
  if (!byCode.has(c.code)) byCode.set(c.code, c);
  listedNamesByCode.set(c.code, [...(listedNamesByCode.get(c.code) ?? []), c.listedName]);
}

export const povertyCountyOf = (code: string | undefined) => (code ? byCode.get(code) : undefined);
export const isPovertyCounty = (code: string | undefined) => Boolean(code && byCode.has(code));

/** Every county-level unit with its names: current, and the 832 list's old name. */
export const COUNTY_NAMES: ReadonlyArray<{ code: string; names: string[] }> = AREAS.map((a) => {
  const names = [a.name];
  for (const old of listedNamesByCode.get(a.code) ?? []) if (!names.includes(old)) names.push(old);
  return { code: a.code, names };
});
