/** One row of the 832 list, as published. */
export interface ListedCounty {
  code: string;
  name: string;
  region: string;
  province: string;
  city: string;
  exitYear: number;
}

/** Parses the list's CSV (a plain table with no quoted fields). */
export function parseCountyCsv(csv: string): ListedCounty[] {
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  return lines.slice(1).map((line) => {
    const [code = '', name = '', region = '', province = '', city = '', year = ''] = line.split(',');
    return { code, name, region, province, city, exitYear: Number(year) };
  });
}
