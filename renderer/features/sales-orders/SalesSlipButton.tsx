// Prints a delivery's 销售单 on A4 through the bridge (shared/ops/sales-slip.ts): the paper the
// customer signs for, with the VAT split the books hold and the total in Chinese capitals.
import { PrinterOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { salesSlip, type SalesSlip } from '../../../shared/ops/sales-slip';
import type { SaleDoc } from '../../../shared/schemas';
import { useLedgerAtHand } from '../../db/hooks';
import { formatMoney, formatQty, productLabel } from '../../ui/format';
import { printKitchenDocument } from '../kitchen/print';
import { useLabels } from '../finance/labels';

const slipCss = `
  .slip { padding: 12mm 14mm; }
  .slip h1 { text-align: center; font-size: 16pt; margin: 0 0 4mm; letter-spacing: 2pt; }
  .slip .head { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 2mm 8mm; margin-bottom: 4mm; }
  .slip .total td { font-weight: 700; }
  .slip .capitals { margin-top: 3mm; }
  .slip .sign { display: flex; justify-content: space-between; margin-top: 12mm; }
`;

function PrintedSlip({ slip, t }: { slip: SalesSlip; t: TFunction }) {
  return (
    <div className="slip">
      <h1>{t('salesOrders.slip.title')}</h1>
      <div className="head">
        <span>
          {t('salesOrders.slip.seller')}: {slip.seller}
        </span>
        <span>
          {t('salesOrders.slip.customer')}: {slip.customer}
        </span>
        <span>
          {t('salesOrders.slip.number')}: {slip.number}
        </span>
        <span>
          {t('salesOrders.slip.date')}: {slip.date}
        </span>
        {slip.orderNumber && (
          <span>
            {t('salesOrders.slip.order')}: {slip.orderNumber}
          </span>
        )}
      </div>
      <table>
        <thead>
          <tr>
            <th>{t('salesOrders.col.product')}</th>
            <th>{t('salesOrders.slip.lot')}</th>
            <th className="num">{t('salesOrders.slip.qty')}</th>
            <th className="num">{t('salesOrders.col.unitPrice')}</th>
            <th className="num">{t('salesOrders.col.taxRate')}</th>
            <th className="num">{t('salesOrders.slip.net')}</th>
            <th className="num">{t('salesOrders.slip.tax')}</th>
            <th className="num">{t('salesOrders.slip.gross')}</th>
          </tr>
        </thead>
        <tbody>
          {slip.lines.map((line, index) => (
            <tr key={index}>
              <td>{line.name}</td>
              <td>{line.lot}</td>
              <td className="num">{line.qty}</td>
              <td className="num">{formatMoney(line.unitPrice)}</td>
              <td className="num">{line.taxRate}</td>
              <td className="num">{formatMoney(line.amounts.net)}</td>
              <td className="num">{formatMoney(line.amounts.tax)}</td>
              <td className="num">{formatMoney(line.amounts.gross)}</td>
            </tr>
          ))}
          <tr className="total">
            <td colSpan={5}>{t('salesOrders.slip.total')}</td>
            <td className="num">{formatMoney(slip.totals.net)}</td>
            <td className="num">{formatMoney(slip.totals.tax)}</td>
            <td className="num">{formatMoney(slip.totals.gross)}</td>
          </tr>
        </tbody>
      </table>
      <div className="capitals">
        {t('salesOrders.slip.capitals')}: {slip.totalInCapitals}
      </div>
      <div className="sign">
        <span>{t('salesOrders.slip.issuedBy')}: ____________</span>
        <span>{t('salesOrders.slip.receivedBy')}: ____________</span>
      </div>
    </div>
  );
}

/** 打印销售单 for a posted sale on account (a delivery of an order, or a sale to a named customer). */
export function SalesSlipButton({ sale, orderNumber }: { sale: SaleDoc; orderNumber?: string | null }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const ledger = useLedgerAtHand();
  const labels = useLabels();
  const print = async () => {
    if (!ledger) return;
    const order = orderNumber ?? (sale.salesOrderId ? (ledger.ledger.document(sale.salesOrderId)?.number ?? null) : null);
    const slip = salesSlip(sale, {
      seller: labels.site(sale.siteId),
      customer: labels.partner(sale.partnerId),
      orderNumber: order,
      product: (id) => ledger.ledger.product(id),
      productName: (product, id) => (product ? productLabel(product, i18n.language) : id),
      lotOf: (batchId) => (batchId ? (ledger.ledger.batch(batchId)?.lotCode ?? '') : ''),
      quantity: (qty, product) => formatQty(qty, product),
    });
    try {
      const result = await printKitchenDocument(<PrintedSlip slip={slip} t={t} />, {
        title: `${t('salesOrders.slip.title')} ${sale.number}`,
        mode: 'printer',
        pageSize: 'A4',
        css: slipCss,
      });
      if (result.status !== 'cancelled') void message.success(t('salesOrders.slip.printed', { number: sale.number }));
    } catch (error) {
      void message.error(t('salesOrders.slip.failed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };
  return (
    <Button size="small" icon={<PrinterOutlined />} onClick={() => void print()} data-testid={`sales-slip-${sale.number}`}>
      {t('salesOrders.slip.print')}
    </Button>
  );
}
