import { firstOf, fitListing, priceFenOf, textOf } from './dom';
import type { SiteAdapter } from './types';

const DETAIL_PATH = /^\/pages\/detail\/([A-Za-z0-9_-]+)/;

/**
 * The 832 platform (脱贫地区农副产品网络销售平台): every supplier there is in a
 * poverty county. Its detail page is a uni-app page: fields named after the
 * data (productFullName, supplierName, delivery address).
 */
export const fupin832 = {
  id: 'fupin832',
  name: '832 平台',
  hosts: [/(^|\.)fupin832\.com$/],
  examples: {
    item: [
      'https://www.fupin832.com/pages/detail/1234567',
      'https://www.fupin832.com/pages/detail/SKU20241101?from=search',
    ],
  },
  pageKind(url) {
    return DETAIL_PATH.test(url.pathname) ? 'item' : undefined;
  },
  listings(root, url) {
    const sku = DETAIL_PATH.exec(url.pathname)?.[1];
    const titleEl = firstOf(root, ['[class*="productFullName"]', '[class*="product-full-name"]', '.goods-name']);
    const title = textOf(titleEl);
    if (!sku || !titleEl || !title) return [];
    const delivery = [
      ...root.querySelectorAll(
        '[class*="delivery"] [class*="province"], [class*="delivery"] [class*="city"], [class*="delivery"] [class*="district"]',
      ),
    ]
      .map(textOf)
      .filter(Boolean)
      .join(' ');
    return [
      {
        card: titleEl,
        anchor: titleEl,
        listing: fitListing({
          site: 'fupin832',
          itemId: sku,
          title,
          shopName: textOf(firstOf(root, ['[class*="supplierName"]', '[class*="supplier-name"]'])),
          priceFen: priceFenOf(firstOf(root, ['[class*="salePrice"]', '[class*="price"]'])),
          location: delivery,
          url: `https://www.fupin832.com/pages/detail/${sku}`,
        }),
      },
    ];
  },
} satisfies SiteAdapter;
