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
import type { BadgeSpot, FoundListing, FoundOrder, SiteAdapter } from './types';

const ID_IN_HREF = /[?&]id=(\d{6,})/;

/** Taobao and Tmall item pages, every era: shared by both adapters. */
export function alibabaItemListing(root: ParentNode, url: URL, site: 'taobao' | 'tmall'): FoundListing[] {
  const itemId = ID_IN_HREF.exec(url.search)?.[1];
  const titleEl = firstOf(root, [
    '[class^="ItemHeader--mainTitle"]',
    '[class*="mainTitle--"]',
    '#J_Title .tb-main-title',
    '.tb-detail-hd h1',
  ]);
  if (!itemId || !titleEl) return [];
  const title = titleEl.getAttribute('data-title')?.trim() || textOf(titleEl);
  if (!title) return [];
  const shopEl = firstOf(root, [
    '[class^="ShopHeader--title"]',
    '[class*="shopName--"]',
    '.tb-shop-name',
    '.slogo-shopname strong',
    '.slogo-shopname',
  ]);
  const priceEl = firstOf(root, ['[class*="highlightPrice"]', 'em.tb-rmb-num', '.tm-price']);
  return [
    {
      card: titleEl,
      anchor: titleEl,
      listing: fitListing({
        site,
        itemId,
        title,
        shopName: titleOrText(shopEl),
        priceFen: priceFenOf(priceEl),
        url:
          site === 'tmall'
            ? `https://detail.tmall.com/item.htm?id=${itemId}`
            : `https://item.taobao.com/item.htm?id=${itemId}`,
      }),
    },
  ];
}

/** One search card of any era, from its parts. */
function card(
  el: Element,
  parts: {
    itemId?: string;
    titleEl: Element | null;
    shopEl: Element | null;
    priceEl: Element | null;
    placeEl: Element | null;
    spots: BadgeSpot[];
    tmall?: boolean;
  },
): FoundListing | undefined {
  const { itemId, titleEl } = parts;
  const title = titleEl?.getAttribute('title')?.trim() || textOf(titleEl);
  if (!itemId || !titleEl || !title) return undefined;
  return {
    card: el,
    anchor: titleEl,
    spots: parts.spots,
    listing: fitListing({
      site: parts.tmall ? 'tmall' : 'taobao',
      itemId,
      title,
      shopName: textOf(parts.shopEl),
      priceFen: priceFenOf(parts.priceEl),
      location: textOf(parts.placeEl),
      url: `https://item.taobao.com/item.htm?id=${itemId}`,
    }),
  };
}

// Where a badge is seen on each era's card, best first: beside the price, beside
// the shop, on its own line after the title block (titles are clamped).
const SPOTS_2018 = [
  ['.price', 'append'],
  ['.shop', 'append'],
  ['.row-2.title', 'after'],
] as const;
const SPOTS_2023 = [
  ['[class^="Price--priceWrapper"]', 'append'],
  ['[class^="ShopInfo--shopInfo"]', 'append'],
  ['[class^="Title--descWrapper"]', 'after'],
] as const;
const SPOTS_2026 = [
  ['[class*="priceWrapper--"]', 'append'],
  ['[class*="shopInfo--"]', 'append'],
  ['[class*="descWrapper--"]', 'after'],
] as const;

function searchListings(root: ParentNode): FoundListing[] {
  const found: FoundListing[] = [];
  // 2018: rendered list items.
  for (const el of root.querySelectorAll('.item.J_MouserOnverReq')) {
    const link = el.querySelector('a[data-nid]');
    const f = card(el, {
      itemId: link?.getAttribute('data-nid') ?? undefined,
      titleEl: el.querySelector('.row-2 .title a, .title a'),
      shopEl: el.querySelector('.shopname'),
      priceEl: el.querySelector('.price strong'),
      placeEl: el.querySelector('.location'),
      spots: spotsIn(el, SPOTS_2018),
      tmall: Boolean(el.querySelector('.icon-service-tianmao')),
    });
    if (f) found.push(f);
  }
  // 2026: cards whose id carries the item id; their href is often an ad redirect.
  for (const el of root.querySelectorAll('a[id^="item_id_"]')) {
    const f = card(el, {
      itemId: /^item_id_(\d+)$/.exec(el.id)?.[1],
      titleEl: el.querySelector('[class*="title--"][title]'),
      shopEl: el.querySelector('[class*="shopNameText--"]'),
      priceEl: el.querySelector('[class*="priceInt--"]'),
      placeEl: el.querySelector('[class*="procity--"]'),
      spots: spotsIn(el, SPOTS_2026),
      tmall: Boolean(el.querySelector('img[src*="tmall"], [class*="tmall"]')),
    });
    if (f) found.push(f);
  }
  // 2023: hashed-class cards, id in the link.
  for (const el of root.querySelectorAll('[class^="Card--doubleCardWrapper"]')) {
    if (el.closest('a[id^="item_id_"]') || el.matches('a[id^="item_id_"]')) continue;
    const href = (el.matches('a') ? el : (el.closest('a') ?? el.querySelector('a')))?.getAttribute('href') ?? '';
    const f = card(el, {
      itemId: ID_IN_HREF.exec(href)?.[1],
      titleEl: el.querySelector('[class^="Title--title"]'),
      shopEl: el.querySelector('[class^="ShopInfo--shopName"]'),
      priceEl: el.querySelector('[class^="Price--priceWrapper"], [class^="Price--priceInt"]'),
      placeEl: el.querySelector('[class^="Price--procity"]'),
      spots: spotsIn(el, SPOTS_2023),
      tmall: /tmall\.com/.test(href),
    });
    if (f) found.push(f);
  }
  return found;
}

