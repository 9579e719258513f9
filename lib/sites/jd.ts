import {
  CLOSED_ORDER,
  compact,
  firstOf,
  fitListing,
  isoDateIn,
  priceFenOf,
  splitByQuantity,
  spotsIn,
  textOf,
  titleOrText,
} from './dom';
import type { FoundListing, FoundOrder, SiteAdapter } from './types';

// Search cards, every era still served: the classic list to 2025 and the
// plugin card grid from 2025. `data-sku` also sits on buttons inside classic
// cards, so cards are selected by their own class, never by `[data-sku]` alone.
const SEARCH_CARD = 'li.gl-item[data-sku], .plugin_goodsCardWrapper[data-sku]';

// Where a badge is seen on each era's card, best first: beside the price, beside
// the shop, on its own line after the title block (titles are clamped to two lines).
const SPOTS_2025 = [
  ['[class*="_priceContainer_"]', 'append'],
  ['[class*="goods_shop_container"]', 'append'],
  ['[class*="goods_title_container"]', 'after'],
] as const;
const SPOTS_CLASSIC = [
  ['.p-price', 'append'],
  ['.p-shop', 'append'],
  ['.p-name', 'after'],
] as const;

function searchListings(root: ParentNode): FoundListing[] {
  const found: FoundListing[] = [];
  for (const card of root.querySelectorAll(SEARCH_CARD)) {
    const itemId = card.getAttribute('data-sku')?.trim();
    // Each era's own selectors: no failed queries on the hot path.
    const era2025 = card.classList.contains('plugin_goodsCardWrapper');
    const titleEl = card.querySelector(era2025 ? '[class*="goods_title_container"] span[title]' : '.p-name em');
    const title = era2025 ? titleOrText(titleEl) : textOf(titleEl);
    if (!titleEl || !title || !itemId || !/^\d+$/.test(itemId)) continue;
    // Classic cards of some categories keep the shop in .p-shopnum rather than .p-shop.
    const shopEl = card.querySelector(
      era2025 ? '[class*="goods_shop_container"] span[title]' : '.p-shop .curr-shop, .p-shopnum .curr-shop',
    );
    const priceEl = card.querySelector(era2025 ? '[class*="_price_"]' : '.p-price strong i');
    // The badge goes after the title's link, so clicking it never opens the item.
    const anchor = titleEl.closest('.p-name a') ?? titleEl;
    found.push({
      card,
      anchor,
      spots: spotsIn(card, era2025 ? SPOTS_2025 : SPOTS_CLASSIC),
      listing: fitListing({
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
      listing: fitListing({
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

/**
 * 我的订单 (order.jd.com/center/list.action): one `tbody` per order in
 * `table.order-tb`; the order's time, number and shop in its head row; items
 * as `div.goods-item.p-<sku>` with `div.goods-number` (x2); the order's total
 * and status in cells beside the first item. The list shows no item prices.
 */
function orderList(root: ParentNode): FoundOrder[] {
  const orders: FoundOrder[] = [];
  for (const body of root.querySelectorAll('table.order-tb > tbody')) {
    const orderNo = textOf(body.querySelector('span.number a')).replace(/\D/g, '');
    const date = isoDateIn(
      body.querySelector('span.dealtime')?.getAttribute('title') ?? textOf(body.querySelector('span.dealtime')),
    );
    const totalFen = priceFenOf(body.querySelector('div.amount'));
    if (!orderNo || !date || totalFen === undefined) continue;
    const status = textOf(body.querySelector('.order-status'));
    const goods = [...body.querySelectorAll('div.goods-item')].flatMap((item) => {
      const itemId = /(?:^|\s)p-(\d+)(?:\s|$)/.exec(item.className)?.[1];
      const title = titleOrText(item.querySelector('.p-name a'));
      if (!itemId || !title) return [];
      const number = item.parentElement?.querySelector('.goods-number');
      const quantity = Number(/\d+/.exec(textOf(number))?.[0] ?? 1) || 1;
      return [{ itemId, title, quantity }];
    });
    if (!goods.length) continue;
    const amounts = splitByQuantity(
      totalFen,
      goods.map((g) => g.quantity),
    );
    orders.push(
      compact<FoundOrder>({
        site: 'jd',
        orderNo,
        date,
        status,
        closed: CLOSED_ORDER.test(status),
        shopName: textOf(body.querySelector('.order-shop .shop-txt')) || undefined,
        totalFen,
        items: goods.map((g, i) =>
          compact({ ...g, amountFen: amounts[i] as number, amountEstimated: goods.length > 1 ? true : undefined }),
        ),
      }),
    );
  }
  return orders;
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
  orders(root, url) {
    return this.pageKind(url) === 'orders' ? orderList(root) : [];
  },
  orderListAnchors: ['table.order-tb'],
} satisfies SiteAdapter;
