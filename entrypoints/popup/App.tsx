import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useI18n } from '../../components/i18n';
import { PurchaseForm } from '../../components/PurchaseForm';
import { countEntries } from '../../lib/catalogue/store';
import { getDb } from '../../lib/db/instance';
import type { MessageKey } from '../../lib/i18n';
import { messenger } from '../../lib/messenger';
import { displayYuan } from '../../lib/money';
import type { Prefill } from '../../lib/prefill';
import { PrefillSchema } from '../../lib/prefill';
import { adapterFor } from '../../lib/sites';

/** The active tab's supported page and, on an item page, the listing it shows. */
function useActiveTab() {
  const [siteId, setSiteId] = useState<string>();
  const [prefill, setPrefill] = useState<Prefill>();
  useEffect(() => {
    void (async () => {
      const tabs = await browser.tabs.query({ currentWindow: true });
      let tab = tabs.find((t) => t.active);
      // Opened as a page of its own (a pinned tab, or a test): use the shop tab seen last.
      if (tab?.url?.startsWith(browser.runtime.getURL(''))) {
        tab = tabs
          .filter((t) => /^https?:/.test(t.url ?? ''))
          .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
      }
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

export function App() {
  const { t } = useI18n();
  const { siteId, prefill } = useActiveTab();
  const catalogueCount = useLiveQuery(() => countEntries(getDb()), [], 0);
  const recent = useLiveQuery(() => getDb().purchases.orderBy('purchasedOn').reverse().limit(3).toArray(), [], []);

  return (
    <>
      <header>
        <img src="/icon/48.png" alt="" />
        <h1>{t('appName')}</h1>
      </header>
      <main>
        <p data-testid="popup-site" className="muted">
          {siteId ? t('popup.shopPage', { site: t(`site.${siteId}` as MessageKey) }) : t('popup.noShop')}
        </p>
        {prefill?.result.tier && (
          <p data-testid="popup-tier">
            <strong>{t(`tier.${prefill.result.tier}`)}</strong> {prefill.result.product ?? ''}
          </p>
        )}
        <section aria-label={t('purchases.prefill.form')}>
          <PurchaseForm key={prefill ? prefill.listing.itemId : 'empty'} prefill={prefill} />
        </section>
        <section aria-label={t('popup.recent')}>
          <h2 className="popup-h2">{t('popup.recent')}</h2>
          {recent.length === 0 ? (
            <p className="muted">{t('popup.empty')}</p>
          ) : (
            <ul className="popup-recent" data-testid="popup-recent">
              {recent.map((p) => (
                <li key={p.id}>
                  {p.purchasedOn} {p.product} {displayYuan(p.amountFen)}
                </li>
              ))}
            </ul>
          )}
        </section>
        <p className="muted" data-testid="popup-catalogue-count">
          {t('popup.catalogueCount', { count: catalogueCount })}
        </p>
        <div>
          <a className="button" href="/dashboard.html" target="_blank" rel="noreferrer">
            {t('popup.openDashboard')}
          </a>
        </div>
      </main>
    </>
  );
}
