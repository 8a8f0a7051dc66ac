// The quick sale's receipt (小票) on a 58 or 80 mm roll, printed through the bridge; the width is
// the till's, kept on this terminal.
import type { TFunction } from 'i18next';
import type { Receipt } from '../../../shared/ops/receipt';
import { formatMoney } from '../../ui/format';
import { printKitchenDocument } from '../kitchen/print';

export type ReceiptWidth = 58 | 80;
const widthKey = 'larder.receipt-width';

export function savedReceiptWidth(): ReceiptWidth {
  return localStorage.getItem(widthKey) === '58' ? 58 : 80;
}

export function saveReceiptWidth(width: ReceiptWidth): void {
  localStorage.setItem(widthKey, String(width));
}

function ReceiptBody({ receipt, t }: { receipt: Receipt; t: TFunction }) {
  return (
    <div className="receipt">
      <div className="center strong">{receipt.store}</div>
      <div className="center">{t('sales.receipt.title')}</div>
      <div>
        {t('sales.receipt.number')} {receipt.number}
      </div>
      <div>
        {t('sales.receipt.time')} {receipt.time}
      </div>
      <hr />
      {receipt.lines.map((line, index) => (
        <div key={index} className="line">
          <div>{line.name}</div>
          <div className="row">
            <span>
              {line.qty} @ {formatMoney(line.price)}/{line.priceUnit}
            </span>
            <span>{formatMoney(line.amount)}</span>
          </div>
        </div>
      ))}
      <hr />
      <div className="row strong">
        <span>{t('sales.receipt.total', { count: receipt.itemCount })}</span>
        <span>{formatMoney(receipt.total)}</span>
      </div>
      {receipt.tax > 0 && (
        <div className="row">
          <span>{t('sales.receipt.tax')}</span>
          <span>{formatMoney(receipt.tax)}</span>
        </div>
      )}
      {receipt.payment && (
        <div className="row">
          <span>{t('sales.receipt.payment')}</span>
          <span>{t(`sales.receipt.paid.${receipt.payment}`)}</span>
        </div>
      )}
      <div className="center thanks">{t('sales.receipt.thanks')}</div>
    </div>
  );
}

/** Narrow type for a 58 mm roll; rows of name, then quantity, price and amount. */
function receiptCss(width: ReceiptWidth): string {
  return `
      body { font-size: ${width === 58 ? 8 : 9.5}pt; }
      .receipt { padding: 2mm 3mm; }
      .center { text-align: center; }
      .strong { font-weight: 700; }
      .row { display: flex; justify-content: space-between; gap: 2mm; font-variant-numeric: tabular-nums; }
      .line { margin: 1mm 0; }
      hr { border: 0; border-top: 1px dashed #000; margin: 2mm 0; }
      .thanks { margin-top: 3mm; }
    `;
}

/** Roll paper: the page is as long as the receipt (about 9 mm a line), set edge to edge. */
export function printReceipt(receipt: Receipt, width: ReceiptWidth, t: TFunction) {
  return printKitchenDocument(<ReceiptBody receipt={receipt} t={t} />, {
    title: `${t('sales.receipt.title')} ${receipt.number}`,
    mode: 'printer',
    pageSize: { widthMm: width, heightMm: 70 + receipt.lines.length * 9 },
    margins: 'none',
    css: receiptCss(width),
  });
}
