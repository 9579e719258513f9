import { useI18n } from '../../components/i18n';
import type { FormSource } from '../../lib/ledger/form-source';

/** What the form was opened with: the page's certification, the purchase being edited, or the entry 认购'd. */
export function SourceLine({ source }: { source: FormSource | undefined }) {
  const { t } = useI18n();
  if (source?.kind === 'prefill')
    return source.prefill.result.tier ? (
      <p data-testid="popup-tier">
        <strong>{t(`tier.${source.prefill.result.tier}`)}</strong> {source.prefill.result.product ?? ''}
      </p>
    ) : null;
  if (source?.kind === 'edit')
    return <p className="muted">{t('popup.editing', { product: source.purchase.product })}</p>;
  if (source?.kind === 'unsold')
    return (
      <p className="muted" data-testid="popup-subscribing">
        {t('popup.subscribing', { product: source.good.product, producer: source.good.producer })}
      </p>
    );
  return null;
}
