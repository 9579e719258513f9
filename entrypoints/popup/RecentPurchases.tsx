import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useI18n } from '../../components/i18n';
import type { Purchase } from '../../lib/db/entities';
import { getDb } from '../../lib/db/instance';
import { displayYuan } from '../../lib/money';

/** 最近记录: the five latest purchases, each to edit or delete (with an undo). */
export function RecentPurchases({ onEdit }: { onEdit: (purchase: Purchase) => void }) {
  const { t } = useI18n();
  const [deleted, setDeleted] = useState<Purchase>();
  const recent = useLiveQuery(() => getDb().purchases.orderBy('purchasedOn').reverse().limit(5).toArray(), [], []);

  async function remove(p: Purchase) {
    await getDb().purchases.delete(p.id);
    setDeleted(p);
  }

  return (
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
        <p className="muted" data-testid="popup-recent-empty">
          {t('popup.empty')} ·{' '}
          <a href="/dashboard.html#/orders" target="_blank" rel="noreferrer">
            {t('popup.empty.orders')}
          </a>
        </p>
      ) : (
        <ul className="popup-list" data-testid="popup-recent">
          {recent.map((p) => (
            <li key={p.id}>
              <span>
                {p.purchasedOn} {p.product} {displayYuan(p.amountFen)}
              </span>
              <span className="popup-actions">
                <button type="button" aria-label={`${t('popup.edit')} ${p.product}`} onClick={() => onEdit(p)}>
                  {t('popup.edit')}
                </button>
                <button type="button" aria-label={`${t('popup.delete')} ${p.product}`} onClick={() => void remove(p)}>
                  {t('popup.delete')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
