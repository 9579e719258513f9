import type { Listing, SiteId } from '../match/listing';
import { parseYuanToFen } from '../money';

/**
 * Share texts of the shop apps, as people paste them from their phones.
 * Examples (the shapes the apps produce; links and codes shortened):
 */
export const SHARE_TEXT_EXAMPLES: { text: string; site: SiteId; title: string }[] = [
  {
    text: '【京东】https://3.cn/1Xy-AbCd 「湘祁 祁东黄花菜干货 500g 湖南特产」\n点击链接直接打开',
    site: 'jd',
    title: '湘祁 祁东黄花菜干货 500g 湖南特产',
  },
  {
    text: '我在京东发现了一个不错的商品，赶快来看看吧。\n【京东】秭归脐橙 伦晚 5斤装\nhttps://item.m.jd.com/product/100012345678.html',
    site: 'jd',
    title: '秭归脐橙 伦晚 5斤装',
  },
  {
    text: '【淘宝】https://m.tb.cn/h.UaBcDeF?tk=aBcD1234xyz CZ3457 「祁东黄花菜干货500g 湖南特产农家自晒金针菜」\n点击链接直接打开 或者 淘宝搜索直接打开',
    site: 'taobao',
    title: '祁东黄花菜干货500g 湖南特产农家自晒金针菜',
  },
  {
    text: '【天猫】https://m.tb.cn/h.XyZ?tk=Q1w2E3 MF6539「屈乡 秭归脐橙 5斤 当季新鲜水果」 点击链接直接打开',
    site: 'tmall',
    title: '屈乡 秭归脐橙 5斤 当季新鲜水果',
  },
  {
    text: '￥19.9 平山核桃 薄皮 2斤装 https://mobile.yangkeduo.com/goods.html?goods_id=321654987&page_from=35 复制这段话在拼多多打开',
    site: 'pinduoduo',
    title: '平山核桃 薄皮 2斤装',
  },
];

const TAGS: Record<string, SiteId> = {
  京东: 'jd',
  淘宝: 'taobao',
  天猫: 'tmall',
  拼多多: 'pinduoduo',
  苏宁易购: 'suning',
};

const HOSTS: [RegExp, SiteId][] = [
  [/(^|\.)(jd\.com|3\.cn|jd\.hk)$/, 'jd'],
  [/(^|\.)tmall\.com$/, 'tmall'],
  [/(^|\.)(taobao\.com|tb\.cn)$/, 'taobao'],
  [/(^|\.)(yangkeduo\.com|pinduoduo\.com)$/, 'pinduoduo'],
  [/(^|\.)suning\.com$/, 'suning'],
  [/(^|\.)fupin832\.com$/, 'fupin832'],
];

