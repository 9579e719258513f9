import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { exportMemberFile } from '../../components/export-member-file';
import { useI18n } from '../../components/i18n';
import { PurchaseForm } from '../../components/PurchaseForm';
import { useSetting } from '../../components/use-setting';
import { countEntries } from '../../lib/catalogue/store';
import { todayIso } from '../../lib/dates';
import type { Purchase, UnsoldGood } from '../../lib/db/entities';
import { getDb } from '../../lib/db/instance';
import type { MessageKey } from '../../lib/i18n';
import { isActivePledge, periodTotals, pledgeProgress } from '../../lib/ledger/pledges';
import { messenger } from '../../lib/messenger';
import { displayYuan } from '../../lib/money';
import type { Prefill } from '../../lib/prefill';
import { PrefillSchema } from '../../lib/prefill';
import { adapterFor } from '../../lib/sites';
import { parseShareText, shortLinkIn } from '../../lib/sites/share-text';
import { suggestUnsold } from '../../lib/unsold/suggest';

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

/** What the form starts from; the page's listing unless the user chose otherwise. */
type Source =
  | { kind: 'prefill'; prefill: Prefill; key: string }
  | { kind: 'unsold'; good: UnsoldGood }
  | { kind: 'edit'; purchase: Purchase };

function PledgeSummary({ purchases }: { purchases: Purchase[] }) {
  const { t } = useI18n();
  const today = todayIso();
  const countPovertyArea = useSetting('countPovertyArea') ?? false;
  const pledges = useLiveQuery(() => getDb().pledges.toArray(), [], []);
  const active = pledges.filter((p) => isActivePledge(p, today));
  const totals = periodTotals(purchases, today, { countPovertyArea });
  return (
    <section aria-label={t('popup.pledges')} className="popup-progress">
      {active.length === 0 && (
        <p className="muted">
          {t('popup.noPledge')}{' '}
          <a href="/dashboard.html#/pledges" target="_blank" rel="noreferrer">
            {t('popup.addPledge')}
          </a>
        </p>
      )}
      {active.map((pledge) => {
        const progress = pledgeProgress(pledge, purchases, { countPovertyArea });
        const percent = Math.min(100, Math.round(progress.share * 1000) / 10);
        return (
          <div
            key={pledge.id}
            data-testid="pledge-progress"
            data-done-fen={progress.doneFen}
            data-target-fen={progress.targetFen}
          >
            <div className="popup-progress-line">
              <span>{pledge.title}</span>
              <span>
                {displayYuan(progress.doneFen)} / {displayYuan(progress.targetFen)}
              </span>
            </div>
            <progress max={100} value={percent} aria-label={`${pledge.title} ${percent}%`} />
            <div className="muted" data-testid="pledge-left">
              {t('popup.pledgeLeft', {
                left: displayYuan(Math.max(0, progress.targetFen - progress.doneFen)),
                percent,
                days: Math.max(0, Math.round((Date.parse(pledge.periodEnd) - Date.parse(today)) / 86_400_000)),
              })}
            </div>
          </div>
        );
      })}
      <p className="muted" data-testid="popup-totals" data-month-fen={totals.monthFen} data-year-fen={totals.yearFen}>
        {t('popup.totals', {
          month: displayYuan(totals.monthFen),
          counted: displayYuan(totals.monthCountedFen),
          year: displayYuan(totals.yearFen),
        })}
      </p>
    </section>
  );
}

