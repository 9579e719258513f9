/**
 * The end-to-end cases both browsers run: the fixture pages and how they are
 * served at their real addresses, and what a person should see on them.
 * tests/e2e (Chromium) and tests/e2e-firefox (Firefox) read them from here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

export const FIXTURES = join(process.cwd(), 'tests/fixtures');
/**
 * The real page captures stay in ../shared/fixtures (data taken from public repositories is never copied
 * here); a fixture path `shared:pages/…` names one of them. CI has ../shared beside the clone.
 */
export const SHARED_FIXTURES = join(process.cwd(), '../shared/fixtures');
const SHARED = 'shared:';

export const fixturePath = (file: string) =>
  file.startsWith(SHARED) ? join(SHARED_FIXTURES, file.slice(SHARED.length)) : join(FIXTURES, file);

/** Why a case cannot run here (its real capture is in an absent ../shared), or false. */
export const missingFixture = (file: string): string | false =>
  existsSync(fixturePath(file)) ? false : `${fixturePath(file)} is not here (../shared is absent): skipped`;

export interface ServedPage {
  /** Exact URL, or a test on the URL. */
  url: string | ((url: string) => boolean);
  file: string;
  charset?: string;
  /** A stylesheet (a fixture path) put into the page's head: the shop's layout rules a real capture only links to. */
  css?: string;
}

/** Puts a stylesheet's text at the end of the page's head (or its start, when it has none). */
export function withStyles(html: string, css: string): string {
  const style = `<style data-fixture-styles>${css}</style>`;
  return /<\/head>/i.test(html) ? html.replace(/<\/head>/i, () => `${style}</head>`) : `${style}${html}`;
}

/**
 * Fixture pages are served with their scripts turned off (type="text/plain"
 * stands first, so it wins): the shops' code would only try to reach networks
 * we abort, and its failures would hide ours. The script text stays in the
 * page, where adapters read embedded data (Pinduoduo's window.rawData).
 */
export function disableScripts(html: string): string {
  return html.replace(/<script\b/gi, '<script type="text/plain"');
}

/** The page served at `url`, if any: every other web request is aborted. */
export function servedAt(served: readonly ServedPage[], url: string): ServedPage | undefined {
  return served.find((p) => (typeof p.url === 'string' ? p.url === url : p.url(url)));
}

/** A fixture page's response: in the file's own encoding (Tmall pages may be GBK), scripts off. */
export function fixtureResponse(page: ServedPage): { status: number; contentType: string; body: Buffer } {
  const bytes = readFileSync(fixturePath(page.file));
  const charset = page.charset ?? 'utf-8';
  let html = disableScripts(iconv.decode(bytes, charset));
  if (page.css) html = withStyles(html, readFileSync(join(FIXTURES, page.css), 'utf8'));
  return { status: 200, contentType: `text/html; charset=${charset}`, body: iconv.encode(html, charset) };
}

/** The catalogue the badge cases are matched against (it replaces the sample catalogue). */
export const BADGE_CATALOGUE = 'catalogues/badges.csv';

