import { Card, Empty, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  countDocument,
  startCountSession,
  varianceCsv,
  varianceReview,
  type CountScope,
  type CountSession,
  type VarianceReview,
} from '../../../shared/ops';
import { historyReadsOf } from '../../../shared/domain';
import type { StockCountDoc } from '../../../shared/schemas';
import { bridge } from '../../bridge';
import { useCommand } from '../../db/commands';
import { useLedgerAtHand, useLedgerRead, useTerminal } from '../../db/hooks';
import { tableToXlsx } from '../../export/xlsx';
import { useSyncStatusStore } from '../../state/sync-status-store';
import { useHeldNotice } from '../approvals/useHeldNotice';
import { ErrorAlert } from '../../ui/errors';
import { createSessionSaver, loadSession } from './count-store';
import { CountSessionView } from './CountSessionView';
import { StartCountForm } from './StartCountForm';
import { useScanCatalog } from './useScanCatalog';
import { VarianceReviewView } from './VarianceReviewView';
import { varianceTable } from './variance-table';

type Stage =
  | { kind: 'counting' }
  | { kind: 'review'; closedAt: string; zeroUncounted: boolean }
  | { kind: 'posted'; document: StockCountDoc; review: VarianceReview; held: string | null };

/** 盘点: start a full or cycle count, scan, review the variance, post count-adjust movements. */
export default function CountsPage() {
  const { t } = useTranslation();
  const terminal = useTerminal();
  return (
    <div data-testid="section-counts">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('nav.counts')}
      </Typography.Title>
      {terminal ? (
        <CountsForSite key={terminal.siteId} siteId={terminal.siteId} terminalId={terminal.terminalId} />
      ) : (
        <Card>
          <Empty description={t('sections.notPaired')} />
        </Card>
      )}
    </div>
  );
}

function CountsForSite({ siteId, terminalId }: { siteId: string; terminalId: string }) {
  const { t, i18n } = useTranslation();
  const ledger = useLedgerAtHand();
  const catalog = useScanCatalog();
  // Offline, the local store is what there is to count against: no warning then.
  const firstSyncReceived = useSyncStatusStore((status) =>
    status.connectivity === 'online' || status.connectivity === 'connecting' ? status.initialSyncReceived : null,
  );
  const command = useCommand();
  const heldNotice = useHeldNotice();
  const [session, setSession] = useState<CountSession | null>(() => loadSession(localStorage, siteId));
  const [stage, setStage] = useState<Stage>({ kind: 'counting' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const saver = useMemo(() => createSessionSaver(localStorage, siteId), [siteId]);

  useEffect(() => {
    window.addEventListener('pagehide', saver.flush);
    return () => {
      window.removeEventListener('pagehide', saver.flush);
      saver.flush();
    };
  }, [saver]);

  const changeSession = useCallback(
    (next: CountSession | null) => {
      setSession(next);
      saver.save(next);
    },
    [saver],
  );

  const review = useLedgerRead(
    async (ledger): Promise<{ document: StockCountDoc; review: VarianceReview } | { error: unknown } | null> => {
      if (!session || stage.kind !== 'review') return null;
      try {
        const document = countDocument(session, stage.closedAt, { zeroUncounted: stage.zeroUncounted });
        // On-hand as of each line's counting instant: the same history the posting will read.
        const view = await ledger.postingView(historyReadsOf(document));
        return { document, review: varianceReview(document, view) };
      } catch (caught) {
        return { error: caught };
      }
    },
    [session, stage],
  );

  if (!ledger || !catalog)
    return (
      <Spin tip={t('common.loading')} data-testid="counts-loading">
        <div style={{ height: 120 }} />
      </Spin>
    );

  const start = async (scope: CountScope, blind: boolean) => {
    if (!command) return;
    setError(null);
    try {
      const { result: stamped } = await command('count.start', {});
      changeSession(startCountSession({ ...stamped, siteId, terminalId, scope, blind }, ledger.ledger, catalog.products));
      setStage({ kind: 'counting' });
    } catch (caught) {
      setError(caught);
    }
  };

  const exportReport = async (kind: 'csv' | 'xlsx', report: VarianceReview, number: string) => {
    if (kind === 'csv') await bridge.saveFile({ suggestedName: `${number}-variance.csv`, data: varianceCsv(report), mimeType: 'text/csv' });
    else
      await bridge.saveFile({
        suggestedName: `${number}-variance.xlsx`,
        data: await tableToXlsx(varianceTable(report, t, ledger.ledger, i18n.language)),
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
  };

  if (stage.kind === 'posted') {
    return (
      <VarianceReviewView
        review={stage.review}
        ledger={ledger.ledger}
        siteId={siteId}
        posted
        held={stage.held}
        zeroUncounted={false}
        onZeroUncountedChange={null}
        error={null}
        busy={false}
        onBack={() => undefined}
        onPost={() => undefined}
        onExport={(kind) => void exportReport(kind, stage.review, stage.document.number)}
        onDone={() => setStage({ kind: 'counting' })}
      />
    );
  }
  if (!session) return <StartCountForm products={catalog.products} onStart={start} firstSyncReceived={firstSyncReceived} />;
  if (stage.kind === 'review') {
    if (!review || 'error' in review) return <ErrorAlert error={review?.error} testId="count-error" />;
    const { document, review: report } = review;
    const post = async () => {
      if (!command) return;
      setBusy(true);
      setError(null);
      try {
        const { result } = await command('count.post', { document });
        changeSession(null);
        setStage({ kind: 'posted', document, review: report, held: heldNotice(result) });
      } catch (caught) {
        setError(caught);
      } finally {
        setBusy(false);
      }
    };
    return (
      <VarianceReviewView
        review={report}
        ledger={ledger.ledger}
        siteId={siteId}
        posted={false}
        zeroUncounted={stage.zeroUncounted}
        onZeroUncountedChange={session.scope.kind === 'full' ? null : (value) => setStage({ ...stage, zeroUncounted: value })}
        error={error}
        busy={busy}
        onBack={() => setStage({ kind: 'counting' })}
        onPost={() => void post()}
        onExport={(kind) => void exportReport(kind, report, document.number)}
        onDone={() => undefined}
      />
    );
  }
  return (
    <CountSessionView
      session={session}
      onChange={changeSession}
      catalog={catalog}
      ledger={ledger.ledger}
      onReview={() => setStage({ kind: 'review', closedAt: new Date().toISOString(), zeroUncounted: session.scope.kind === 'full' })}
      onCancel={() => changeSession(null)}
    />
  );
}
