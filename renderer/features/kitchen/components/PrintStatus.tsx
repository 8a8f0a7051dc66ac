import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PrintResult } from '../../../../shared/bridge';

/** What happened to a print job, in words (browser mode can only say the dialog opened). */
export function PrintStatus({ result, testId = 'print-status' }: { result: PrintResult | null; testId?: string }) {
  const { t } = useTranslation();
  if (!result) return null;
  let text: string;
  switch (result.status) {
    case 'printed':
      text = t('kitchen.print.printed');
      break;
    case 'saved':
      text = t('ui.print.saved', { path: result.path });
      break;
    case 'dialog-shown':
      text = result.hint === 'choose-save-as-pdf' ? t('ui.print.choosePdf') : t('ui.print.dialogShown');
      break;
    case 'cancelled':
      text = t('kitchen.print.cancelled');
      break;
    case 'failed':
      text = t('ui.print.failed', { reason: result.reason });
      break;
  }
  return (
    <Typography.Text type={result.status === 'failed' ? 'danger' : 'secondary'} data-testid={testId}>
      {text}
    </Typography.Text>
  );
}
