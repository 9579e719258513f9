import { fupin832 } from './fupin832';
import { jd } from './jd';
import { pinduoduo } from './pinduoduo';
import { suning } from './suning';
import { taobao } from './taobao';
import { tmall } from './tmall';
import type { PageKind, SiteAdapter } from './types';

export type { FoundListing, PageKind, SiteAdapter } from './types';

/** Every shop we support; one file each. */
export const ADAPTERS: readonly SiteAdapter[] = [jd, taobao, tmall, pinduoduo, suning, fupin832];

/** The adapter and page kind for a URL, when we support that page. */
export function adapterFor(url: URL): { adapter: SiteAdapter; kind: PageKind } | undefined {
  for (const adapter of ADAPTERS) {
    if (!adapter.hosts.some((h) => h.test(url.hostname))) continue;
    const kind = adapter.pageKind(url);
    if (kind) return { adapter, kind };
  }
  return undefined;
}
