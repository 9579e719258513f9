import type { BadgeSpot } from '../sites/types';

/** One badge to place in its card, with the spots it may take, best first. */
export interface BadgeToPlace {
  badge: Element;
  card: Element;
  spots: readonly BadgeSpot[];
}

const parentOf = (spot: BadgeSpot): Element | null => (spot.at === 'append' ? spot.el : spot.el.parentElement);

function put(badge: Element, spot: BadgeSpot): void {
  if (spot.at === 'append') spot.el.append(badge);
  else spot.el.after(badge);
}

/**
 * Whether an element between `start` and the card (both included) cuts lines
 * off: a line clamp (`-webkit-line-clamp`), or a `max-height` that hides what
 * overflows. A badge placed inside one is cut off with the title's last words.
 */
export function cutsLines(start: Element | null, card: Element): boolean {
  for (let el = start; el; el = el.parentElement) {
    const style = getComputedStyle(el);
    const clamp = style.webkitLineClamp;
    if (clamp && clamp !== 'none') return true;
    if (style.maxHeight !== 'none' && (style.overflowY !== 'visible' || style.overflowX !== 'visible')) return true;
    if (el === card || el.contains(card)) break;
  }
  return false;
}

/**
 * Whether the badge is seen whole where it stands: it has a box, and that box
 * lies inside the box of every ancestor up to the card (a card or row with a
 * fixed height and `overflow: hidden` would clip it; one without would let it
 * spill over the next row). Ancestors without a box (`display: contents`,
 * empty float containers) are passed over.
 */
export function seenWhole(badge: Element, card: Element): boolean {
  const r = badge.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) return false;
  for (let el = badge.parentElement; el; el = el.parentElement) {
    const box = el.getBoundingClientRect();
    if (box.width >= 1 && box.height >= 1) {
      const inside =
        r.left >= box.left - 0.5 &&
        r.right <= box.right + 0.5 &&
        r.top >= box.top - 0.5 &&
        r.bottom <= box.bottom + 0.5;
      if (!inside) return false;
    }
    if (el === card || el.contains(card)) break;
  }
  return true;
}

/**
 * Places badges where a person sees them (DESIGN §5, badge contract). Spots
 * inside line-clamped or height-capped boxes are skipped first, from computed
 * styles; then each badge is put in its first spot and measured, and a badge
 * the card clips moves to its next spot. Reads and writes are batched, so the
 * page lays out once per round, not once per card. A badge no spot shows
 * whole stays in its last spot.
 */
export function placeBadges(items: readonly BadgeToPlace[]): void {
  // Reads: computed styles, before anything is written.
  const choices = items.map((item) => {
    const open = item.spots.filter((spot) => !cutsLines(parentOf(spot), item.card));
    return open.length ? open : item.spots.slice(-1);
  });
  const at = items.map(() => 0);
  // Writes.
  items.forEach((item, i) => {
    const spot = choices[i]?.[0];
    if (spot) put(item.badge, spot);
  });
  let pending = items.map((_, i) => i);
  for (let round = 0; pending.length > 0 && round < 4; round++) {
    const clipped = pending.filter((i) => {
      const item = items[i] as BadgeToPlace;
      return item.badge.isConnected && !seenWhole(item.badge, item.card);
    });
    pending = [];
    for (const i of clipped) {
      const next = choices[i]?.[(at[i] as number) + 1];
      if (!next) continue;
      at[i] = (at[i] as number) + 1;
      put((items[i] as BadgeToPlace).badge, next);
      pending.push(i);
    }
  }
}
