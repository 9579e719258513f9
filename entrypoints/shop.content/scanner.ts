import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { askInBatches } from '../../lib/badges/batches';
import { placeBadges } from '../../lib/badges/placement';
import { type ShopTranslate, shopTranslator } from '../../lib/i18n/shop';
import type { Listing, MatchResult } from '../../lib/match/listing';
import { messenger } from '../../lib/messenger';
import { adapterFor } from '../../lib/sites';
import { firstOf, fitListing } from '../../lib/sites/dom';
import type { FoundListing, FoundOrder, SiteAdapter } from '../../lib/sites/types';
import { type BadgeContext, createBadge } from './badge';
import { showOrderBar } from './order-bar';

const RESCAN_DEBOUNCE_MS = 120;

/**
 * Scans the page with its adapter, asks the background about every new card in
 * one batch, and mounts badges. Watches for cards added later (infinite
 * scroll) and for in-site navigation. Nothing here may throw into the page.
 */
const actions = {
  explain(listing: Listing): void {
    void messenger.sendMessage('openMatchCheck', { listing }).catch(() => undefined);
  },
  logPurchase(listing: Listing, result: MatchResult): void {
    void messenger.sendMessage('openPurchaseForm', { listing, result }).catch(() => undefined);
  },
  reviewOrders(orders: FoundOrder[]) {
    void messenger.sendMessage('openOrderReview', { orders }).catch(() => undefined);
  },
  entryDetails: (entryId: string) => messenger.sendMessage('getEntryDetails', { entryId }),
};

/**
 * What a scan needs of the user's settings, asked of the background each scan
 * (a switched-off site stops at once): the sites switched off, the badges'
 * texts in the user's language, and whether poverty-area products count.
 */
async function badgeContext(): Promise<BadgeContext & { siteSwitches: Partial<Record<string, boolean>> }> {
  const { texts, countPovertyArea, siteSwitches } = await messenger.sendMessage('getBadgeContext', {});
  return { t: shopTranslator(texts), countPovertyArea, siteSwitches, ...actions };
}

/** Whether a card already carries our badge (a copy of a badged card, or a rescan racing a mount). */
const badged = (f: FoundListing) =>
  f.card.querySelector('relief-badge') !== null || f.anchor.nextElementSibling?.localName === 'relief-badge';

/** Makes the badges of one batch and places them, all at once (one layout per placing round). */
function mountBadges(fresh: FoundListing[], results: (MatchResult | undefined)[], ctx: BadgeContext): void {
  const toPlace = [];
  for (const [i, f] of fresh.entries()) {
    const result = results[i];
    if (!result?.tier || !f.anchor.isConnected || badged(f)) continue;
    const badge = createBadge(f.listing, result, ctx);
    if (badge)
      toPlace.push({ badge, card: f.card, spots: [...(f.spots ?? []), { el: f.anchor, at: 'after' as const }] });
  }
  placeBadges(toPlace);
}

/**
 * On an order list: matches every item and shows one bar counting the orders
 * (not cancelled or closed) that hold a certified item. The review page
 * matches again itself; the page's answer is only a proposal.
 */
async function scanOrders(orders: FoundOrder[], adapter: SiteAdapter, t: ShopTranslate): Promise<void> {
  const open = orders.filter((o) => !o.closed);
  const listings: Listing[] = open.flatMap((o) =>
    o.items.map((item) => fitListing({ site: o.site, itemId: item.itemId, title: item.title, shopName: o.shopName })),
  );
  if (!listings.length) return;
  const results = await askMatches(listings);
  let at = 0;
  let count = 0;
  for (const order of open) {
    const tiers = order.items.map(() => results[at++]?.tier);
    if (tiers.includes('certified')) count++;
  }
  const anchor = firstOf(document, adapter.orderListAnchors ?? []) ?? document.body;
  if (anchor) showOrderBar(anchor, count, orders, actions.reviewOrders, t);
}

