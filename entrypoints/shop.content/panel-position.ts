const GAP = 4;
const MARGIN = 8;

/**
 * Puts an open panel (a popover: `position: fixed` in the top layer) under its
 * badge, or above it when there is no room below, and shifts it left so it
 * stays inside the viewport.
 */
export function placePanel(panel: HTMLElement, badge: Element): void {
  const b = badge.getBoundingClientRect();
  const p = panel.getBoundingClientRect();
  const width = document.documentElement.clientWidth || window.innerWidth;
  const height = document.documentElement.clientHeight || window.innerHeight;
  const left = Math.max(MARGIN, Math.min(b.left, width - p.width - MARGIN));
  let top = b.bottom + GAP;
  if (top + p.height > height - MARGIN) {
    const above = b.top - GAP - p.height;
    top = above >= MARGIN ? above : Math.max(MARGIN, height - MARGIN - p.height);
  }
  panel.style.left = `${Math.round(left)}px`;
  panel.style.top = `${Math.round(top)}px`;
}
