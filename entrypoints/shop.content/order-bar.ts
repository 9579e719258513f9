import type { ShopTranslate } from '../../lib/i18n/shop';
import type { FoundOrder } from '../../lib/sites/types';
import { trustedOnly } from './badge';

const STYLE = `:host{all:initial;display:block;margin:8px 0;font:14px/1.5 system-ui,"Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",sans-serif}
.bar{display:flex;align-items:center;gap:12px;padding:8px 12px;border:1px solid #18703f;border-radius:6px;background:#f0f7f2;color:#14532d}
.bar span{flex:1}
button{all:unset;cursor:pointer;border-radius:4px;padding:2px 12px}
.open{background:#18703f;color:#fff}
.close{color:#14532d}
button:focus-visible{outline:2px solid #1677ff;outline-offset:1px}`;

/**
 * The one bar an order list gets: 「发现 N 笔帮扶产品订单」 and a button that
 * opens the review page. It only proposes; nothing is written from the shop's page.
 */
export function showOrderBar(
  anchor: Element,
  count: number,
  orders: FoundOrder[],
  open: (orders: FoundOrder[]) => void,
  t: ShopTranslate,
) {
  let bar = document.querySelector('relief-order-bar');
  if (count === 0) {
    bar?.remove();
    return;
  }
  if (!bar) {
    bar = document.createElement('relief-order-bar');
    const shadow = bar.attachShadow({ mode: 'open' });
    trustedOnly(shadow);
    const style = document.createElement('style');
    style.textContent = STYLE;
    const box = document.createElement('div');
    box.className = 'bar';
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', t('orders.region'));
    const text = document.createElement('span');
    const button = document.createElement('button');
    button.className = 'open';
    button.type = 'button';
    button.textContent = t('orders.review');
    const close = document.createElement('button');
    close.className = 'close';
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', t('orders.close'));
    close.addEventListener('click', () => bar?.remove());
    box.append(text, button, close);
    shadow.append(style, box);
    anchor.before(bar);
  }
  bar.setAttribute('data-orders', String(count));
  const shadow = bar.shadowRoot;
  const text = shadow?.querySelector('span');
  if (text) text.textContent = t('orders.found', { count });
  const button = shadow?.querySelector<HTMLButtonElement>('.open');
  if (button) button.onclick = () => open(orders);
}
