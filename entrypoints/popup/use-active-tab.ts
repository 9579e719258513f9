import { useEffect, useState } from 'react';
import { messenger } from '../../lib/messenger';
import { type Prefill, PrefillSchema } from '../../lib/prefill';
import { adapterFor } from '../../lib/sites';
import { pageTabOf } from '../../lib/tabs';

/** The active tab's supported site and, on an item page, the listing it shows. */
export function useActiveTab(): { siteId?: string; prefill?: Prefill } {
  const [siteId, setSiteId] = useState<string>();
  const [prefill, setPrefill] = useState<Prefill>();
  useEffect(() => {
    void (async () => {
      const tab = pageTabOf(await browser.tabs.query({ currentWindow: true }), browser.runtime.getURL(''));
      if (!tab?.url || tab.id === undefined) return;
      const page = adapterFor(new URL(tab.url));
      setSiteId(page?.adapter.id);
      if (page?.kind !== 'item') return;
      const answer = await messenger.sendMessage('getPageListing', {}, tab.id).catch(() => null);
      // The answer comes from a shop page's context: parse it before use.
      const parsed = PrefillSchema.safeParse(answer);
      if (parsed.success) setPrefill(parsed.data);
    })().catch(() => undefined);
  }, []);
  return { siteId, prefill };
}
