import type { Listing, MatchResult, Tier } from '../../lib/match/listing';

const LABELS: Record<Tier, string> = {
  certified: '认定帮扶产品',
  expired: '认定已过期',
  'poverty-area': '脱贫地区产品',
  unsold: '本地滞销',
};

const STYLE = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 0 4px; font: 12px/1.4 system-ui, "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
button { all: unset; cursor: pointer; border-radius: 3px; padding: 0 5px; white-space: nowrap; }
button:focus-visible { outline: 2px solid #1677ff; outline-offset: 1px; }
:host([data-tier="certified"]) button { background: #1f8a4c; color: #fff; }
:host([data-tier="expired"]) button { background: #8c8c8c; color: #fff; }
:host([data-tier="poverty-area"]) button { border: 1px solid #d46b08; color: #d46b08; background: #fff; }
:host([data-tier="unsold"]) button { border: 1px solid #1677ff; color: #1677ff; background: #fff; }
`;

/** Mounts one `<relief-badge>` right after the title element, per the badge contract. */
export function mountBadge(anchor: Element, listing: Listing, result: MatchResult): Element | undefined {
  if (!result.tier) return undefined;
  const next = anchor.nextElementSibling;
  if (next?.localName === 'relief-badge') return next;
  const badge = document.createElement('relief-badge');
  badge.setAttribute('data-tier', result.tier);
  if (listing.itemId) badge.setAttribute('data-item-id', listing.itemId);
  if (result.entryId) badge.setAttribute('data-entry-id', result.entryId);
  const shadow = badge.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = LABELS[result.tier];
  const details = [result.product, result.supplier && `供应商 ${result.supplier}`].filter(Boolean).join('，');
  button.setAttribute('aria-label', details ? `${LABELS[result.tier]}：${details}` : LABELS[result.tier]);
  shadow.append(style, button);
  anchor.after(badge);
  return badge;
}
