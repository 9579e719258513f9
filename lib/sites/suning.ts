import { firstOf, fitListing, priceFenOf, textOf, titleOrText } from './dom';
import type { SiteAdapter } from './types';

const ITEM_PATH = /^\/(\d+)\/(\d+)\.html$/;

export const suning = {
  id: 'suning',
  name: '苏宁易购',
  hosts: [/(^|\.)suning\.com$/],
  examples: {
    item: [
      'https://product.suning.com/0070067633/11001203841.html',
      'https://product.suning.com/0000000000/10584375566.html?srcpoint=x',
    ],
  },
  pageKind(url) {
    return url.hostname === 'product.suning.com' && ITEM_PATH.test(url.pathname) ? 'item' : undefined;
  },
  listings(root, url) {
    const m = ITEM_PATH.exec(url.pathname);
    const titleEl = root.querySelector('#itemDisplayName');
    const title = textOf(titleEl);
    if (!m || !titleEl || !title) return [];
    const shopEl = firstOf(root, ['.header-shop-name', '#curShopName', '.shop-name', '.si-intro-list .name']);
    return [
      {
        card: titleEl,
        anchor: titleEl,
        listing: fitListing({
          site: 'suning',
          itemId: m[2],
          title,
          shopName: titleOrText(shopEl),
          priceFen: priceFenOf(root.querySelector('#promotionPrice')),
          url: `https://product.suning.com/${m[1]}/${m[2]}.html`,
        }),
      },
    ];
  },
} satisfies SiteAdapter;
