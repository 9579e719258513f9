import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useI18n } from '../../components/i18n';
import { countEntries } from '../../lib/catalogue/store';
import { getDb } from '../../lib/db/instance';
import type { MessageKey } from '../../lib/i18n';
import { adapterFor } from '../../lib/sites';

export function App() {
  const { t } = useI18n();
  const [siteId, setSiteId] = useState<string | undefined>();
  const catalogueCount = useLiveQuery(() => countEntries(getDb()), [], 0);

  useEffect(() => {
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => {
        if (!tab?.url) return;
        setSiteId(adapterFor(new URL(tab.url))?.adapter.id);
      })
      .catch(() => undefined);
  }, []);

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
        <p data-testid="popup-catalogue-count">{t('popup.catalogueCount', { count: catalogueCount })}</p>
        <div>
          <a className="button" href="/dashboard.html" target="_blank" rel="noreferrer">
            {t('popup.openDashboard')}
          </a>
        </div>
      </main>
    </>
  );
}
