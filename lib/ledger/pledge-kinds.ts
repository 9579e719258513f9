/**
 * The three kinds of pledge and what each counts (DESIGN §1). The shares and
 * caps differ by province: they are defaults of one editable settings object
 * (lib/settings-defaults `pledgeRules`), never constants of the counting.
 */
export const PLEDGE_KINDS = ['以购代捐', '预留份额', '工会'] as const;
export type PledgeKind = (typeof PLEDGE_KINDS)[number];

/** What a pledge's form asks beyond the target: a union pledge's yearly cap per member, a 以购代捐 pledge's funding source. */
export const PLEDGE_KIND_FIELDS: Record<PledgeKind, { cap: boolean; fundingSource: boolean }> = {
  以购代捐: { cap: false, fundingSource: true },
  预留份额: { cap: false, fundingSource: false },
  工会: { cap: true, fundingSource: false },
};

/** A province's rules: canteen share on 832, union share of gifts and benefits, yearly cap per member. */
export interface PledgeRules {
  /** Which province's published rules these start from (全国 = the national minimum). */
  province: string;
  /** 预留份额: share of 食堂食材采购总额, 0–1. */
  reserveShare: number;
  /** 工会: share of union spending on gifts and benefits to be relief products, 0–1. */
  unionShare: number;
  /** 工会: yearly amount per member, in fen, past which a warning shows; absent = no cap. */
  unionCapFen?: number;
}

/**
 * The published figures we start from: 10% nationally (财政部、农业农村部、国家乡村振兴局 2021, 15% encouraged),
 * 青海 ≥ 15%; 陕西's union rules ≥ 30% with ¥2,200 per member a year. Other provinces start from 全国.
 */
export const PROVINCE_PLEDGE_RULES: Record<string, PledgeRules> = {
  全国: { province: '全国', reserveShare: 0.1, unionShare: 0.3 },
  青海: { province: '青海', reserveShare: 0.15, unionShare: 0.3 },
  陕西: { province: '陕西', reserveShare: 0.1, unionShare: 0.3, unionCapFen: 220000 },
};
export const DEFAULT_PLEDGE_RULES: PledgeRules = PROVINCE_PLEDGE_RULES.全国 as PledgeRules;

/** The rules a province starts from; a province without its own figures takes the national ones. */
export const rulesOfProvince = (province: string): PledgeRules =>
  PROVINCE_PLEDGE_RULES[province.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$/, '')] ?? {
    ...DEFAULT_PLEDGE_RULES,
    province,
  };
