import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useI18n } from '../../components/i18n';
import { PurchaseForm } from '../../components/PurchaseForm';
import { countEntries } from '../../lib/catalogue/store';
import { todayIso } from '../../lib/dates';
import { getDb } from '../../lib/db/instance';
import type { MessageKey } from '../../lib/i18n';
import { type FormSource, formSourceKey, formSourceProps } from '../../lib/ledger/form-source';
import { PasteBox } from './PasteBox';
import { PledgeSummary } from './PledgeSummary';
import { PopupActions } from './PopupActions';
import { RecentPurchases } from './RecentPurchases';
import { SourceLine } from './SourceLine';
import { Suggestions } from './Suggestions';
import { useActiveTab } from './use-active-tab';

/**
 * The popup (380 × 600, DESIGN §8): pledge progress, 记一笔 (open and prefilled when the page shows a
 * listing), the suggestions near home, the export, the recent purchases and the catalogue's size.
 */
export function App() {
  const { t } = useI18n();
  const { siteId, prefill } = useActiveTab();
  const [chosen, setChosen] = useState<FormSource>();
  const [logOpen, setLogOpen] = useState(false);
  const year = todayIso().slice(0, 4);
  const purchases = useLiveQuery(
    () => getDb().purchases.where('purchasedOn').between(`${year}-01-01`, `${year}-12-31`, true, true).toArray(),
    [year],
    [],
  );
  const catalogueCount = useLiveQuery(() => countEntries(getDb()), [], 0);
  const sampleActive = useLiveQuery(
    () =>
      getDb()
        .catalogueSources.filter((c) => c.sample)
        .count(),
    [],
    0,
  );
  const source: FormSource | undefined = chosen ?? (prefill ? { kind: 'prefill', prefill, key: 'page' } : undefined);

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
        <PledgeSummary purchases={purchases} />
        <SourceLine source={source} />
        {sampleActive ? (
          <p className="popup-sample" data-testid="popup-sample">
            {t('popup.sample')}{' '}
            <a href="/dashboard.html#/catalogue" target="_blank" rel="noreferrer">
              {t('popup.sample.import')}
            </a>
          </p>
        ) : null}
        {/* 记一笔: open when the page shows a listing (prefilled) or a purchase was chosen; else one line. */}
        <details
          className="popup-log"
          open={logOpen || Boolean(source)}
          onToggle={(e) => setLogOpen(e.currentTarget.open)}
        >
          <summary data-testid="popup-log">{t('popup.log')}</summary>
          <PasteBox onFound={(found) => setChosen({ kind: 'prefill', prefill: found, key: `paste:${Date.now()}` })} />
          <section aria-label={t('purchases.prefill.form')}>
            <PurchaseForm
              key={formSourceKey(source)}
              {...formSourceProps(source)}
              onCancel={chosen ? () => setChosen(undefined) : undefined}
            />
          </section>
        </details>
        <Suggestions onSubscribe={(good) => setChosen({ kind: 'unsold', good })} />
        <PopupActions year={year} />
        <RecentPurchases onEdit={(purchase) => setChosen({ kind: 'edit', purchase })} />
        <p className="muted" data-testid="popup-catalogue-count">
          {t('popup.catalogueCount', { count: catalogueCount })}
        </p>
      </main>
    </>
  );
}
