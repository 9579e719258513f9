import { Button, Input, Select, Space } from 'antd';
import { DateRange } from '../../components/DateRange';
import { useI18n } from '../../components/i18n';
import { FUNDING_SOURCES } from '../../lib/db/entities';
import type { MessageKey } from '../../lib/i18n';
import type { PurchaseFilter, TierFilter } from '../../lib/ledger/purchase-filter';
import { SITE_IDS } from '../../lib/match/listing';

const TIERS = ['certified', 'expired', 'poverty-area', 'unsold', 'none'] as const;
const PLATFORMS = [...SITE_IDS, 'offline'] as const;

/** The purchase list's filters: dates, platform, funding source, certification and a search. */
export function PurchaseFilters({
  filter,
  onChange,
}: {
  filter: PurchaseFilter;
  onChange: (filter: PurchaseFilter) => void;
}) {
  const { t } = useI18n();
  const set = (change: Partial<PurchaseFilter>) => onChange({ ...filter, ...change });
  const anyOf = (name: MessageKey) => ({ value: '', label: t('purchases.filter.anyOf', { name: t(name) }) });
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="purchases-filters">
      <DateRange
        start={filter.start ?? ''}
        end={filter.end ?? ''}
        label={t('purchases.filter.start')}
        testId="purchases-filter"
        onChange={(range) => set({ start: range.start || undefined, end: range.end || undefined })}
      />
      <Select
        aria-label={t('purchases.filter.platform')}
        style={{ width: 130 }}
        value={filter.platform ?? ''}
        onChange={(v) => set({ platform: v || undefined })}
        options={[
          anyOf('purchases.filter.platform'),
          ...PLATFORMS.map((p) => ({ value: p, label: t(`site.${p}` as MessageKey) })),
        ]}
      />
      <Select
        aria-label={t('purchases.filter.funding')}
        style={{ width: 150 }}
        value={filter.fundingSource ?? ''}
        onChange={(v) => set({ fundingSource: (v || undefined) as PurchaseFilter['fundingSource'] })}
        options={[anyOf('purchases.filter.funding'), ...FUNDING_SOURCES.map((f) => ({ value: f, label: f }))]}
      />
      <Select
        aria-label={t('purchases.filter.tier')}
        style={{ width: 170 }}
        value={filter.tier ?? ''}
        onChange={(v) => set({ tier: (v || undefined) as TierFilter | undefined })}
        data-testid="purchases-filter-tier"
        options={[
          anyOf('purchases.filter.tier'),
          ...TIERS.map((tier) => ({
            value: tier,
            label: tier === 'none' ? t('purchases.tier.none') : t(`tier.${tier}`),
          })),
        ]}
      />
      <Input.Search
        allowClear
        aria-label={t('purchases.filter.search')}
        placeholder={t('purchases.filter.search')}
        style={{ width: 300 }}
        value={filter.search ?? ''}
        onChange={(e) => set({ search: e.target.value || undefined })}
      />
      <Button onClick={() => onChange({})}>{t('purchases.filter.reset')}</Button>
    </Space>
  );
}
