import { Button, Popconfirm, Space, type TableColumnsType, Tag } from 'antd';
import { useI18n } from '../../components/i18n';
import { TIER_TONE } from '../../components/tone';
import type { Purchase } from '../../lib/db/entities';
import type { MessageKey } from '../../lib/i18n';
import { displayYuan } from '../../lib/money';

/** The purchase list's columns, with each row's edit and (confirmed) delete. */
export function usePurchaseColumns(
  onEdit: (p: Purchase) => void,
  onDelete: (ids: string[]) => void,
): TableColumnsType<Purchase> {
  const { t } = useI18n();
  return [
    {
      title: t('purchases.field.date'),
      dataIndex: 'purchasedOn',
      width: 110,
      sorter: (a, b) => a.purchasedOn.localeCompare(b.purchasedOn),
      defaultSortOrder: 'descend',
    },
    { title: t('purchases.field.product'), dataIndex: 'product' },
    { title: t('purchases.field.supplier'), dataIndex: 'supplier', responsive: ['lg'] },
    {
      title: t('purchases.field.platform'),
      width: 90,
      render: (_, p) => (p.platform ? t(`site.${p.platform}` as MessageKey) : '—'),
    },
    {
      title: t('purchases.field.certification'),
      key: 'tier',
      render: (_, p) =>
        p.certification.tier ? (
          <Tag color={TIER_TONE[p.certification.tier]}>{t(`tier.${p.certification.tier}`)}</Tag>
        ) : (
          '—'
        ),
    },
    { title: t('purchases.field.fundingSource'), dataIndex: 'fundingSource', width: 90 },
    {
      title: t('purchases.field.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      sorter: (a, b) => a.amountFen - b.amountFen,
      render: (fen: number) => displayYuan(fen),
    },
    {
      title: '',
      width: 130,
      render: (_, p) => (
        <Space size={4}>
          <Button size="small" onClick={() => onEdit(p)} aria-label={`${t('purchases.edit')} ${p.product}`}>
            {t('purchases.edit')}
          </Button>
          <Popconfirm title={t('purchases.deleteConfirm')} onConfirm={() => onDelete([p.id])}>
            <Button size="small" danger aria-label={`${t('purchases.delete')} ${p.product}`}>
              {t('purchases.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
}
