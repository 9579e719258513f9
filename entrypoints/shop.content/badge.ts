import { isSampleEntryId } from '../../lib/catalogue/sample-id';
import type { ShopKey, ShopTranslate } from '../../lib/i18n/shop';
import type { Listing, MatchResult } from '../../lib/match/listing';
import { placePanel } from './panel-position';

// No z-index on the pill (it must not float over the shop's own menus and
// dialogs): the panel is a popover, in the top layer, above everything.
// The expired grey (#595959 under white text) has a contrast of 7:1. Short
// class names: the content script's bundle is held to 40 kB.
const FONT = 'system-ui,"Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",sans-serif';
const STYLE = `:host{all:initial;display:inline-block;vertical-align:middle;margin:0 4px;font:12px/16px ${FONT}}
button{all:unset;cursor:pointer;border-radius:4px}
button:focus-visible{outline:2px solid #1677ff;outline-offset:1px}
.b{border-radius:3px;padding:0 5px;white-space:nowrap;border:1px solid;background:#fff}
.certified{background:#18703f;border-color:#18703f;color:#fff}
.expired{background:#595959;border-color:#595959;color:#fff}
.poverty-area{border-color:#d46b08;color:#ad4e00}
.unsold{border-color:#1677ff;color:#0958d9}
.s{margin-left:4px;padding:0 3px;border-radius:2px;background:#f0f0f0;color:#1f1f1f;font-size:11px}
.p{position:fixed;inset:auto;margin:0;box-sizing:border-box;width:300px;max-width:calc(100vw - 16px);max-height:calc(100vh - 16px);overflow:auto;background:#fff;color:#1f1f1f;border:1px solid #d9d9d9;border-radius:6px;box-shadow:0 6px 16px #0002;padding:10px 12px;line-height:1.5}
h2{font-size:13px;margin:0 0 6px}
dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:2px 8px}
dt{color:#595959}
dd{margin:0;overflow-wrap:anywhere}
ul{margin:6px 0;padding-left:16px}
p{margin:6px 0}
.c{font-weight:600}
.n{color:#873800;background:#fff7e6;padding:4px 6px;border-radius:4px}
.a{display:flex;gap:8px;margin-top:8px}
.a button{padding:2px 10px;border:1px solid #18703f;color:#18703f}
.a .primary{background:#18703f;color:#fff}`;

let sharedSheet: CSSStyleSheet | undefined;

/** One stylesheet object shared by every badge's shadow root: parsed once, not once per card. */
function adoptStyles(shadow: ShadowRoot): void {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(STYLE);
  }
  shadow.adoptedStyleSheets = [sharedSheet];
}

/**
 * Only a person drives our UI: a click the page's own script made (element.click(),
 * dispatchEvent) is stopped at the shadow root, before any of our handlers or a
 * popover invoker sees it, and its default action (toggling a popover) is cancelled.
 */
export function trustedOnly(shadow: ShadowRoot): void {
  shadow.addEventListener(
    'click',
    (event) => {
      if (event.isTrusted) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    },
    true,
  );
}

export interface BadgeContext {
  t: ShopTranslate;
  /** The user's setting: poverty-area purchases count toward pledges. */
  countPovertyArea: boolean;
  /** 「记一笔」: log this purchase, prefilled. */
  logPurchase: (listing: Listing, result: MatchResult) => void;
  /** 「为什么？」: opens 匹配检查 on this listing. */
  explain: (listing: Listing) => void;
  /** The catalogue an entry comes from and its 证书编号, asked when a panel opens. */
  entryDetails: (entryId: string) => Promise<{ source: string; sample: boolean; certificateNo?: string } | null>;
}

/** An element with its class and text: the panel is made of a dozen (and this bundle is held to 40 kB). */
function make<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = ''): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.textContent = text;
  return el;
}

function row(dl: HTMLElement, term: string, value: string | undefined): void {
  if (value) dl.append(make('dt', '', term), make('dd', '', value));
}

/** What the panel says plainly of the user's pledges (poverty-area products count where the user's unit says so). */
const countsLine = (result: MatchResult, ctx: BadgeContext) =>
  ctx.t(result.tier === 'poverty-area' && ctx.countPovertyArea ? 'counts.area' : `counts.${result.tier ?? 'unsold'}`);

