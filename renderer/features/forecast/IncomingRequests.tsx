import { Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentDoc, ProductDoc, SiteDoc } from '../../../shared/schemas';
import { productLabel } from '../../ui/format';
import { readableQty } from './quantity';
import { openRequestsTo } from './kitchen-plan';
import { siteName } from './site-name';

/** The stores' open 要货单 addressed to this kitchen, newest first: what the plan is built from. */
export function IncomingRequests({
  kitchenId,
  documents,
  products,
  sites,
}: {
  kitchenId: string;
  documents: readonly DocumentDoc[];
  products: ReadonlyMap<string, ProductDoc>;
  sites: ReadonlyMap<string, SiteDoc>;
}) {
  const { t, i18n } = useTranslation();
  const requests = openRequestsTo(kitchenId, documents);
  if (requests.length === 0) return <Empty description={t('forecast.plan.noRequests')} />;
  return (
    <List
      data-testid="incoming-requests"
      dataSource={requests}
      renderItem={(request) => {
        const store = sites.get(request.siteId);
        return (
          <List.Item data-testid={`incoming-${request.number}`}>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{store ? siteName(store, i18n.language) : request.siteId}</Typography.Text>
                <Typography.Text code>{request.number}</Typography.Text>
                <Typography.Text type="secondary">{request.businessDate}</Typography.Text>
                <Tag color="blue">{t(`forecast.status.${request.status}`)}</Tag>
                {request.note && <Typography.Text type="secondary">{request.note}</Typography.Text>}
              </Space>
              <Typography.Text>
                {request.lines
                  .map((line) => {
                    const product = products.get(line.productId);
                    return `${product ? productLabel(product, i18n.language) : line.productId} ${readableQty(line.qty, product)}`;
                  })
                  .join('、')}
              </Typography.Text>
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
