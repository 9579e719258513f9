/**
 * Where a purchase was made (DESIGN §1, §3): the statistics count 832, the
 * counters, pavilions and zones, e-commerce and offline sales apart, and a
 * unit's canteen share (预留份额) is met only on the 832 platform.
 */
export const CHANNELS = ['832平台', '消费帮扶专柜', '专馆', '专区', '电商平台', '线下'] as const;
export type Channel = (typeof CHANNELS)[number];

// A shop's name tells a relief pavilion or zone inside a marketplace (淘宝 中国特产·平利扶贫馆, 京东 扶贫频道专区).
const COUNTER = /专柜|智能柜|帮扶柜/;
const PAVILION = /扶贫馆|帮扶馆|特产馆|地方馆|振兴馆|专馆|(?:特色|农特|名优)[^\s]{0,6}馆$/;
const ZONE = /专区|扶贫频道|帮扶频道|消费帮扶频道/;

/** The e-commerce sites we read (lib/match/listing SITE_IDS, less 832) and what people call them. */
const E_COMMERCE =
  /^(jd|taobao|tmall|pinduoduo|suning|other)$|京东|淘宝|天猫|拼多多|苏宁|抖音|快手|电商|网购|美团|饿了么/i;

/**
 * The channel of a purchase as logged: the 832 platform by its site, a
 * counter, pavilion or zone by the shop's name, then e-commerce by the site,
 * otherwise offline. The user can change it in the form.
 */
export function channelFor(purchase: { platform?: string; shop?: string }): Channel {
  const platform = purchase.platform?.trim() ?? '';
  const shop = purchase.shop?.trim() ?? '';
  if (/^(fupin832|832)$|832/.test(platform)) return '832平台';
  if (COUNTER.test(shop)) return '消费帮扶专柜';
  if (PAVILION.test(shop)) return '专馆';
  if (ZONE.test(shop)) return '专区';
  if (platform && platform !== 'offline' && E_COMMERCE.test(platform)) return '电商平台';
  return '线下';
}

/**
 * A 渠道 cell of a member file, ours or hand-filled (832 / 832平台 / 京东 /
 * 专柜 / 线下直购 …); undefined when it names no channel we know.
 */
export function channelOfLabel(text: string): Channel | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (!t) return undefined;
  if ((CHANNELS as readonly string[]).includes(t)) return t as Channel;
  if (/832|脱贫地区农副产品网络销售平台|贫困地区农副产品网络销售平台/.test(t)) return '832平台';
  if (/专柜/.test(t)) return '消费帮扶专柜';
  if (/馆/.test(t)) return '专馆';
  if (/专区/.test(t)) return '专区';
  if (E_COMMERCE.test(t)) return '电商平台';
  if (/线下|现场|直购|实体|门店|超市|市场|offline/i.test(t)) return '线下';
  return undefined;
}