function buildPanel(
  listing: Listing,
  result: MatchResult,
  label: string,
  sample: boolean,
  ctx: BadgeContext,
  button: HTMLElement,
) {
  const { t } = ctx;
  const p = make('div', 'p');
  p.popover = 'auto';
  p.setAttribute('role', 'dialog');
  p.setAttribute('aria-label', sample ? `${label}（${t('sample')}）` : label);
  const dl = make('dl');
  row(dl, t('product'), result.product);
  row(dl, t('supplier'), result.supplier);
  row(dl, t('county'), result.county);
  row(dl, t('batch'), result.batch);
  row(dl, t('validUntil'), result.validUntil);
  const reasons = make('ul');
  // Reasons are message codes; their templates came with the badge texts, in the user's language.
  for (const r of result.reasons) reasons.append(make('li', '', t(`reason.${r.code}` as ShopKey, r.params)));
  const note = make('p', 'n', t('sampleNote'));
  note.hidden = !sample;
  const actionsRow = make('div', 'a');
  const log = make('button', 'primary', t('log'));
  const why = make('button', '', t('why'));
  const close = make('button', '', t('close'));
  actionsRow.append(log, why, close);
  p.append(
    make('h2', '', sample ? `${label} · ${t('sample')}` : label),
    make('p', 'c', countsLine(result, ctx)),
    dl,
    note,
    reasons,
    actionsRow,
  );
  log.addEventListener('click', () => ctx.logPurchase(listing, result));
  why.addEventListener('click', () => ctx.explain(listing));
  close.addEventListener('click', () => p.hidePopover());
  if (result.entryId) {
    // The catalogue and the certificate are asked for when first opened, and filled in when they come.
    void ctx
      .entryDetails(result.entryId)
      .then((details) => {
        if (!details) return;
        row(dl, t('source'), details.source);
        row(dl, t('certificateNo'), details.certificateNo);
        if (details.sample) note.hidden = false;
        // Taller now: placed again, so it still stays clear of its badge and inside the viewport.
        if (p.matches(':popover-open')) placePanel(p, button);
      })
      .catch(() => undefined);
  }
  return p;
}

/**
 * Makes one `<relief-badge>` per the badge contract (DESIGN §5): data
 * attributes, an open shadow root with its own styles, an accessible name, and
 * a panel in the top layer (a popover: never clipped by the card, above sticky
 * headers, flipped to stay in the viewport, closed by Esc, an outside click or
 * another panel opening, focus back on the badge). Where it goes is decided
 * by placeBadges.
 */
export function createBadge(listing: Listing, result: MatchResult, ctx: BadgeContext): HTMLElement | undefined {
  if (!result.tier) return undefined;
  const { t } = ctx;
  const label = t(`tier.${result.tier}`);
  const sample = isSampleEntryId(result.entryId);
  const badge = document.createElement('relief-badge');
  badge.setAttribute('data-tier', result.tier);
  if (listing.itemId) badge.setAttribute('data-item-id', listing.itemId);
  if (result.entryId) badge.setAttribute('data-entry-id', result.entryId);
  if (sample) badge.setAttribute('data-sample', '');
  const shadow = badge.attachShadow({ mode: 'open' });
  adoptStyles(shadow);
  trustedOnly(shadow);

  const button = make('button', `b ${result.tier}`, label);
  if (sample) button.append(make('span', 's', t('sample')));
  const details = [result.product, result.supplier && t('badge.supplier', { supplier: result.supplier }), result.county]
    .filter(Boolean)
    .join(t('separator'));
  button.setAttribute(
    'aria-label',
    details ? t(sample ? 'badge.nameSample' : 'badge.name', { label, details }) : label,
  );
  button.setAttribute('aria-expanded', 'false');

  // The panel is built when first opened: most badges are never opened, and
  // mounting 60 of them must stay cheap on the page's main thread.
  let panel: HTMLElement | undefined;
  const follow = () => panel && placePanel(panel, button);
  const onToggle = (event: Event) => {
    const open = (event as ToggleEvent).newState === 'open';
    button.setAttribute('aria-expanded', String(open));
    badge.toggleAttribute('data-open', open);
    if (open) {
      follow();
      window.addEventListener('scroll', follow, { capture: true, passive: true });
      window.addEventListener('resize', follow, { passive: true });
      return;
    }
    window.removeEventListener('scroll', follow, { capture: true });
    window.removeEventListener('resize', follow);
    // Closed from inside the panel, or by Esc: focus goes back to the badge. An
    // outside click leaves focus where that click put it.
    const active = document.activeElement;
    if (!active || active === document.body || active === badge) button.focus({ preventScroll: true });
  };
  button.addEventListener('click', (event) => {
    if (panel) return; // from the second click on, the button toggles its popover itself
    event.preventDefault(); // this once: the button is made the panel's invoker only now
    panel = buildPanel(listing, result, label, sample, ctx, button);
    panel.addEventListener('toggle', onToggle);
    shadow.append(panel);
    button.popoverTargetElement = panel;
    panel.showPopover();
  });
  // Clicks stay inside: the badge sits in shop cards whose own handlers navigate.
  badge.addEventListener('click', (event) => event.stopPropagation());
  shadow.append(button);
  return badge;
}
