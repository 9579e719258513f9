/**
 * The shops we support, as match patterns. This is the single list the
 * manifest's host permissions and the content script's `matches` come from:
 * no `<all_urls>`, ever.
 */
export const SHOP_HOST_PATTERNS = [
  '*://*.jd.com/*',
  '*://*.taobao.com/*',
  '*://*.tmall.com/*',
  '*://mobile.yangkeduo.com/*',
  '*://*.suning.com/*',
  '*://*.fupin832.com/*',
] as const;