// A link as the apps share it, with or without its scheme (item.m.jd.com/product/1.html pasted bare).
const LINK =
  /(?:https?:\/\/[^\s「」【】"'<>]+|(?<![\w.])(?:[\w-]+\.)*(?:jd\.com|jd\.hk|3\.cn|tmall\.com|taobao\.com|tb\.cn|yangkeduo\.com|pinduoduo\.com|suning\.com|fupin832\.com)\/[^\s「」【】"'<>]*)/;
const LINKS = new RegExp(LINK.source, 'g');

// Short links only the shop's servers can resolve: never fetched (nothing leaves the browser).
const SHORT = /^(?:3\.cn|u\.jd\.com|(?:m|e|s)\.tb\.cn|tb\.cn|s\.click\.taobao\.com|p\.pinduoduo\.com)$/;

const SITE_NAMES: Record<SiteId, string> = {
  jd: '京东',
  taobao: '淘宝',
  tmall: '天猫',
  pinduoduo: '拼多多',
  suning: '苏宁易购',
  fupin832: '832 平台',
};

function linkIn(input: string): URL | undefined {
  const found = LINK.exec(input)?.[0];
  if (!found) return undefined;
  try {
    return new URL(/^https?:/i.test(found) ? found : `https://${found}`);
  } catch {
    return undefined;
  }
}

/**
 * The short link a share text holds when it is all there is to read (3.cn,
 * u.jd.com, m.tb.cn …): it cannot be resolved offline, so the popup says so.
 */
export function shortLinkIn(text: string): string | undefined {
  const url = linkIn(text.normalize('NFKC'));
  return url && SHORT.test(url.hostname) ? url.href : undefined;
}

// What the apps wrap around the title: calls to action, tokens, 口令.
const BOILERPLATE = [
  /我在京东发现了一个不错的商品[^\n]*/g,
  /点击链接直接打开/g,
  /或者?\s*淘宝搜索直接打开/g,
  /复制(?:这段话|本条消息)?(?:后)?(?:在|打开)?(?:拼多多|淘宝|京东|天猫)?(?:打开|APP)?/g,
  /[¥￥][A-Za-z0-9]{8,}[¥￥]/g,
  /\b[A-Z]{2}\d{4}\b/g,
  /[¥￥]\s*\d+(?:\.\d{1,2})?/g,
];

function itemIdOf(url: URL): string | undefined {
  const jd = /\/(?:product\/)?(\d{5,})\.html/.exec(url.pathname);
  return (
    url.searchParams.get('goods_id') ??
    url.searchParams.get('id') ??
    (jd && /jd\.com$/.test(url.hostname) ? jd[1] : undefined) ??
    undefined
  );
}

/**
 * Reads a share text: the platform, the product title, the link and item id
 * when the link shows one, and a price when the text states it. Undefined
 * when the text names no shop we know or has no title.
 */
export function parseShareText(text: string): Listing | undefined {
  const input = text.normalize('NFKC').trim();
  if (!input) return undefined;
  const url = linkIn(input);
  const tag = /【(京东|淘宝|天猫|拼多多|苏宁易购)】/.exec(input)?.[1];
  const site: SiteId | undefined =
    (tag && TAGS[tag]) ||
    (url && HOSTS.find(([host]) => host.test(url.hostname))?.[1]) ||
    (/拼多多/.test(input)
      ? 'pinduoduo'
      : /天猫/.test(input)
        ? 'tmall'
        : /淘宝/.test(input)
          ? 'taobao'
          : /京东/.test(input)
            ? 'jd'
            : undefined);
  if (!site) return undefined;

  const quoted = /「([^」]{2,})」/.exec(input)?.[1];
  let title = quoted;
  if (!title) {
    let rest = input.replace(LINKS, ' ').replace(/【[^】]*】/g, '\n');
    for (const pattern of BOILERPLATE) rest = rest.replace(pattern, ' ');
    title = rest
      .split(/\n+/)
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line) => line.length >= 2)
      .sort((a, b) => b.length - a.length)[0];
    // The 【京东】 line itself often is the title.
    const tagged = /【(?:京东|淘宝|天猫|拼多多)】([^\n]+)/.exec(input)?.[1]?.replace(LINKS, '').trim();
    if (tagged && tagged.length >= 2) title = tagged;
  }
  title = title?.replace(/\s+/g, ' ').trim();
  const itemId = url && itemIdOf(url);
  // A bare item link: its id says what it is (the matcher finds it by the shop's item ids).
  if (!title && itemId) title = `${SITE_NAMES[site]}商品 ${itemId}`;
  if (!title) return undefined;

  const price =
    /[¥￥]\s*(\d+(?:\.\d{1,2})?)(?![\dA-Za-z])/.exec(input)?.[1] ?? /(\d+(?:\.\d{1,2})?)\s*元/.exec(input)?.[1];
  const listing: Listing = { site, title: title.slice(0, 500) };
  if (itemId) listing.itemId = itemId;
  if (url) listing.url = url.href.slice(0, 2000);
  const priceFen = price ? parseYuanToFen(price) : undefined;
  if (priceFen !== undefined) listing.priceFen = priceFen;
  return listing;
}
