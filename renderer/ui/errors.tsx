import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { DomainError } from '../../shared/domain';
import { PostingRefusedError } from '../db/posting';
import { useLedgerAtHand } from '../db/hooks';
import { describeDomainError } from './domain-error-text';

/** Any error from a posting or a save, in words. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const ledger = useLedgerAtHand();
  return (error) => {
    if (error instanceof PostingRefusedError) return describeDomainError(error.domainError, t, ledger, i18n.language);
    if (error instanceof DomainError) return describeDomainError(error, t, ledger, i18n.language);
    return t('ui.errors.write', { message: error instanceof Error ? error.message : String(error) });
  };
}

export function ErrorAlert({ error, testId = 'error' }: { error: unknown; testId?: string }) {
  const text = useErrorText();
  if (!error) return null;
  return <Alert type="error" showIcon message={text(error)} data-testid={testId} style={{ marginBottom: 16 }} />;
}
