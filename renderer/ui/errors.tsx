import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { DomainError } from '../../shared/domain';
import { PostingRefusedError } from '../db/posting';
import type { SiteDoc } from '../../shared/schemas';
import { useLedgerAtHand, useRxQuery } from '../db/hooks';
import { describeDomainError } from './domain-error-text';

/** Any error from a posting or a save, in words. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const ledger = useLedgerAtHand();
  const sites = useRxQuery<SiteDoc>((db) => db.sites.find(), []);
  const siteName = (id: string): string => {
    const site = sites?.find((candidate) => candidate.id === id);
    return site ? (i18n.language === 'en' && site.nameEn ? site.nameEn : site.name) : id;
  };
  return (error) => {
    if (error instanceof PostingRefusedError) return describeDomainError(error.domainError, t, ledger, i18n.language, siteName);
    if (error instanceof DomainError) return describeDomainError(error, t, ledger, i18n.language, siteName);
    return t('ui.errors.write', { message: error instanceof Error ? error.message : String(error) });
  };
}

export function ErrorAlert({ error, testId = 'error' }: { error: unknown; testId?: string }) {
  const text = useErrorText();
  if (!error) return null;
  return <Alert type="error" showIcon message={text(error)} data-testid={testId} style={{ marginBottom: 16 }} />;
}
