import { missingFixture } from '../tests/e2e/cases';
/**
 * The shop pages `npm start` opens, served from saved fixtures at their real
 * addresses. With the bundled sample catalogue, they show every badge tier.
 */
export interface DemoPage {
  name: string;
  url: string;
  file: string;
  charset?: string;
}

const ALL_DEMO_PAGES: DemoPage[] = [
  { name: 'jd-orders', url: 'https://order.jd.com/center/list.action', file: 'pages/jd-orders.html' },
  {
    name: 'jd-search-2025',
    url: 'https://search.jd.com/Search?keyword=%E8%85%8A%E8%82%89',
    file: 'pages/jd-search-2025.html',
  },
  { name: 'jd-item-old', url: 'https://item.jd.com/100023456781.html', file: 'pages/jd-item-old.html' },
  {
    name: 'taobao-search-2023',
    url: 'https://s.taobao.com/search?q=%E8%84%90%E6%A9%99',
    file: 'pages/taobao-search-2023.html',
  },
  {
    name: 'taobao-search-2026',
    url: 'https://s.taobao.com/search?q=%E6%9C%A8%E8%80%B3',
    file: 'pages/taobao-search-2026.html',
  },
  {
    name: 'tmall-item-2022',
    url: 'https://detail.tmall.com/item.htm?id=730000000001',
    file: 'pages/tmall-item-2022.html',
  },
  {
    name: 'pinduoduo-goods',
    url: 'https://mobile.yangkeduo.com/goods.html?goods_id=123456789',
    file: 'pages/pinduoduo-goods.html',
  },
  {
    name: 'fupin832-detail',
    url: 'https://www.fupin832.com/pages/detail/SKU832001',
    file: 'pages/fupin832-detail.html',
  },
  {
    name: 'jd-search-2018-real',
    url: 'https://search.jd.com/Search?keyword=%E6%BF%80%E5%85%89%E6%89%93%E5%8D%B0',
    file: 'shared:pages/jd-search-2018.html',
  },
];

/** The pages the demo shows: the real capture only where ../shared holds it. */
export const DEMO_PAGES = ALL_DEMO_PAGES.filter((p) => !missingFixture(p.file));
