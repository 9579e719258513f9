import type { UnsoldDraft } from './entry';

/** The register's file columns, Chinese first, with the headers hand-made registers use. */
export const UNSOLD_COLUMNS: { field: keyof UnsoldDraft; headers: string[] }[] = [
  { field: 'product', headers: ['产品', '产品名称', '品名', '农产品'] },
  { field: 'variety', headers: ['品种'] },
  { field: 'quantity', headers: ['数量', '滞销数量', '总数量'] },
  { field: 'openQuantity', headers: ['剩余数量', '待售数量'] },
  { field: 'unit', headers: ['单位', '计量单位'] },
  { field: 'expectedPrice', headers: ['预期价格(元)', '预期价格', '价格', '单价'] },
  { field: 'harvestStart', headers: ['采收开始', '上市时间', '采收期开始'] },
  { field: 'harvestEnd', headers: ['采收结束', '采收期结束', '最晚销售时间'] },
  { field: 'perishable', headers: ['易腐', '是否易腐'] },
  { field: 'county', headers: ['县', '区县', '所在县', '县(市、区)'] },
  { field: 'township', headers: ['乡镇', '乡(镇)'] },
  { field: 'village', headers: ['村', '行政村'] },
  { field: 'producer', headers: ['生产者', '农户', '户主', '经营主体', '合作社'] },
  { field: 'householdType', headers: ['农户类型', '类型'] },
  { field: 'contact', headers: ['联系人'] },
  { field: 'phone', headers: ['电话', '联系电话', '手机'] },
  { field: 'cause', headers: ['滞销原因', '原因'] },
  { field: 'status', headers: ['状态'] },
];
export const PHONE_HEADER = '电话';

/** The register's sheet, as an exported workbook names it. */
export const REGISTER_SHEET = '滞销农产品登记';
/** How the register's file writes a yes/no cell, and the words a hand-made one may use for yes. */
export const YES_NO = { yes: '是', no: '否' } as const;
export const YES = /^(是|易腐|yes|true|1)$/i;
