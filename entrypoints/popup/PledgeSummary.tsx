import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../../components/i18n';
import { useSetting } from '../../components/use-setting';
import { todayIso } from '../../lib/dates';
import type { Purchase } from '../../lib/db/entities';
import { getDb } from '../../lib/db/instance';
import { isActivePledge, periodTotals, pledgeProgress, pledgeStanding } from '../../lib/ledger/pledges';
import { displayYuan } from '../../lib/money';

/** Each active pledge's progress (amount left, percentage, days left), and the month's and year's totals. */
export function PledgeSummary({ purchases }: { purchases: Purchase[] }) {
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
        const { leftFen, percent, daysLeft } = pledgeStanding(progress, today);
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
              {t('popup.pledgeLeft', { left: displayYuan(leftFen), percent, days: daysLeft })}
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
