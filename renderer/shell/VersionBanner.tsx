import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSyncStatusStore } from '../state/sync-status-store';

/**
 * Says in words that this app or the endpoint must be updated before some data syncs again
 * (SYNC-PROTOCOL.md: 409 upgrade-required / schema-mismatch). Nothing is lost meanwhile: the
 * terminal keeps working on its own store and keeps what waits to upload.
 */
export function VersionBanner() {
  const { t } = useTranslation();
  const problem = useSyncStatusStore((s) => s.versionProblem);
  if (!problem) return null;
  const collection = t(`sync.collections.${problem.collection}`);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="version-banner"
      data-kind={problem.kind}
      message={t(problem.kind === 'update-app' ? 'app.updateApp' : 'app.updateEndpoint')}
      description={t(problem.kind === 'update-app' ? 'app.updateAppDetail' : 'app.updateEndpointDetail', {
        collection,
        terminal: problem.terminal,
        endpoint: problem.endpoint,
      })}
    />
  );
}
