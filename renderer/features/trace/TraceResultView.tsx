import { App, Button, Card, Col, Row, Space, Table, Tag, Tree, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { DataNode } from 'antd/es/tree';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  traceCsv,
  type ProductTotals,
  type SiteFlow,
  type TraceNode,
  type TraceResult,
  type TraceSource,
  type TraceTree,
} from '../../../shared/ops';
import type { MovementKind } from '../../../shared/schemas';
import { bridge } from '../../bridge';
import { useLedgerAtHand } from '../../db/hooks';
import { businessDateToday, formatQty, productLabel } from '../../ui/format';
import { usePartners, useSites } from '../food-safety/site-names';

/** Order in which a batch's life reads: in, made, moved, out. */
const kindOrder: readonly MovementKind[] = [
  'opening',
  'receipt',
  'production-output',
  'dispatch-in',
  'dispatch-out',
  'transit-loss',
  'production-consume',
  'sale',
  'consumption',
  'waste',
  'return',
  'count-adjust',
];

interface Props {
  result: TraceResult;
  source: TraceSource;
  title: string;
  fileStem: string;
}

export function TraceResultView({ result, source, title, fileStem }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const ledger = useLedgerAtHand();
  const { siteName } = useSites();
  const { partnerName } = usePartners();
  const nodes = useMemo(() => new Map(result.nodes.map((node) => [node.batchId, node])), [result]);

  const product = (id: string) => ledger?.ledger.product(id);
  const productName = (id: string) => {
    const doc = product(id);
    return doc ? productLabel(doc, i18n.language) : id;
  };
  const qty = (productId: string, value: number) => formatQty(value, product(productId));
  const docNumber = (docId: string) => source.document(docId)?.number ?? docId.slice(0, 8);

  const originText = (node: TraceNode) => {
    switch (node.origin.kind) {
      case 'receipt':
        return t('trace.receivedFrom', {
          supplier: node.origin.supplierId ? partnerName(node.origin.supplierId) : '—',
          number: node.origin.docNumber ?? node.origin.docId.slice(0, 8),
        });
      case 'production':
        return t('trace.producedBy', { number: node.origin.docNumber ?? node.origin.docId.slice(0, 8) });
      default:
        return t('trace.unknownOrigin');
    }
  };

  const flowText = (node: TraceNode, flow: SiteFlow) => {
    const parts = kindOrder.flatMap((kind) => {
      const value = flow.byKind[kind];
      if (value === undefined || value === 0) return [];
      return [`${t(`trace.kinds.${kind}`)} ${value > 0 ? '+' : ''}${qty(node.productId, value)}`];
    });
    return `${parts.join(' · ')} · ${t('trace.onHandShort')} ${qty(node.productId, flow.onHand)}`;
  };

  const batchTitle = (tree: TraceTree, node: TraceNode | undefined, isRoot: boolean) => (
    <span data-testid="trace-node">
      <Typography.Text strong>{node ? productName(node.productId) : tree.batchId}</Typography.Text>
      <Typography.Text type="secondary"> · {node?.lotCode || tree.batchId.slice(0, 8)}</Typography.Text>
      {' · '}
      {isRoot || !tree.viaDocId
        ? t('trace.rootQty', { qty: qty(node?.productId ?? '', tree.qty) })
        : t('trace.consumedInto', { qty: qty(node?.productId ?? '', tree.qty), number: docNumber(tree.viaDocId) })}
      {node && <Typography.Text type="secondary"> · {originText(node)}</Typography.Text>}
      {tree.repeated && <Typography.Text type="secondary"> {t('trace.repeated')}</Typography.Text>}
    </span>
  );

  const toData = (tree: TraceTree, path: string, direction: 'forward' | 'backward', isRoot: boolean): DataNode => {
    const node = nodes.get(tree.batchId);
    const key = `${path}/${tree.batchId}/${tree.viaDocId ?? ''}`;
    const flows: DataNode[] =
      direction === 'forward' && node && !tree.repeated
        ? node.sites.map((flow) => ({
            key: `${key}#${flow.siteId}`,
            isLeaf: true,
            title: (
              <span data-testid="trace-flow" data-site={flow.siteId}>
                <Tag color={flow.siteId.startsWith('store') ? 'blue' : 'purple'}>{siteName(flow.siteId)}</Tag>
                {flowText(node, flow)}
              </span>
            ),
          }))
        : [];
    return {
      key,
      title: batchTitle(tree, node, isRoot),
      children: [...flows, ...tree.children.map((child) => toData(child, key, direction, false))],
    };
  };

  const forwardData = result.forward.map((tree) => toData(tree, 'f', 'forward', true));
  const backwardData = result.backward.map((tree) => toData(tree, 'b', 'backward', true));
  const hasBackward = result.backward.some((tree) => tree.children.length > 0);

  const exportCsv = async () => {
    const outcome = await bridge.saveFile({
      suggestedName: `trace-${fileStem}-${businessDateToday()}.csv`,
      data: traceCsv(source, result),
      mimeType: 'text/csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    if (outcome.status !== 'cancelled') message.success(t('trace.exported'));
  };

  const onHandRows = result.totals.onHandBySite.filter((row) => Math.abs(row.qty) > 1e-9);
  return (
    <div data-testid="trace-result">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="trace-title">
          {title}
        </Typography.Title>
        <Button icon={<DownloadOutlined />} onClick={exportCsv} data-testid="trace-export">
          {t('trace.export')}
        </Button>
      </Space>
      <Space wrap style={{ marginBottom: 12 }} data-testid="trace-sites">
        <Typography.Text type="secondary">{t('trace.sitesInvolved')}:</Typography.Text>
        {result.sites.map((siteId) => (
          <Tag key={siteId} color={siteId.startsWith('store') ? 'blue' : 'purple'}>
            {siteName(siteId)}
          </Tag>
        ))}
      </Space>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('trace.totals')}>
            <Table<ProductTotals>
              size="small"
              rowKey="productId"
              pagination={false}
              dataSource={result.totals.byProduct}
              data-testid="trace-totals"
              columns={[
                { title: t('trace.product'), key: 'product', render: (_, row) => productName(row.productId) },
                { title: t('trace.sold'), key: 'sold', align: 'right', render: (_, row) => qty(row.productId, row.sold) },
                { title: t('trace.wasted'), key: 'wasted', align: 'right', render: (_, row) => qty(row.productId, row.wasted) },
                { title: t('trace.onHand'), key: 'onHand', align: 'right', render: (_, row) => qty(row.productId, row.onHand) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('trace.onHandBySite')}>
            <Table
              size="small"
              rowKey={(row) => `${row.siteId}/${row.productId}`}
              pagination={false}
              dataSource={onHandRows}
              locale={{ emptyText: t('trace.nothingOnHand') }}
              data-testid="trace-on-hand"
              columns={[
                { title: t('trace.site'), key: 'site', render: (_, row) => siteName(row.siteId) },
                { title: t('trace.product'), key: 'product', render: (_, row) => productName(row.productId) },
                { title: t('trace.onHand'), key: 'qty', align: 'right', render: (_, row) => qty(row.productId, row.qty) },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('trace.forward')} style={{ marginBottom: 16 }} data-testid="trace-forward">
        <Tree showLine defaultExpandAll selectable={false} treeData={forwardData} />
      </Card>
      <Card size="small" title={t('trace.backward')} data-testid="trace-backward">
        {hasBackward ? (
          <Tree showLine defaultExpandAll selectable={false} treeData={backwardData} />
        ) : (
          <Typography.Text type="secondary">
            {backwardData.length ? (
              <>
                {backwardData.map((data) => (
                  <div key={String(data.key)}>{data.title as React.ReactNode}</div>
                ))}
                <div>{t('trace.noBackward')}</div>
              </>
            ) : (
              t('trace.noBackward')
            )}
          </Typography.Text>
        )}
      </Card>
    </div>
  );
}
