/**
 * Demo data for `npm start`: a year of one person's relief purchases, a
 * pledge, a few unsold goods near home and a profile, so that every page of
 * the dashboard has something to show. Written the way the extension stores
 * them (IndexedDB records and storage.local settings), from an extension page.
 */
export function demoRecords(today: string) {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const items = [
    {
      product: '城口老腊肉',
      supplier: '城口县巴山老腊肉农民专业合作社',
      county: '城口县',
      shop: '巴山老腊肉旗舰店',
      fen: 8800,
      tier: 'certified',
    },
    {
      product: '紫阳富硒茶',
      supplier: '紫阳县汉江茶业有限公司',
      county: '紫阳县',
      shop: '汉江茶业旗舰店',
      fen: 9800,
      tier: 'certified',
    },
    {
      product: '安化黑茶',
      supplier: '安化县梅山黑茶有限公司',
      county: '安化县',
      shop: '梅山黑茶旗舰店',
      fen: 12800,
      tier: 'certified',
    },
    {
      product: '秭归脐橙 5斤装',
      supplier: '',
      county: '秭归县',
      shop: '果园生鲜专营店',
      fen: 3990,
      tier: 'poverty-area',
    },
  ] as const;
  const purchases = [];
  for (let m = 1; m <= month; m++) {
    for (let k = 0; k < 3; k++) {
      const item = items[(m + k) % items.length] as (typeof items)[number];
      const day = `${year}-${String(m).padStart(2, '0')}-${String(3 + k * 9).padStart(2, '0')}`;
      if (day > today) continue;
      purchases.push({
        id: `demo-${m}-${k}`,
        purchasedOn: day,
        product: item.product,
        ...(item.supplier ? { supplier: item.supplier } : {}),
        shop: item.shop,
        county: item.county,
        platform: k === 2 ? 'taobao' : 'jd',
        orderNo: String(285519840000 + m * 10 + k),
        orderKey: `${k === 2 ? 'taobao' : 'jd'}:${285519840000 + m * 10 + k}:`,
        quantity: 1,
        unit: '件',
        unitPriceFen: item.fen,
        amountFen: item.fen,
        fundingSource: k === 1 ? '工会' : '个人',
        type: '直接购买',
        certification:
          item.tier === 'certified' ? { tier: 'certified', status: 'valid', batch: '示例第一批' } : { tier: item.tier },
        createdAt: `${day}T09:00:00.000Z`,
      });
    }
  }
  const pledges = [
    {
      id: 'demo-pledge',
      title: `${year} 年消费帮扶认购`,
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      targetFen: 300_000,
    },
  ];
  const unsoldGoods = [
    {
      id: 'demo-unsold-1',
      product: '黄花菜',
      variety: '冲里花',
      quantity: 2000,
      openQuantity: 1500,
      unit: '斤',
      expectedPriceFen: 1250,
      harvestStart: `${year}-06-01`,
      harvestEnd: `${year}-12-31`,
      perishable: false,
      province: '湖南省',
      city: '衡阳市',
      county: '祁东县',
      countyCode: '430426',
      producer: '李桂英',
      householdType: '脱贫户',
      status: 'open',
      updatedOn: today,
    },
    {
      id: 'demo-unsold-2',
      product: '白菜',
      quantity: 800,
      openQuantity: 800,
      unit: '斤',
      expectedPriceFen: 80,
      perishable: true,
      province: '湖南省',
      city: '衡阳市',
      county: '祁东县',
      countyCode: '430426',
      producer: '祁东县绿源蔬菜专业合作社',
      householdType: '合作社',
      status: 'open',
      updatedOn: today,
    },
  ];
  const settings = {
    profile: { name: '张三', unit: '某某县财政局', employeeNo: '0371' },
    homeRegion: { provinceCode: '43', cityCode: '4304', countyCode: '430426' },
  };
  return { purchases, pledges, unsoldGoods, settings };
}