/** The matcher's answers for a page's listings, in batches within the message limit; a refused listing gets none. */
const askMatches = (listings: Listing[]) =>
  askInBatches(listings, async (batch) => (await messenger.sendMessage('matchListings', { listings: batch })).results);

/**
 * The positive signal tests and tools wait on: a scan finished (its badges are
 * mounted), having read `count` listings in all; "off" on a site the user
 * switched off (the scan stopped there, and no badge will come).
 */
function markScanned(count: number | 'off'): void {
  document.documentElement.dataset.reliefScanned = String(count);
}

export function startScanner(ctx: ContentScriptContext): void {
  performance.mark('relief:start');
  // The item this page shows (item pages only), for the popup's purchase form.
  let pageItem: { listing: Listing; result: MatchResult } | null = null;
  const stopAnswering = messenger.onMessage('getPageListing', (message) => {
    // The only request is an empty object; anything else gets nothing.
    if (!message.data || typeof message.data !== 'object' || Object.keys(message.data).length) return null;
    return pageItem;
  });
  ctx.onInvalidated(stopAnswering);
  const seen = new WeakSet<Element>();
  let lastOrders = '';
  let timer: number | undefined;
  let scanning = false;
  let again = false;

  async function scan(): Promise<void> {
    if (scanning) {
      again = true;
      return;
    }
    scanning = true;
    try {
      const url = new URL(location.href);
      const page = adapterFor(url);
      if (!page) return;
      const context = await badgeContext();
      if (context.siteSwitches[page.adapter.id] === false) {
        markScanned('off');
        return;
      }
      if (page.kind === 'orders') {
        const orders = page.adapter.orders?.(document, url) ?? [];
        document.documentElement.dataset.reliefListings = String(orders.reduce((n, o) => n + o.items.length, 0));
        const key = orders.map((o) => o.orderNo).join(',');
        // Rescans (the page's own updates) re-read the list; only a changed list is matched again.
        if (key && key !== lastOrders) {
          lastOrders = key;
          await scanOrders(orders, page.adapter, context.t);
        }
        markScanned(orders.reduce((n, o) => n + o.items.length, 0));
        return;
      }
      performance.mark('relief:read-start');
      const fresh = page.adapter.listings(document, url).filter((f) => !seen.has(f.card));
      // Main-thread time is measured (npm run bench), so it is marked, cheaply.
      performance.measure('relief:read', 'relief:read-start');
      for (const f of fresh) seen.add(f.card);
      const root = document.documentElement;
      const total = Number(root.dataset.reliefListings ?? 0) + fresh.length;
      root.dataset.reliefListings = String(total);
      if (fresh.length === 0 || ctx.isInvalid) {
        markScanned(total);
        return;
      }
      performance.mark('relief:ask');
      const results = await askMatches(fresh.map((f) => f.listing));
      performance.mark('relief:answer');
      performance.mark('relief:mount-start');
      mountBadges(fresh, results, context);
      if (page.kind === 'item' && fresh[0] && results[0]) pageItem = { listing: fresh[0].listing, result: results[0] };
      performance.measure('relief:mount', 'relief:mount-start');
      markScanned(total);
    } catch (error) {
      // A page we cannot read or a background that is away is not the page's problem.
      console.debug('[relief-helper] scan skipped:', error);
    } finally {
      scanning = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  }

  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = ctx.setTimeout(() => void scan(), RESCAN_DEBOUNCE_MS);
  }

  void scan();
  const observer = new MutationObserver((records) => {
    // Our own badges and bar are added to the page too; do not rescan for them.
    const foreign = records.some((r) =>
      Array.from(r.addedNodes).some(
        (n) => !(n instanceof Element && (n.localName === 'relief-badge' || n.localName === 'relief-order-bar')),
      ),
    );
    if (foreign) schedule();
  });
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', () => schedule());
}
