import { Card } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../components/i18n';
import { PurchaseForm } from '../../components/PurchaseForm';
import { type Prefill, readPrefill } from '../../lib/prefill';
import { MemberExport } from './MemberExport';
import { PrefillCard } from './PrefillCard';
import { PurchasesTable } from './PurchasesTable';

export function Purchases() {
  const { t } = useI18n();
  const [prefill, setPrefill] = useState<Prefill | undefined>(() => readPrefill(location.hash));
  useEffect(() => {
    const onHash = () => setPrefill(readPrefill(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
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
