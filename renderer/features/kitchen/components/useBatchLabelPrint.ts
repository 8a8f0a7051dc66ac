import { createElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintResult } from '../../../../shared/bridge';
import { useLedgerAtHand } from '../../../db/hooks';
import { formatQty, productLabel } from '../../../ui/format';
import { batchLabelCode } from '../../../../shared/ops/batch-label';
import { printKitchenDocument, qrDataUrl } from '../print';
import { BatchLabels, batchLabelCss, type BatchLabelData } from './BatchLabels';

export interface LabelRequest {
  batchId: string;
  /** How many labels (packs), each stating `qtyPerLabel`. */
  count: number;
  qtyPerLabel: number;
}

/** Prints batch labels (lot, product, dates, QR) on the 60 × 40 mm label page. */
export function useBatchLabelPrint(): (requests: readonly LabelRequest[]) => Promise<PrintResult> {
  const { t, i18n } = useTranslation();
  const ledger = useLedgerAtHand();
  return async (requests) => {
    const labels: BatchLabelData[] = [];
    for (const request of requests) {
      const batch = ledger?.ledger.batch(request.batchId);
      const product = batch ? ledger?.ledger.product(batch.productId) : undefined;
      if (!batch || !product) continue;
      const qr = await qrDataUrl(batchLabelCode([...product.barcodes], batch.lotCode, batch.expiryDate));
      for (let i = 0; i < Math.max(1, Math.floor(request.count)); i++) {
        labels.push({
          productName: productLabel(product, i18n.language),
          lotCode: batch.lotCode,
          ...(batch.productionDate ? { productionDate: batch.productionDate } : {}),
          ...(batch.expiryDate ? { expiryDate: batch.expiryDate } : {}),
          quantityText: formatQty(request.qtyPerLabel, product),
          qr,
          caption: {
            lot: t('kitchen.label.lot'),
            produced: t('kitchen.label.produced'),
            expires: t('kitchen.label.expires'),
            qty: t('kitchen.label.qty'),
          },
        });
      }
    }
    return printKitchenDocument(createElement(BatchLabels, { labels }), {
      title: t('kitchen.label.title'),
      mode: 'printer',
      pageSize: { widthMm: 60, heightMm: 40 },
      margins: 'none',
      css: batchLabelCss,
    });
  };
}
