/** A browser tab as the popup reads it (the fields of browser.tabs.Tab it needs). */
export interface TabSeen {
  id?: number;
  url?: string;
  active?: boolean;
  lastAccessed?: number;
}

/**
 * The tab the popup speaks of: the active one; when that is the extension's own page (the popup opened
 * as a tab of its own, pinned or in a test), the web tab seen last. Undefined when none has an address.
 */
export function pageTabOf<T extends TabSeen>(tabs: readonly T[], extensionBase: string): T | undefined {
  const active = tabs.find((t) => t.active);
  if (!active?.url?.startsWith(extensionBase)) return active?.url && active.id !== undefined ? active : undefined;
  return tabs
    .filter((t) => t.id !== undefined && /^https?:/.test(t.url ?? ''))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}
