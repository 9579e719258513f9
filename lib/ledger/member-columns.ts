import { normalizeHeader } from '../tables/headers';

/**
 * The member file (DESIGN §7): what one person hands their coordinator.
 * Sheet 明细 has these columns in this order; a coordinator's import also
 * accepts the aliases, so hand-filled sheets with everyday headers merge too.
 */
export const MEMBER_FORMAT_VERSION = 1;
export const MEMBER_FORMAT_NAME = `消费帮扶助手 明细 v${MEMBER_FORMAT_VERSION}`;

export const MEMBER_COLUMNS = {
  seq: ['序号', 'No.'],
  date: ['日期', '购买日期', '下单日期', '采购日期', 'date'],
  person: ['姓名', '购买人', '采购人', 'name'],
  org: ['单位', '所在单位', '工作单位', 'unit'],
  product: ['产品', '产品名称', '商品名称', '商品', 'product'],
  supplier: ['供应商', '供应商名称', '生产企业', 'supplier'],
  county: ['产地县', '产地', '县', '区县', 'county'],
  certification: ['认定状态', '是否认定', '认定情况', 'certification'],
  batch: ['目录批次', '批次', 'batch'],
  quantity: ['数量', 'quantity'],
  // DESIGN §7 names this column 单位 a second time; 计量单位 keeps the two apart.
  measure: ['计量单位', 'measure'],
  unitPrice: ['单价(元)', '单价', '单价（元）', 'unitPrice'],
  amount: ['金额(元)', '金额', '金额（元）', '实付金额', '实付款(元)', 'amount'],
  channel: ['渠道', '平台', '购买渠道', '销售平台', 'channel'],
  funding: ['资金来源', 'funding'],
  type: ['类型', '购买类型', 'type'],
  orderNo: ['订单号', '订单编号', 'orderNo'],
  note: ['备注', 'note'],
} as const;

/**
 * Columns read from hand-filled sheets only: our files carry them in 说明, so
 * 明细 keeps the columns of DESIGN §7.
 */
export const MEMBER_EXTRA_COLUMNS = {
  department: ['部门', '所在部门', '处室', '科室', 'department'],
} as const;

export type MemberField = keyof typeof MEMBER_COLUMNS;
/** A column the coordinator's import reads: one of 明细's, or an extra one of a hand-filled sheet. */
export type MemberReadField = MemberField | keyof typeof MEMBER_EXTRA_COLUMNS;
export const MEMBER_FIELDS = Object.keys(MEMBER_COLUMNS) as MemberField[];
/** Each field's header as our files write it (the first alias), also what messages name. */
export const MEMBER_LABELS = Object.fromEntries(MEMBER_FIELDS.map((f) => [f, MEMBER_COLUMNS[f][0]])) as Record<
  MemberField,
  string
>;
export const MEMBER_HEADERS: string[] = MEMBER_FIELDS.map((f) => MEMBER_LABELS[f]);
export const REQUIRED_MEMBER_FIELDS: readonly MemberField[] = ['date', 'product', 'amount'];

const LOOKUP = new Map<string, MemberReadField>();
for (const field of MEMBER_FIELDS) for (const alias of MEMBER_COLUMNS[field]) LOOKUP.set(normalizeHeader(alias), field);
for (const [field, aliases] of Object.entries(MEMBER_EXTRA_COLUMNS) as [MemberReadField, readonly string[]][]) {
  for (const alias of aliases) LOOKUP.set(normalizeHeader(alias), field);
}

export const isMemberHeader = (cell: string) => LOOKUP.has(normalizeHeader(cell));

/**
 * Maps each header to its field. A second 单位 right after 数量 is the
 * measure unit, as people write it by hand (数量 | 单位 | 单价).
 */
export function mapMemberHeaders(headers: readonly string[]): (MemberReadField | undefined)[] {
  const taken = new Set<MemberReadField>();
  return headers.map((header, i) => {
    let field = LOOKUP.get(normalizeHeader(header));
    if (field === 'org' && (taken.has('org') || LOOKUP.get(normalizeHeader(headers[i - 1] ?? '')) === 'quantity')) {
      field = 'measure';
    }
    if (!field || taken.has(field)) return undefined;
    taken.add(field);
    return field;
  });
}

/** 认定状态 as written in the file, by the tier the purchase had when it was logged. */
export const CERTIFICATION_LABELS = {
  certified: '已认定',
  expired: '认定已过期',
  'poverty-area': '脱贫地区产品',
  unsold: '本地滞销',
  none: '未认定',
} as const;
export type CertificationLabel = keyof typeof CERTIFICATION_LABELS;

/** Reads a 认定状态 cell back; hand-filled sheets write 是 / 否 or 有效 / 过期. */
export function certificationOfLabel(text: string): CertificationLabel {
  const t = text.trim();
  if (/^(已认定|是|有效|认定|认定帮扶产品|certified)$/i.test(t)) return 'certified';
  if (/过期|撤销|失效|expired/i.test(t)) return 'expired';
  if (/脱贫地区|poverty/i.test(t)) return 'poverty-area';
  if (/滞销|unsold/i.test(t)) return 'unsold';
  return 'none';
}

/** Keys of the 说明 sheet. */
export const README_KEYS = {
  format: '格式版本',
  person: '姓名',
  org: '单位',
  department: '部门',
  employeeNo: '工号',
  exportedAt: '导出时间',
  period: '统计期间',
  rowCount: '记录条数',
  total: '金额合计(元)',
} as const;