/** Every supported page, the cards it has, and exactly which of them get which badge. */
export const BADGE_PAGES: {
  name: string;
  url: string;
  file: string;
  charset?: string;
  /** The shop's layout rules, for a real capture that only links to its stylesheet. */
  css?: string;
  /** A search layout: cards with clamped titles and clipping boxes. */
  search?: boolean;
  cards: number;
  badges: Record<string, string>;
}[] = [
  {
    name: 'JD search 2018 (real)',
    url: 'https://search.jd.com/Search?keyword=%E6%BF%80%E5%85%89%E6%89%93%E5%8D%B0',
    file: 'shared:pages/jd-search-2018.html',
    css: 'pages/styles/jd-search-2018.css',
    search: true,
    cards: 30,
    badges: { '778781': 'certified', '216237': 'certified', '1145689': 'expired' },
  },
  {
    name: 'JD search 2025',
    url: 'https://search.jd.com/Search?keyword=%E8%85%8A%E8%82%89',
    file: 'pages/jd-search-2025.html',
    search: true,
    cards: 8,
    badges: {
      '100023456781': 'certified',
      '100023456782': 'poverty-area',
      '100023456784': 'expired',
      '100023456786': 'poverty-area',
      '100023456788': 'certified',
    },
  },
  {
    name: 'JD item, old',
    url: 'https://item.jd.com/100023456781.html',
    file: 'pages/jd-item-old.html',
    cards: 1,
    badges: { '100023456781': 'certified' },
  },
  {
    name: 'JD item, 2026',
    url: 'https://item.jd.com/100099990001.html',
    file: 'pages/jd-item-2026.html',
    cards: 1,
    badges: { '100099990001': 'certified' },
  },
  {
    name: 'Taobao search 2018 (real)',
    url: 'https://s.taobao.com/search?q=ipad',
    file: 'shared:pages/taobao-search-2018.html',
    css: 'pages/styles/taobao-search-2018.css',
    search: true,
    cards: 48,
    badges: { '566741234264': 'certified', '552647276387': 'expired' },
  },
  {
    name: 'Taobao search 2023',
    url: 'https://s.taobao.com/search?q=%E8%84%90%E6%A9%99',
    file: 'pages/taobao-search-2023.html',
    search: true,
    cards: 4,
    badges: { '700000000001': 'certified', '700000000003': 'poverty-area' },
  },
  {
    name: 'Taobao search 2026',
    url: 'https://s.taobao.com/search?q=%E6%9C%A8%E8%80%B3',
    file: 'pages/taobao-search-2026.html',
    search: true,
    cards: 4,
    badges: { '710000000001': 'certified', '710000000003': 'poverty-area' },
  },
  {
    name: 'Taobao item 2020 (real)',
    url: 'https://item.taobao.com/item.htm?id=562283240178',
    file: 'shared:pages/taobao-item-2020.html',
    cards: 1,
    badges: { '562283240178': 'certified' },
  },
  {
    name: 'Taobao item 2022',
    url: 'https://item.taobao.com/item.htm?id=720000000001',
    file: 'pages/taobao-item-2022.html',
    cards: 1,
    badges: { '720000000001': 'certified' },
  },
  {
    name: 'Tmall item 2022',
    url: 'https://detail.tmall.com/item.htm?id=730000000001',
    file: 'pages/tmall-item-2022.html',
    cards: 1,
    badges: { '730000000001': 'certified' },
  },
  {
    name: 'Tmall item, old, GBK',
    url: 'https://detail.tmall.com/item.htm?id=730000000002',
    file: 'pages/tmall-item-old-gbk.html',
    charset: 'gbk',
    cards: 1,
    badges: { '730000000002': 'certified' },
  },
  {
    name: 'Pinduoduo',
    url: 'https://mobile.yangkeduo.com/goods.html?goods_id=123456789',
    file: 'pages/pinduoduo-goods.html',
    cards: 1,
    badges: { '123456789': 'certified' },
  },
  {
    name: 'Suning',
    url: 'https://product.suning.com/0070067633/11001203841.html',
    file: 'pages/suning-item.html',
    cards: 1,
    badges: { '11001203841': 'certified' },
  },
  {
    name: '832 platform',
    url: 'https://www.fupin832.com/pages/detail/SKU832001',
    file: 'pages/fupin832-detail.html',
    cards: 1,
    badges: { SKU832001: 'poverty-area' },
  },
];

/** A GBK CSV saved by Excel with bad rows: what its import report counts, and what the import says. */
export const GBK_IMPORT = {
  file: 'catalogues/gbk-excel-with-bad-rows.csv',
  source: 'gbk-excel-with-bad-rows',
  valid: 5,
  rejected: 3,
  duplicates: 1,
  /** Rejected rows, named with their row, column and reason, in Chinese as the file was. */
  rejectedRows: [/5.*产品名称.*缺少产品名称/, /7.*认定日期.*2021-13-45/],
  done: '已导入 5 条记录',
};

/** A certified item page; its badge's 记一笔 and the popup both log a purchase of it. */
export const ITEM_PAGE = {
  url: 'https://item.jd.com/100023456781.html',
  file: 'pages/jd-item-old.html',
  title: '重庆城口老腊肉 500g 农家柴火烟熏 年货礼盒',
  product: '城口老腊肉',
  shop: '巴山老腊肉旗舰店',
  tierLabel: '认定帮扶产品',
  badgeLabel: /^认定帮扶产品：城口老腊肉，供应商 城口县巴山老腊肉农民专业合作社/,
  panelText: /供应商城口县巴山老腊肉农民专业合作社.*批次测试批.*有效期至2028-12-31/,
};

/** A yearly pledge of 1,000 元, and a purchase of 2 × 88 元 logged from the popup that moves it. */
export const POPUP_PLEDGE = {
  title: (year: number) => `${year} 年消费帮扶认购`,
  targetYuan: '1000',
  targetFen: '100000',
  quantity: '2',
  unitPrice: '88',
  amount: '176.00',
  doneFen: '17600',
  recent: /城口老腊肉 ¥176\.00/,
};
