import type { Listing } from '../match/listing';
import { compact, firstOf, priceFenOf, textOf, titleOrText } from './dom';
import type { FoundListing, SiteAdapter } from './types';

// Search cards, every era still served: the classic list to 2025 and the
// plugin card grid from 2025. `data-sku` also sits on buttons inside classic
// cards, so cards are selected by their own class, never by `[data-sku]` alone.
const SEARCH_CARD = 'li.gl-item[data-sku], .plugin_goodsCardWrapper[data-sku]';

function searchListings(root: ParentNode): FoundListing[] {
  const found: FoundListing[] = [];
  for (const card of root.querySelectorAll(SEARCH_CARD)) {
    const itemId = card.getAttribute('data-sku')?.trim();
    // Each era's own selectors: no failed queries on the hot path.
    const era2025 = card.classList.contains('plugin_goodsCardWrapper');
    const titleEl = card.querySelector(era2025 ? '[class*="goods_title_container"] span[title]' : '.p-name em');
    const title = era2025 ? titleOrText(titleEl) : textOf(titleEl);
    if (!titleEl || !title || !itemId || !/^\d+$/.test(itemId)) continue;
    const shopEl = card.querySelector(era2025 ? '[class*="goods_shop_container"] span[title]' : '.p-shop .curr-shop');
    const priceEl = card.querySelector(era2025 ? '[class*="_price_"]' : '.p-price strong i');
    // The badge goes after the title's link, so clicking it never opens the item.
    const anchor = titleEl.closest('.p-name a') ?? titleEl;
    found.push({
      card,
      anchor,
      listing: compact<Listing>({
        site: 'jd',
        itemId,
        title,
        shopName: titleOrText(shopEl),
        priceFen: priceFenOf(priceEl),
        url: `https://item.jd.com/${itemId}.html`,
      }),
    });
  }
  return found;
}

function itemListings(root: ParentNode, url: URL): FoundListing[] {
  const itemId = /^\/(\d+)\.html/.exec(url.pathname)?.[1];
  const titleEl = firstOf(root, ['.sku-title .sku-title-name', '.sku-name']);
  const title = textOf(titleEl);
  if (!itemId || !titleEl || !title) return [];
  const shopEl = firstOf(root, ['.top-name[title]', '.J-hove-wrap .name a[title]']);
  const priceEl = firstOf(root, ['.product-price--main .product-price--value', '.p-price .price']);
  return [
    {
      card: titleEl,
      anchor: titleEl,
      listing: compact<Listing>({
        site: 'jd',
        itemId,
        title,
        shopName: titleOrText(shopEl),
        priceFen: priceFenOf(priceEl),
        url: `https://item.jd.com/${itemId}.html`,
      }),
    },
  ];
}

export const jd = {
  id: 'jd',
  name: '京东',
  hosts: [/(^|\.)jd\.com$/],
  examples: {
    item: ['https://item.jd.com/100012345678.html', 'https://item.jd.com/10086.html?extension_id=1'],
    search: [
      'https://search.jd.com/Search?keyword=黄花菜',
      'https://search.jd.com/search?keyword=%E5%B0%8F%E7%B1%B3&page=3',
    ],
    orders: ['https://order.jd.com/center/list.action', 'https://order.jd.com/center/list.action?d=2&page=2'],
  },
  pageKind(url) {
    if (url.hostname === 'item.jd.com' && /^\/\d+\.html$/.test(url.pathname)) return 'item';
    if (url.hostname === 'search.jd.com' && /^\/search$/i.test(url.pathname)) return 'search';
    if (url.hostname === 'order.jd.com' && url.pathname === '/center/list.action') return 'orders';
    return undefined;
  },
  listings(root, url) {
    const kind = this.pageKind(url);
    if (kind === 'search') return searchListings(root);
    if (kind === 'item') return itemListings(root, url);
    return [];
  },
} satisfies SiteAdapter;
