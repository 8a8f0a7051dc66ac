import { FileExcelOutlined, FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { tableToCsv, type TableModel } from '../../../shared/finance';
import { bridge } from '../../bridge';
import { tableToXlsx } from '../../export/xlsx';
import { printElement } from '../../ui/print';
import { PrintableTable } from './PrintableTable';

/** A file name from the table title and date: letters, digits, CJK and dashes only. */
export function exportFileName(table: TableModel, extension: string): string {
  const base = table.title.replace(/[^\p{L}\p{N}-]+/gu, '-').replace(/^-+|-+$/g, '') || 'export';
  return `${base}.${extension}`;
}

/** Excel, CSV and print of one table model, the same figures as the screen shows. */
export function ExportButtons({ table, testId, printable = false }: { table: () => TableModel; testId: string; printable?: boolean }) {
  const { t } = useTranslation();
  const save = async (kind: 'xlsx' | 'csv') => {
    try {
      const model = table();
      const name = exportFileName(model, kind);
      const data = kind === 'csv' ? tableToCsv(model) : await tableToXlsx(model);
      const result = await bridge.saveFile({
        suggestedName: name,
        data,
        mimeType: kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filters: [{ name: kind === 'csv' ? 'CSV' : 'Excel', extensions: [kind] }],
      });
      if (result.status !== 'cancelled') void message.success(t('finance.export.saved', { name }));
    } catch (error) {
      void message.error(t('finance.export.failed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };
  const print = async () => {
    const model = table();
    const result = await printElement(<PrintableTable table={model} />, {
      title: model.title,
      mode: 'printer',
      pageSize: 'A4',
      landscape: model.columns.length > 6,
    });
    if (result.status === 'failed') void message.error(t('ui.print.failed', { reason: result.reason }));
  };
  return (
    <Space size="small" wrap>
      <Button size="small" icon={<FileExcelOutlined />} onClick={() => void save('xlsx')} data-testid={`${testId}-xlsx`}>
        {t('finance.export.excel')}
      </Button>
      <Button size="small" icon={<FileTextOutlined />} onClick={() => void save('csv')} data-testid={`${testId}-csv`}>
        {t('finance.export.csv')}
      </Button>
      {printable && (
        <Button size="small" icon={<PrinterOutlined />} onClick={() => void print()} data-testid={`${testId}-print`}>
          {t('finance.export.print')}
        </Button>
      )}
    </Space>
  );
}
