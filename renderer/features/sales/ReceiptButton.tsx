import { PrinterOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saleReceipt } from '../../../shared/ops/receipt';
import type { SaleDoc } from '../../../shared/schemas';
import { useLedgerAtHand } from '../../db/hooks';
import { formatQty, formatSiteTime, productLabel } from '../../ui/format';
import { unitLabel } from '../../ui/units';
import { useLabels } from '../finance/labels';
import { printReceipt, savedReceiptWidth, saveReceiptWidth, type ReceiptWidth } from './SaleReceipt';

/** Prints (or reprints) a posted sale's receipt on this till's roll width. */
export function ReceiptButton({ docId, number }: { docId: string; number: string }) {
  const { t, i18n } = useTranslation();
  const ledger = useLedgerAtHand();
  const labels = useLabels();
  const [width, setWidth] = useState<ReceiptWidth>(savedReceiptWidth);

  const print = async () => {
    const sale = ledger?.ledger.document(docId);
    if (!ledger || !sale || sale.type !== 'sale') return;
    const receipt = saleReceipt(sale as SaleDoc, {
      store: labels.site(sale.siteId),
      product: (id) => ledger.ledger.product(id),
      productName: (product, id) => (product ? productLabel(product, i18n.language) : id),
      siteTime: formatSiteTime,
      quantity: (qty, product) => formatQty(qty, product),
      unitName: (unit) => unitLabel(unit, i18n.language, 1),
    });
    try {
      const result = await printReceipt(receipt, width, t);
      if (result.status !== 'cancelled') void message.success(t('sales.receipt.printed', { number }));
    } catch (error) {
      void message.error(t('sales.receipt.failed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };

  return (
    <Space wrap>
      <Segmented<ReceiptWidth>
        value={width}
        onChange={(next) => {
          setWidth(next);
          saveReceiptWidth(next);
        }}
        options={[
          { value: 58, label: '58 mm' },
          { value: 80, label: '80 mm' },
        ]}
        data-testid="receipt-width"
      />
      <Button icon={<PrinterOutlined />} onClick={() => void print()} data-testid="receipt-print">
        {t('sales.receipt.reprint', { number })}
      </Button>
    </Space>
  );
}