/**
 * 已买到的宝贝 (buyertrade.taobao.com): one `bought-wrapper-mod__trade-order`
 * per order (class names are hashed: matched by prefix); its head holds the
 * date, 订单号 and the shop; each item row its link (id=…), unit price and
 * quantity; the first row also the order's paid total and status.
 */
function boughtList(root: ParentNode): FoundOrder[] {
  const orders: FoundOrder[] = [];
  for (const order of root.querySelectorAll('[class*="bought-wrapper-mod__trade-order___"]')) {
    const head = order.querySelector('[class*="bought-wrapper-mod__head___"]');
    const headText = textOf(head);
    const orderNo = /订单号[:：]?\s*(\d{8,})/.exec(headText)?.[1];
    const date = isoDateIn(textOf(head?.querySelector('[class*="bought-wrapper-mod__create-time___"]')) || headText);
    if (!head || !orderNo || !date) continue;
    let totalFen: number | undefined;
    let status = '';
    const items: { itemId: string; title: string; quantity: number; priceFen?: number }[] = [];
    for (const row of order.querySelectorAll('tbody:not([class*="bought-wrapper-mod__head___"]) > tr')) {
      const link = row.querySelector('[class*="suborder-mod__production___"] a[href*="id="]');
      const itemId = /[?&]id=(\d+)/.exec(link?.getAttribute('href') ?? '')?.[1];
      const cells = [...row.children];
      if (itemId) {
        const title = textOf(row.querySelector('[class*="suborder-mod__production___"] p a')) || textOf(link);
        const priceFen = priceFenOf(cells[1]?.querySelector('[class*="price-mod__price___"]'));
        const quantity = Number(/\d+/.exec(textOf(cells[2]))?.[0] ?? 1) || 1;
        if (title) items.push(compact({ itemId, title, quantity, priceFen }));
      }
      // The order's paid total and its state sit in the cells that span its rows.
      const paid = cells[4]?.querySelector('[class*="price-mod__price___"]');
      if (paid && totalFen === undefined) totalFen = priceFenOf(paid);
      if (!status && cells[5]) status = textOf(cells[5].querySelector('p') ?? cells[5]);
    }
    if (!items.length || totalFen === undefined) continue;
    // Item prices × quantities, unless the order was discounted: then its total, shared by quantity.
    const listed = items.reduce((sum, it) => sum + (it.priceFen ?? 0) * it.quantity, 0);
    const exact = items.length === 1 || listed === totalFen;
    const shares = splitByQuantity(
      totalFen,
      items.map((it) => it.quantity),
    );
    orders.push(
      compact<FoundOrder>({
        site: 'taobao',
        orderNo,
        date,
        status,
        closed: CLOSED_ORDER.test(status),
        shopName: textOf(head.querySelector('[class*="seller-mod__name___"]')) || undefined,
        totalFen,
        items: items.map((it, i) =>
          compact({
            itemId: it.itemId,
            title: it.title,
            quantity: it.quantity,
            amountFen: items.length === 1 ? totalFen : exact ? (it.priceFen ?? 0) * it.quantity : (shares[i] as number),
            amountEstimated: exact ? undefined : true,
          }),
        ),
      }) as FoundOrder,
    );
  }
  return orders;
}

export const taobao = {
  id: 'taobao',
  name: '淘宝',
  hosts: [/(^|\.)taobao\.com$/],
  examples: {
    search: ['https://s.taobao.com/search?q=黄花菜', 'https://s.taobao.com/search?page=2&q=%E8%84%90%E6%A9%99&tab=all'],
    item: [
      'https://item.taobao.com/item.htm?id=562283240178',
      'https://item.taobao.com/item.htm?spm=a1z10&id=600123456789',
    ],
    orders: ['https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm'],
  },
  pageKind(url) {
    if (url.hostname === 's.taobao.com' && /^\/(search|list)/.test(url.pathname)) return 'search';
    if (url.hostname === 'item.taobao.com' && url.pathname === '/item.htm' && ID_IN_HREF.test(url.search))
      return 'item';
    if (url.hostname === 'buyertrade.taobao.com' && url.pathname === '/trade/itemlist/list_bought_items.htm')
      return 'orders';
    return undefined;
  },
  listings(root, url) {
    const kind = this.pageKind(url);
    if (kind === 'search') return searchListings(root);
    if (kind === 'item') return alibabaItemListing(root, url, 'taobao');
    return [];
  },
  orders(root, url) {
    return this.pageKind(url) === 'orders' ? boughtList(root) : [];
  },
  orderListAnchors: ['[class*="index-mod__order-container___"]'],
} satisfies SiteAdapter;
