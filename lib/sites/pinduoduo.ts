import { fitListing, textOf } from './dom';
import type { FoundListing, SiteAdapter } from './types';

interface RawGoods {
  goodsID?: number | string;
  goodsName?: string;
  minGroupPrice?: number;
  minNormalPrice?: number;
}

/**
 * The goods page embeds its data as `window.rawData = {…};` in an inline
 * script, which a content script (isolated world) reads as text. Classes are
 * hashed, so the title element is found by its text.
 */
export function readRawData(root: ParentNode): { goods?: RawGoods; mallName?: string } {
  for (const script of root.querySelectorAll('script:not([src])')) {
    const text = script.textContent ?? '';
    const at = text.indexOf('window.rawData');
    if (at < 0) continue;
    const start = text.indexOf('{', at);
    if (start < 0) continue;
    // The object ends at its matching brace; strings may hold braces, so track them.
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        try {
          const data = JSON.parse(text.slice(start, i + 1));
          const init = data?.store?.initDataObj;
          return { goods: init?.goods, mallName: init?.mall?.mallName };
        } catch {
          return {};
        }
      }
    }
  }
  return {};
}

function titleElement(root: ParentNode, title: string): Element | undefined {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const body = doc.body ?? root;
  for (const el of body.querySelectorAll('h1, span, div, p')) {
    if (el.childElementCount === 0 && textOf(el) === title) return el;
  }
  return undefined;
}

export const pinduoduo = {
  id: 'pinduoduo',
  name: '拼多多',
  hosts: [/^mobile\.yangkeduo\.com$/],
  examples: {
    item: [
      'https://mobile.yangkeduo.com/goods.html?goods_id=123456789',
      'https://mobile.yangkeduo.com/goods2.html?goods_id=98765&page_from=23',
    ],
  },
  pageKind(url) {
    return /^\/goods\d?\.html$/.test(url.pathname) && /[?&]goods_id=\d+/.test(url.search) ? 'item' : undefined;
  },
  listings(root, url): FoundListing[] {
    if (this.pageKind(url) !== 'item') return [];
    const { goods, mallName } = readRawData(root);
    const title = goods?.goodsName?.trim();
    const itemId = String(goods?.goodsID ?? /[?&]goods_id=(\d+)/.exec(url.search)?.[1] ?? '');
    if (!title || !itemId) return [];
    const anchor = titleElement(root, title);
    if (!anchor) return [];
    const price = goods?.minGroupPrice ?? goods?.minNormalPrice;
    return [
      {
        card: anchor,
        anchor,
        listing: fitListing({
          site: 'pinduoduo',
          itemId,
          title,
          shopName: mallName,
          priceFen: Number.isInteger(price) ? price : undefined,
          url: `https://mobile.yangkeduo.com/goods.html?goods_id=${itemId}`,
        }),
      },
    ];
  },
} satisfies SiteAdapter;
