import { Alert, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventDoc } from '../../../../shared/schemas';
import { useLedgerAtHand } from '../../../db/hooks';
import { formatQty, formatSiteTime, productLabel } from '../../../ui/format';
import { navigate } from '../../../shell/routes';
import type { ShipmentRoute } from '../hooks';
import { discrepancyDispatchId, useSiteNames } from '../hooks';

interface Loss {
  batchId: string;
  productId: string;
  short: number;
  rejected: number;
  reason?: string;
}

function lossesOf(event: EventDoc): Loss[] {
  const losses = (event.data as Record<string, unknown>)['losses'];
  return Array.isArray(losses) ? (losses as Loss[]) : [];
}

/** Store receipts that came back short or rejected: the shipping kitchen (or store) sees each discrepancy. */
export function DiscrepancyNotices({
  events,
  limit = 5,
  showLinks = true,
  route = 'dispatch',
}: {
  events: readonly EventDoc[];
  limit?: number;
  showLinks?: boolean;
  /** The screen the shipments open on: the kitchen's dispatches, or a store's transfers. */
  route?: ShipmentRoute;
}) {
  const { t, i18n } = useTranslation();
  const ledger = useLedgerAtHand();
  const siteName = useSiteNames();
  if (events.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="discrepancy-notices"
      message={t('kitchen.discrepancy.title', { count: events.length })}
      description={
        <List
          size="small"
          dataSource={events.slice(0, limit)}
          renderItem={(event) => {
            const dispatchId = discrepancyDispatchId(event);
            const dispatch = dispatchId ? ledger?.ledger.document(dispatchId) : undefined;
            const store = event.siteId;
            return (
              <List.Item data-testid="discrepancy-notice">
                <Space direction="vertical" size={0}>
                  <Space wrap>
                    <Typography.Text strong>
                      {t(route === 'transfers' ? 'kitchen.discrepancy.transferOf' : 'kitchen.discrepancy.of', {
                        number: dispatch?.number ?? dispatchId ?? '—',
                        store: siteName(store),
                      })}
                    </Typography.Text>
                    <Typography.Text type="secondary">{formatSiteTime(event.at)}</Typography.Text>
                    {showLinks && dispatchId && (
                      <Typography.Link onClick={() => navigate(route, dispatchId)}>
                        {t(route === 'transfers' ? 'kitchen.discrepancy.transferOpen' : 'kitchen.discrepancy.open')}
                      </Typography.Link>
                    )}
                  </Space>
                  {lossesOf(event).map((loss) => {
                    const product = ledger?.ledger.product(loss.productId);
                    const lot = ledger?.ledger.batch(loss.batchId)?.lotCode ?? loss.batchId;
                    return (
                      <Typography.Text key={`${loss.batchId}-${loss.productId}`}>
                        {t('kitchen.discrepancy.loss', {
                          product: product ? productLabel(product, i18n.language) : loss.productId,
                          lot,
                          short: formatQty(loss.short, product),
                          rejected: formatQty(loss.rejected, product),
                        })}
                        {loss.reason ? ` · ${loss.reason}` : ''}
                      </Typography.Text>
                    );
                  })}
                </Space>
              </List.Item>
            );
          }}
        />
      }
    />
  );
}
