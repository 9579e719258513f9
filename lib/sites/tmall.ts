import { alibabaItemListing } from './taobao';
import type { SiteAdapter } from './types';

/** Tmall item pages (its search runs on s.taobao.com, under the Taobao adapter). */
export const tmall = {
  id: 'tmall',
  name: '天猫',
  hosts: [/(^|\.)tmall\.com$/],
  examples: {
    item: [
      'https://detail.tmall.com/item.htm?id=600123456789',
      'https://chaoshi.detail.tmall.com/item.htm?spm=a3204&id=612345678901',
    ],
  },
  pageKind(url) {
    if (
      /(^|\.)detail\.tmall\.com$/.test(url.hostname) &&
      url.pathname === '/item.htm' &&
      /[?&]id=\d+/.test(url.search)
    ) {
      return 'item';
    }
    return undefined;
  },
  listings(root, url) {
    return this.pageKind(url) === 'item' ? alibabaItemListing(root, url, 'tmall') : [];
  },
} satisfies SiteAdapter;
