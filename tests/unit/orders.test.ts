import { describe, expect, it } from 'vitest';
import { jd } from '../../lib/sites/jd';
import { taobao } from '../../lib/sites/taobao';
import { loadPage } from './helpers';

describe('JD 我的订单', () => {
  const url = new URL('https://order.jd.com/center/list.action');
  const orders = jd.orders(loadPage('pages/jd-orders.html'), url);

  it('reads every order: number, date, status, shop, items with quantities and amounts', () => {
    expect(orders.map((o) => [o.orderNo, o.date, o.status, o.closed, o.shopName, o.totalFen])).toEqual([
      ['285519843211', '2026-03-05', '已完成', false, '巴山老腊肉旗舰店', 17600],
      ['285519843212', '2026-04-02', '已完成', false, '汉江茶业旗舰店', 29600],
      ['285519843213', '2026-04-10', '已完成', false, '果园生鲜专营店', 3990],
      ['285519843214', '2026-05-01', '已取消', true, '巴山老腊肉旗舰店', 8800],
      ['285519843215', '2026-05-03', '已完成', false, '某数码专营店', 2900],
    ]);
    expect(orders[0]?.items).toEqual([
      { itemId: '100023456781', title: '城口老腊肉 500g 重庆特产 农家烟熏腊肉', quantity: 2, amountFen: 17600 },
    ]);
  });

  it('shares an order total over its items by quantity, and says so', () => {
    expect(orders[1]?.items.map((i) => [i.itemId, i.amountFen, i.amountEstimated])).toEqual([
      ['100045678901', 14800, true],
      ['100045678902', 14800, true],
    ]);
  });

  it('reads nothing on other JD pages', () => {
    expect(jd.orders(loadPage('pages/jd-orders.html'), new URL('https://search.jd.com/Search?keyword=x'))).toEqual([]);
  });
});

describe('Taobao 已买到的宝贝', () => {
  const url = new URL('https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm');
  const orders = taobao.orders(loadPage('pages/taobao-orders.html'), url);

  it('reads every order through hashed class names', () => {
    expect(orders.map((o) => [o.orderNo, o.date, o.status, o.closed, o.shopName, o.totalFen])).toEqual([
      ['1789012345678901234', '2026-03-08', '交易成功', false, '梅山黑茶旗舰店', 12800],
      ['1789012345678901235', '2026-04-12', '卖家已发货', false, '巴山老腊肉旗舰店', 22400],
      ['1789012345678901236', '2026-04-20', '交易关闭', true, '梅山黑茶旗舰店', 12800],
      ['1789012345678901237', '2026-05-06', '交易成功', false, '寻乌果园直发店', 3680],
      ['1789012345678901238', '2026-05-09', '交易成功', false, '居家日用百货店', 1980],
    ]);
  });

  it('takes item amounts from their prices when they add up to the order, quantities from their cells', () => {
    expect(orders[1]?.items).toEqual([
      { itemId: '612345678902', title: '城口老腊肉 500g', quantity: 1, amountFen: 8800 },
      { itemId: '612345678903', title: '城口香肠 500g', quantity: 2, amountFen: 13600 },
    ]);
    expect(orders[4]?.items).toEqual([
      { itemId: '612345678905', title: '加厚垃圾袋 100只', quantity: 2, amountFen: 1980 },
    ]);
  });
});
