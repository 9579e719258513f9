import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../../components/i18n';
import { useSetting } from '../../components/use-setting';
import { todayIso } from '../../lib/dates';
import type { UnsoldGood } from '../../lib/db/entities';
import { getDb } from '../../lib/db/instance';
import { suggestUnsold } from '../../lib/unsold/suggest';

/** 家乡滞销农产品: unsold goods near the user's home, most urgent first, each with 认购. */
export function Suggestions({ onSubscribe }: { onSubscribe: (good: UnsoldGood) => void }) {
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
            <>
              {t('popup.suggest.noneNear')}{' '}
              <a href="/dashboard.html#/unsold" target="_blank" rel="noreferrer">
                {t('popup.suggest.register')}
              </a>
            </>
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
