import { parseYuanToFen } from '../money';

/** Visible text of an element with runs of white space folded; '' when absent. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The `title` attribute when present and not empty, else the text. */
export function titleOrText(el: Element | null | undefined): string {
  const title = el?.getAttribute('title')?.trim();
  return title ? title : textOf(el);
}

/** First price-looking number in an element's text, in fen. */
export function priceFenOf(el: Element | null | undefined): number | undefined {
  const m = /\d[\d,]*(?:\.\d+)?/.exec(textOf(el).normalize('NFKC'));
  return m ? parseYuanToFen(m[0]) : undefined;
}

/** The first element among selectors, tried in order. */
export function firstOf(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = root.querySelector(s);
    if (el) return el;
  }
  return null;
}

/** Drops undefined and empty-string fields so listings validate and compare cleanly. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== '') out[k] = v;
  return out as T;
}
