import type { Listing, MatchResult, Tier } from '../../lib/match/listing';
import { formatReason } from '../../lib/match/reasons';

const LABELS: Record<Tier, string> = {
  certified: '认定帮扶产品',
  expired: '认定已过期',
  'poverty-area': '脱贫地区产品',
  unsold: '本地滞销',
};

const STYLE = `
:host { all: initial; display: inline-block; position: relative; vertical-align: middle; margin: 0 4px; font: 12px/1.5 system-ui, "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; z-index: 2147483000; }
:host([data-open]) { z-index: 2147483647; }
button.badge { all: unset; cursor: pointer; border-radius: 3px; padding: 0 5px; white-space: nowrap; }
button.badge:focus-visible, .panel button:focus-visible { outline: 2px solid #1677ff; outline-offset: 1px; }
:host([data-tier="certified"]) button.badge { background: #18703f; color: #fff; }
:host([data-tier="expired"]) button.badge { background: #8c8c8c; color: #fff; }
:host([data-tier="poverty-area"]) button.badge { border: 1px solid #d46b08; color: #ad4e00; background: #fff; }
:host([data-tier="unsold"]) button.badge { border: 1px solid #1677ff; color: #0958d9; background: #fff; }
.panel { position: absolute; top: 100%; left: 0; margin-top: 4px; width: 280px; background: #fff; color: #1f1f1f; border: 1px solid #d9d9d9; border-radius: 6px; box-shadow: 0 6px 16px rgba(0,0,0,.12); padding: 10px 12px; text-align: left; white-space: normal; }
.panel[hidden] { display: none; }
.panel h2 { font-size: 13px; margin: 0 0 6px; }
.panel dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; }
.panel dt { color: #595959; }
.panel dd { margin: 0; }
.panel ul { margin: 6px 0; padding-left: 16px; }
.panel .actions { display: flex; gap: 8px; margin-top: 8px; }
.panel .actions button { all: unset; cursor: pointer; border-radius: 4px; padding: 2px 10px; border: 1px solid #18703f; color: #18703f; }
.panel .actions button.primary { background: #18703f; color: #fff; }
`;

let sharedSheet: CSSStyleSheet | null | undefined;

/** One stylesheet object shared by every badge's shadow root: parsed once, not once per card. */
function adoptStyles(shadow: ShadowRoot): void {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(STYLE);
    } catch {
      sharedSheet = null; // no constructable stylesheets here (older or sandboxed engines)
    }
  }
  try {
    if (sharedSheet) {
      shadow.adoptedStyleSheets = [sharedSheet];
      return;
    }
  } catch {
    sharedSheet = null;
  }
  const style = document.createElement('style');
  style.textContent = STYLE;
  shadow.append(style);
}

export interface BadgeActions {
  /** 「记一笔」: log this purchase, prefilled. */
  logPurchase: (listing: Listing, result: MatchResult) => void;
  /** 「为什么？」: opens 匹配检查 on this listing. */
  explain: (listing: Listing) => void;
}

function row(dl: HTMLElement, term: string, value: string | undefined) {
  if (!value) return;
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.textContent = value;
  dl.append(dt, dd);
}

/**
 * Mounts one `<relief-badge>` right after the title element, per the badge
 * contract: data attributes, an open shadow root with its own styles, an
 * accessible name, and a panel that opens from the keyboard too.
 */
export function mountBadge(
  anchor: Element,
  listing: Listing,
  result: MatchResult,
  actions: BadgeActions,
): Element | undefined {
  if (!result.tier) return undefined;
  const next = anchor.nextElementSibling;
  if (next?.localName === 'relief-badge') return next;
  const label = LABELS[result.tier];
  const badge = document.createElement('relief-badge');
  badge.setAttribute('data-tier', result.tier);
  if (listing.itemId) badge.setAttribute('data-item-id', listing.itemId);
  if (result.entryId) badge.setAttribute('data-entry-id', result.entryId);
  const shadow = badge.attachShadow({ mode: 'open' });
  adoptStyles(shadow);

  const button = document.createElement('button');
  button.className = 'badge';
  button.type = 'button';
  button.textContent = label;
  const details = [result.product, result.supplier && `供应商 ${result.supplier}`, result.county]
    .filter(Boolean)
    .join('，');
  button.setAttribute('aria-label', details ? `${label}：${details}` : label);
  button.setAttribute('aria-expanded', 'false');

  // The panel is built when first opened: most badges are never opened, and
  // mounting 40 of them must stay cheap on the page's main thread.
  let panel: HTMLElement | undefined;
  const buildPanel = (): HTMLElement => {
    const p = document.createElement('div');
    p.className = 'panel';
    p.hidden = true;
    p.setAttribute('role', 'dialog');
    p.setAttribute('aria-label', label);
    const title = document.createElement('h2');
    title.textContent = label;
    const dl = document.createElement('dl');
    row(dl, '产品', result.product);
    row(dl, '供应商', result.supplier);
    row(dl, '产地', result.county);
    row(dl, '批次', result.batch);
    row(dl, '有效期至', result.validUntil);
    const reasons = document.createElement('ul');
    for (const reason of result.reasons) {
      const li = document.createElement('li');
      li.textContent = formatReason(reason);
      reasons.append(li);
    }
    const actionsRow = document.createElement('div');
    actionsRow.className = 'actions';
    const log = document.createElement('button');
    log.type = 'button';
    log.className = 'primary';
    log.textContent = '记一笔';
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '关闭';
    const why = document.createElement('button');
    why.type = 'button';
    why.textContent = '为什么？';
    why.dataset.action = 'why';
    actionsRow.append(log, why, close);
    p.append(title, dl, reasons, actionsRow);
    close.addEventListener('click', () => {
      setOpen(false);
      button.focus();
    });
    log.addEventListener('click', () => actions.logPurchase(listing, result));
    why.addEventListener('click', () => actions.explain(listing));
    p.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.focus();
      }
    });
    shadow.append(p);
    return p;
  };

  const setOpen = (open: boolean) => {
    if (open) panel ??= buildPanel();
    if (!panel) return;
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    badge.toggleAttribute('data-open', open);
  };
  // Clicks stay inside: the badge sits in shop cards whose own handlers navigate.
  badge.addEventListener('click', (event) => event.stopPropagation());
  button.addEventListener('click', (event) => {
    event.preventDefault();
    setOpen(!panel || panel.hidden === true);
  });

  shadow.append(button);
  anchor.after(badge);
  return badge;
}
