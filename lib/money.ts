/**
 * Money is an integer number of fen everywhere; it becomes 元 only when shown.
 * Parsing goes through strings, never floats, so 0.1 + 0.2 never leaks in.
 */

const MONEY_PATTERN = /^(-)?(\d+)(?:\.(\d{0,2})\d*)?$/;

/** Parses "1,234.5元", "¥12", "￥12.30", "12.30", "１２元" into fen; undefined when it is not an amount. */
export function parseYuanToFen(input: string | number | null | undefined): number | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return undefined;
    return Math.round(input * 100);
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
  const cents = Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(whole * 100 + cents)) return undefined;
  return sign * (whole * 100 + cents);
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
