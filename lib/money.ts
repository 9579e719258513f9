/**
 * Money is an integer number of fen everywhere; it becomes 元 only when shown.
 * Parsing goes through strings, never floats, so 0.1 + 0.2 never leaks in.
 */

const MONEY_PATTERN = /^(-)?(\d+)(?:\.(\d{0,2})(\d*))?$/;

/** Parses "1,234.5元", "¥12", "￥12.30", "12.30", "１２元" into fen; undefined when it is not an amount. */
export function parseYuanToFen(input: string | number | null | undefined): number | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === 'number') {
    // By its shortest decimal text, as a string would be read: 1.005 × 100 is 100.49999… in floating point.
    if (!Number.isFinite(input)) return undefined;
    if (Number.isInteger(input)) return Number.isSafeInteger(input * 100) ? input * 100 : undefined;
    return parseYuanToFen(Math.abs(input) < 1e-6 ? '0' : String(input));
  }
  const cleaned = input
    .normalize('NFKC')
    .replace(/[\s,，]/g, '')
    .replace(/^(?:¥|￥|RMB|CNY|人民币)/i, '')
    .replace(/(?:元|圆|块)$/, '');
  const m = MONEY_PATTERN.exec(cleaned);
  if (!m) return undefined;
  const sign = m[1] ? -1 : 1;
  const whole = Number(m[2]);
  // Rounded to the fen by the third decimal, half up: Excel's cached 59.699999999999996 is ¥59.70, as it shows.
  const roundUp = (m[4]?.charCodeAt(0) ?? 0) >= 53; /* '5' */
  const fen = whole * 100 + Number((m[3] ?? '').padEnd(2, '0')) + (roundUp ? 1 : 0);
  if (!Number.isSafeInteger(fen)) return undefined;
  return fen === 0 ? 0 : sign * fen;
}

/** The most a row of any table may say it cost: past it, the figure is a typing slip or a hostile file (¥10,000,000). */
export const MAX_ROW_FEN = 1_000_000_000;

/**
 * Sums fen exactly: in BigInt, so no sum drifts past 2^53; undefined when the
 * total is past what a number holds exactly (never, with rows within MAX_ROW_FEN and
 * a table's row limit, but said rather than rounded).
 */
export function sumFen(values: Iterable<number>): number | undefined {
  let total = 0n;
  for (const value of values) total += BigInt(Math.round(value));
  return total <= BigInt(Number.MAX_SAFE_INTEGER) && total >= -BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(total)
    : undefined;
}

/** 123450 → "1234.50"; with grouping → "1,234.50". */
export function formatYuan(fen: number, options: { grouping?: boolean } = {}): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const whole = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  const wholeText = options.grouping ? whole.toLocaleString('en-US') : String(whole);
  return `${sign}${wholeText}.${cents}`;
}

/** For people: "¥1,234.50". */
export function displayYuan(fen: number): string {
  return `¥${formatYuan(fen, { grouping: true })}`;
}
