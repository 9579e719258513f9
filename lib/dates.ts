/** Dates are stored as ISO `YYYY-MM-DD`; this reads the forms people and Excel write. */

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30); // Excel's day 0, after its 1900 leap-year bug

function iso(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  if (d > days) return undefined; // 2021-02-30, 2021-13-45: never guessed
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 120_000) return undefined;
  const date = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * 86_400_000);
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const isDigit = (c: number) => c >= 48 && c <= 57;

const ISO_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9] as const;

/** YYYY-MM-DD in ASCII digits, by char codes (a national import reads 300,000 dates). */
function isIsoShaped(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  for (const i of ISO_DIGITS) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

function digitsAt(s: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

/**
 * Reads 2020-09-02, 2020/9/2, 2020.9.2, 2020年9月2日, 20200902, full-width
 * digits, and Excel serial numbers (as numbers or digit strings of 5).
 * Returns undefined for anything it cannot read with certainty.
 */
export function parseDate(input: string | number | Date | null | undefined): string | undefined {
  if (input === null || input === undefined) return undefined;
  if (input instanceof Date) {
    return Number.isNaN(input.getTime()) ? undefined : iso(input.getFullYear(), input.getMonth() + 1, input.getDate());
  }
  if (typeof input === 'number') return excelSerialToIso(input);
  if (isIsoShaped(input)) {
    // The common case, without normalising: 2020-09-02 (checked as a real day).
    const checked = iso(digitsAt(input, 0, 4), digitsAt(input, 5, 2), digitsAt(input, 8, 2));
    return checked === input ? input : checked;
  }
  const s = input.normalize('NFKC').trim().replace(/\s+/g, '');
  if (!s) return undefined;
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T ]?\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{5}(?:\.\d+)?$/.test(s)) return excelSerialToIso(Number(s));
  return undefined;
}

/** Today in the user's time zone, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return iso(now.getFullYear(), now.getMonth() + 1, now.getDate()) as string;
}

/** Whether a text is an ISO date of a real day (2020-02-30 is not): the one date test of every schema. */
export function isRealIsoDate(text: string): boolean {
  return isIsoShaped(text) && iso(digitsAt(text, 0, 4), digitsAt(text, 5, 2), digitsAt(text, 8, 2)) === text;
}

/** Days from today to a date, both YYYY-MM-DD (negative when past). */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
