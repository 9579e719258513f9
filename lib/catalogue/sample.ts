import type { CatalogueSource } from '../db/entities';
import type { ReliefDb } from '../db/schema';
import { type CatalogueImportPlan, planCatalogueImport } from './rows';
import { SAMPLE_SOURCE_ID } from './sample-id';
import { writeSource } from './store';

export { isSampleEntryId, SAMPLE_SOURCE_ID } from './sample-id';

/**
 * The sample catalogue loaded on first install, so that badges show before
 * anyone imports an official list. Every supplier here is invented (no real
 * company's certification is claimed); the products and counties are real
 * poverty-area specialities. Marked 示例 everywhere and removable.
 */
export const SAMPLE_SOURCE_NAME = '示例目录（非官方，仅供体验）';

const HEADERS = [
  '证书编号',
  '产品名称',
  '供应商',
  '省份',
  '地市',
  '县',
  '产品类别',
  '规格',
  '认定日期',
  '有效期至',
  '状态',
  '目录批次',
  '平台',
  '店铺名称',
  '商品编号',
];

// One row per line, in the order of HEADERS (a CSV without quotes: no value holds a comma).
const ROWS: string[][] = `
SL-500229-001,城口老腊肉,城口县巴山老腊肉农民专业合作社,重庆市,重庆市,城口县,肉类,500g,2020-09-02,2027-12-31,有效,示例第一批,京东,巴山老腊肉旗舰店,100023456781
SL-420527-002,秭归脐橙,秭归县屈乡脐橙种植专业合作社,湖北省,宜昌市,秭归县,水果,5kg,2020-09-02,2027-12-31,有效,示例第一批,,,
SL-511921-003,通江银耳,通江县银耳产业开发有限公司,四川省,巴中市,通江县,食用菌,250g,2020-09-02,2027-12-31,有效,示例第一批,,,
SL-430923-004,安化黑茶,安化县梅山黑茶有限公司,湖南省,益阳市,安化县,茶叶,1kg,2020-09-02,2027-12-31,有效,示例第一批,天猫,梅山黑茶旗舰店,
SL-360734-005,寻乌蜜桔,寻乌县果业发展有限公司,江西省,赣州市,寻乌县,水果,5kg,2020-09-02,2027-12-31,有效,示例第一批,,,
SL-610924-006,紫阳富硒茶,紫阳县汉江茶业有限公司,陕西省,安康市,紫阳县,茶叶,250g,2020-09-02,2027-12-31,有效,示例第一批,京东,汉江茶业旗舰店,
SL-611026-007,柞水木耳,柞水县秦岭木耳开发有限公司,陕西省,商洛市,柞水县,食用菌,500g,2020-09-02,2027-12-31,有效,示例第一批,,,
SL-610827-008,米脂小米,米脂县黄土地小米专业合作社,陕西省,榆林市,米脂县,粮油,2.5kg,2020-09-02,2027-12-31,有效,示例第一批,,,
SL-341321-009,砀山酥梨,砀山县梨园果业有限公司,安徽省,宿州市,砀山县,水果,5kg,2020-09-02,2027-12-31,有效,示例第一批,,,
SL-150430-010,敖汉小米,敖汉旗杂粮种植专业合作社,内蒙古自治区,赤峰市,敖汉旗,粮油,5kg,2020-09-02,2027-12-31,有效,示例第一批,,,
SL-610124-011,周至猕猴桃,周至县秦岭猕猴桃专业合作社,陕西省,西安市,周至县,水果,3kg,2020-09-02,2027-12-31,有效,示例第一批,,,
SL-610528-012,富平柿饼,富平县柿乡柿饼专业合作社,陕西省,渭南市,富平县,干果,1kg,2020-09-02,2027-12-31,有效,示例第一批,,,
SL-513233-013,红原牦牛奶粉,红原县高原牦牛乳业有限公司,四川省,阿坝藏族羌族自治州,红原县,乳品,400g,2020-09-02,2027-12-31,有效,示例第一批,,,
SL-610926-014,平利绞股蓝,平利县女娲绞股蓝茶业有限公司,陕西省,安康市,平利县,茶叶,250g,2020-09-02,2027-12-31,有效,示例第一批,,,
SL-610981-015,旬阳拐枣,旬阳县拐枣产业有限公司,陕西省,安康市,旬阳市,干果,1kg,2019-05-01,2024-06-30,,示例第一批,京东,旬阳拐枣旗舰店,
SL-522732-016,三都水晶葡萄,三都县水族葡萄种植专业合作社,贵州省,黔南布依族苗族自治州,三都水族自治县,水果,5kg,2020-09-02,2027-12-31,撤销,示例第一批,,,
SL-341522-017,霍邱柳编果篮,霍邱县淮河柳编工艺品有限公司,安徽省,六安市,霍邱县,手工艺品,个,2020-09-02,2027-12-31,有效,示例第一批,,,
SL-532530-018,金平草果,金平县草果种植专业合作社,云南省,红河哈尼族彝族自治州,金平苗族瑶族傣族自治县,调味品,500g,2020-09-02,2027-12-31,有效,示例第一批,,,
SL-431322-019,新化黄精,新化县梅山黄精开发有限公司,湖南省,娄底市,新化县,干货,500g,2020-09-02,2027-12-31,有效,示例第一批,,,
SL-522327-020,册亨糯米蕉,册亨县布依蕉业有限公司,贵州省,黔西南布依族苗族自治州,册亨县,水果,5kg,2020-09-02,2027-12-31,有效,示例第一批,,,
SL-621125-021,漳县蜂蜜,漳县岷山蜂业专业合作社,甘肃省,定西市,漳县,蜂产品,500g,2020-09-02,2027-12-31,有效,示例第一批,,,
SL-653024-022,乌恰牦牛肉干,乌恰县帕米尔肉制品有限公司,新疆维吾尔自治区,克孜勒苏柯尔克孜自治州,乌恰县,肉类,250g,2020-09-02,2027-12-31,有效,示例第一批,,,
SL-360730-023,宁都黄鸡,宁都县赣南黄鸡养殖专业合作社,江西省,赣州市,宁都县,禽类,只,2020-09-02,2027-12-31,有效,示例第一批,,,
SL-140927-024,神池胡麻油,神池县塞上胡麻油有限公司,山西省,忻州市,神池县,粮油,5L,2020-09-02,2027-12-31,有效,示例第一批,,,
`
  .trim()
  .split('\n')
  .map((line) => line.split(','));

/** The sample as an import plan, validated by the same rules as any file. */
export function sampleCataloguePlan(today: string): CatalogueImportPlan {
  return planCatalogueImport(
    { format: 'json', headers: HEADERS, rows: ROWS.map((cells, i) => ({ rowNumber: i + 2, cells })), formulaCells: [] },
    { sourceId: SAMPLE_SOURCE_ID, today },
  );
}

export function sampleSource(rowCount: number, importedAt: string): CatalogueSource {
  return { id: SAMPLE_SOURCE_ID, name: SAMPLE_SOURCE_NAME, rowCount, importedAt, sample: true, publisher: '示例' };
}

/** Loads the sample catalogue, only into an empty catalogue (first install). */
export async function installSampleCatalogue(db: ReliefDb, now: Date = new Date()): Promise<boolean> {
  if ((await db.catalogueSources.count()) > 0) return false;
  const today = now.toISOString().slice(0, 10);
  const plan = sampleCataloguePlan(today);
  await writeSource(db, sampleSource(plan.entries.length, now.toISOString()), plan.entries);
  return true;
}
