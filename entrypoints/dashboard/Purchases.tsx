import { Card } from 'antd';
import { useI18n } from '../../components/i18n';
import { PurchaseForm } from '../../components/PurchaseForm';
import { useHashValue } from '../../components/use-hash';
import { readPrefill } from '../../lib/prefill';
import { MemberExport } from './MemberExport';
import { PrefillCard } from './PrefillCard';
import { PurchasesTable } from './PurchasesTable';

export function Purchases() {
  const { t } = useI18n();
  const prefill = useHashValue(readPrefill);
  return (
    <>
      {prefill && <PrefillCard prefill={prefill} />}
      <Card title={t('purchases.prefill.form')}>
        <PurchaseForm key={location.hash} prefill={prefill} />
      </Card>
      <PurchasesTable />
      <MemberExport />
    </>
  );
}