function PasteBox({ onFound }: { onFound: (prefill: Prefill) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string>();
  async function read() {
    const listing = parseShareText(text);
    if (!listing) {
      // A short link is only resolved by the shop's servers: said so, and the form stays as it was.
      const short = shortLinkIn(text);
      setMessage(short ? t('popup.paste.shortLink', { link: short }) : t('popup.paste.failed'));
      return;
    }
    const answer = await messenger.sendMessage('matchListings', { listings: [listing] }).catch(() => null);
    const parsed = PrefillSchema.safeParse({ listing, result: answer?.results[0] ?? { score: 0, reasons: [] } });
    if (!parsed.success) {
      setMessage(t('popup.paste.failed'));
      return;
    }
    setMessage(t('popup.paste.found', { title: listing.title }));
    onFound(parsed.data);
  }
  return (
    <details className="popup-paste">
      <summary>{t('popup.paste')}</summary>
      <textarea
        aria-label={t('popup.paste')}
        data-testid="paste-share"
        rows={3}
        value={text}
        placeholder={t('popup.paste.placeholder')}
        onChange={(e) => setText(e.target.value)}
      />
      <div>
        <button type="button" data-testid="paste-read" onClick={() => void read()}>
          {t('popup.paste.read')}
        </button>{' '}
        {message && (
          <span role="status" data-testid="paste-message">
            {message}
          </span>
        )}
      </div>
    </details>
  );
}

function Suggestions({ onSubscribe }: { onSubscribe: (good: UnsoldGood) => void }) {
  const { t } = useI18n();
  const home = useSetting('homeRegion');
  const goods = useLiveQuery(() => getDb().unsoldGoods.toArray(), [], []);
  const list = suggestUnsold(goods, home ?? {}, todayIso());
  return (
    <section aria-label={t('popup.suggest')}>
      <h2 className="popup-h2">{t('popup.suggest')}</h2>
      {list.length === 0 ? (
        <p className="muted">
          {home?.countyCode || home?.cityCode ? (
            t('popup.empty')
          ) : (
            <a href="/dashboard.html#/welcome?step=home" target="_blank" rel="noreferrer">
              {t('popup.suggest.none')}
            </a>
          )}
        </p>
      ) : (
        <ul className="popup-list" data-testid="popup-suggestions">
          {list.map((g) => (
            <li key={g.id}>
              <span>
                {g.product}
                {g.variety ? `（${g.variety}）` : ''} · {g.county ?? ''}{' '}
                <span className="muted">
                  {t('popup.suggest.left', { quantity: g.openQuantity, unit: g.unit })}
                  {g.harvestEnd ? ` · ${t('popup.suggest.until', { date: g.harvestEnd })}` : ''}
                </span>
              </span>
              <button type="button" onClick={() => onSubscribe(g)} data-testid="suggest-subscribe">
                {t('popup.subscribe')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function App() {
  const { t } = useI18n();
  const { siteId, prefill } = useActiveTab();
  const [chosen, setChosen] = useState<Source>();
  const [deleted, setDeleted] = useState<Purchase>();
  const catalogueCount = useLiveQuery(() => countEntries(getDb()), [], 0);
  const year = todayIso().slice(0, 4);
  const purchases = useLiveQuery(
    () => getDb().purchases.where('purchasedOn').between(`${year}-01-01`, `${year}-12-31`, true, true).toArray(),
    [year],
    [],
  );
  const recent = useLiveQuery(() => getDb().purchases.orderBy('purchasedOn').reverse().limit(5).toArray(), [], []);
  const source: Source | undefined = chosen ?? (prefill ? { kind: 'prefill', prefill, key: 'page' } : undefined);
  const formKey =
    source?.kind === 'prefill'
      ? source.key
      : source?.kind === 'unsold'
        ? `u:${source.good.id}`
        : source?.kind === 'edit'
          ? `e:${source.purchase.id}`
          : 'empty';

  const sampleActive = useLiveQuery(
    () =>
      getDb()
        .catalogueSources.filter((c) => c.sample)
        .count(),
    [],
    0,
  );
  const profile = useSetting('profile');
  const [exported, setExported] = useState<{ text: string; warn: boolean }>();
  const [logOpen, setLogOpen] = useState(false);

  /** The year's member file, with feedback: a warning first when the profile has no name (the coordinator needs it). */
  async function exportYear() {
    try {
      await exportMemberFile('xlsx', { start: `${year}-01-01`, end: `${year}-12-31` });
      setExported(
        profile?.name.trim()
          ? { text: t('popup.exported'), warn: false }
          : { text: t('popup.exported.noName'), warn: true },
      );
    } catch (error) {
      setExported({ text: t('popup.exportFailed', { message: String(error) }), warn: true });
    }
  }

  async function remove(p: Purchase) {
    await getDb().purchases.delete(p.id);
    setDeleted(p);
  }

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
        {source?.kind === 'prefill' && source.prefill.result.tier && (
          <p data-testid="popup-tier">
            <strong>{t(`tier.${source.prefill.result.tier}`)}</strong> {source.prefill.result.product ?? ''}
          </p>
        )}
        {source?.kind === 'edit' && <p className="muted">{t('popup.editing', { product: source.purchase.product })}</p>}
        {source?.kind === 'unsold' && (
          <p className="muted" data-testid="popup-subscribing">
            {t('popup.subscribing', { product: source.good.product, producer: source.good.producer })}
          </p>
        )}
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
              key={formKey}
              prefill={source?.kind === 'prefill' ? source.prefill : undefined}
              unsold={source?.kind === 'unsold' ? source.good : undefined}
              editing={source?.kind === 'edit' ? source.purchase : undefined}
              onCancel={chosen ? () => setChosen(undefined) : undefined}
            />
          </section>
        </details>
        <Suggestions onSubscribe={(good) => setChosen({ kind: 'unsold', good })} />
        <div className="popup-actions">
          <a className="button" href="/dashboard.html" target="_blank" rel="noreferrer">
            {t('popup.openDashboard')}
          </a>
          <button type="button" onClick={() => void exportYear()} data-testid="popup-export">
            {t('popup.export')}
          </button>
        </div>
        {exported && (
          <p role="status" className={exported.warn ? 'popup-warn' : 'muted'} data-testid="popup-export-status">
            {exported.text}
          </p>
        )}
        <section aria-label={t('popup.recent')}>
          <h2 className="popup-h2">{t('popup.recent')}</h2>
          {deleted && (
            <p role="status" className="muted">
              {t('popup.deleted', { product: deleted.product })}{' '}
              <button
                type="button"
                onClick={() =>
                  void getDb()
                    .purchases.put(deleted)
                    .then(() => setDeleted(undefined))
                }
              >
                {t('purchases.undo')}
              </button>
            </p>
          )}
          {recent.length === 0 ? (
            <p className="muted">{t('popup.empty')}</p>
          ) : (
            <ul className="popup-list" data-testid="popup-recent">
              {recent.map((p) => (
                <li key={p.id}>
                  <span>
                    {p.purchasedOn} {p.product} {displayYuan(p.amountFen)}
                  </span>
                  <span className="popup-actions">
                    <button
                      type="button"
                      aria-label={`${t('popup.edit')} ${p.product}`}
                      onClick={() => setChosen({ kind: 'edit', purchase: p })}
                    >
                      {t('popup.edit')}
                    </button>
                    <button
                      type="button"
                      aria-label={`${t('popup.delete')} ${p.product}`}
                      onClick={() => void remove(p)}
                    >
                      {t('popup.delete')}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <p className="muted" data-testid="popup-catalogue-count">
          {t('popup.catalogueCount', { count: catalogueCount })}
        </p>
      </main>
    </>
  );
}
