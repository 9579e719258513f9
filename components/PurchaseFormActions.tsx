import type { DuplicateVerdict } from '../lib/ledger/duplicates';
import { useI18n } from './i18n';

/** 保存 (and 取消), with what the save said: a duplicate (保存 anyway when only possible) or 已保存 with an undo. */
export function PurchaseFormActions({
  onCancel,
  duplicate,
  onSaveAnyway,
  saved,
  onUndo,
}: {
  onCancel?: () => void;
  duplicate?: Exclude<DuplicateVerdict, { kind: 'new' }>;
  onSaveAnyway: () => void;
  saved: boolean;
  onUndo: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="pf-actions">
      <button type="submit" className="pf-primary" data-testid="purchase-save">
        {t('purchases.save')}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('pledges.cancel')}
        </button>
      )}
      {duplicate && (
        <span role="alert" className="pf-error" data-testid="purchase-duplicate" data-kind={duplicate.kind}>
          {t(`purchases.duplicate.${duplicate.reason}`, {
            date: duplicate.existing.purchasedOn,
            product: duplicate.existing.product,
            orderNo: duplicate.existing.orderNo ?? '',
          })}
          {duplicate.kind === 'ask' && (
            <button type="button" data-testid="purchase-save-anyway" onClick={onSaveAnyway}>
              {t('purchases.duplicate.saveAnyway')}
            </button>
          )}
        </span>
      )}
      {saved && (
        <>
          <span role="status" data-testid="purchase-saved">
            {t('purchases.saved')}
          </span>
          <button type="button" onClick={onUndo}>
            {t('purchases.undo')}
          </button>
        </>
      )}
    </div>
  );
}
