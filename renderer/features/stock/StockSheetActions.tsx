import { UploadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPENING_LINES_PER_DOCUMENT } from '../../../shared/commands/opening-stock';
import { openingColumns, openingTemplate, planOpeningImport, type OpeningLine } from '../../../shared/ops/opening-stock-sheet';
import type { BatchDoc, ProductDoc } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { useLedgerAtHand } from '../../db/hooks';
import { businessDateToday, formatQty, productLabel } from '../../ui/format';
import { ExportButtons } from '../finance/ExportButtons';
import { SheetImportDialog } from '../master-data/SheetImportDialog';
import type { StockRow } from './stock-rows';
import { stockSheet } from './stock-sheet';
import { useCustomFieldText, useCustomFields } from '../master-data/custom-field-ui';
import type { CustomValues } from '../../../shared/domain';

interface Props {
  rows: readonly StockRow[];
  byProduct: boolean;
  /** HQ reads every site and holds no stock: it exports, each site imports its own opening stock. */
  isHq: boolean;
  siteId: string;
  products: readonly ProductDoc[];
  siteName(id: string): string;
}

/** The stock page's sheets: export what is shown; at a kitchen or store, import opening stock (期初库存). */
export function StockSheetActions({ rows, byProduct, isHq, siteId, products, siteName }: Props) {
  const { t, i18n } = useTranslation();
  const command = useCommand();
  const ledger = useLedgerAtHand();
  const [importing, setImporting] = useState(false);
  const customFields = useCustomFields('product');
  const customText = useCustomFieldText();
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';

  const siteBatches = (): BatchDoc[] => {
    const batches: BatchDoc[] = [];
    for (const position of ledger?.ledger.positions() ?? []) {
      if (position.siteId !== siteId) continue;
      const batch = ledger?.ledger.batch(position.batchId);
      if (batch) batches.push(batch);
    }
    return batches;
  };

  return (
    <Space wrap>
      <ExportButtons
        testId="stock-export"
        table={() =>
          stockSheet(
            rows,
            {
              language,
              site: siteName,
              product: (row) => (row.product ? productLabel(row.product, i18n.language) : row.productId),
              status: (row) => t(`stock.status.${row.qcStatus && row.qcStatus !== 'released' ? 'qc-held' : row.status}`),
              quantity: (row) => formatQty(row.qty, row.product),
              customFields: customFields.map((field) => ({
                id: field.id,
                title: customText.label(field),
                number: field.kind === 'number',
                value: (row) => {
                  const value = (row.product?.custom as CustomValues | undefined)?.[field.id];
                  if (value === undefined) return null;
                  return typeof value === 'number' ? value : customText.value(field, row.product?.custom as CustomValues);
                },
              })),
            },
            { byProduct, showSite: isHq },
          )
        }
      />
      {!isHq && command && (
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="stock-opening-import">
          {t('stock.openingImport')}
        </Button>
      )}
      {importing && command && (
        <SheetImportDialog<OpeningLine>
          sheet={{
            noun: 'openingStock',
            updates: false,
            columns: openingColumns,
            chunk: OPENING_LINES_PER_DOCUMENT,
            plan: (records) => planOpeningImport(records, products, { siteId, businessDate: businessDateToday(), batches: siteBatches() }),
            template: openingTemplate,
            apply: async (chunk) => void (await command('opening-stock.import', { lines: chunk })),
          }}
          onClose={() => setImporting(false)}
        />
      )}
    </Space>
  );
}
