import { Alert, Space } from 'antd';
import { useI18n } from '../../components/i18n';
import { ORDER_LIST_URLS } from '../../lib/orders/review';

/** No orders proposed yet: where the order lists are, whose bar proposes them. */
export function OrdersEmpty() {
  const { t } = useI18n();
  return (
    <Alert
      type="info"
      showIcon
      data-testid="orders-empty"
      title={t('orders.intro')}
      description={
        <Space wrap>
          <a href={ORDER_LIST_URLS.jd} target="_blank" rel="noreferrer">
            {t('empty.orders.jd')}
          </a>
          <a href={ORDER_LIST_URLS.taobao} target="_blank" rel="noreferrer">
            {t('empty.orders.taobao')}
          </a>
        </Space>
      }
    />
  );
}
