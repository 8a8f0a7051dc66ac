import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography, message } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseUnsentFile, unsentFileName } from '../../shared/protocol/unsent-file';
import { bridge } from '../bridge';
import { exportUnsent, importUnsent } from '../db/local-backup';
import { useSessionStore } from '../db/session';
import { usePairingStore } from '../state/pairing-store';

/**
 * The terminal's own backup of what it has not sent (renderer/db/local-backup.ts): saved through
 * the bridge (a save dialog in Electron, a download in browser mode), read back with a file picker
 * on a fresh install of the same site.
 */
export function LocalBackupCard() {
  const { t } = useTranslation();
  const pairing = usePairingStore((s) => s.pairing);
  const db = useSessionStore((s) => s.db);
  const sync = useSessionStore((s) => s.sync);
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  if (!pairing || !db) return null;

  const exportFile = async () => {
    setBusy('export');
    try {
      const exportedAt = new Date().toISOString(); // an instant, named in the file, never a business date
      const file = await exportUnsent(db, sync?.pendingKeys() ?? [], pairing, exportedAt);
      const count = Object.values(file.records).reduce((sum, docs) => sum + (docs?.length ?? 0), 0);
      const saved = await bridge.saveFile({
        suggestedName: unsentFileName(pairing.siteId, exportedAt),
        data: JSON.stringify(file),
        mimeType: 'application/json',
        filters: [{ name: 'JSON', extensions: ['json'] }],
      });
      if (saved.status !== 'cancelled') void message.success(t('settings.backup.exported', { count }));
    } catch (error) {
      void message.error(t('settings.backup.failed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(null);
    }
  };

  const importFile = async (chosen: File | undefined) => {
    if (fileInput.current) fileInput.current.value = ''; // choosing the same file again must fire change
    if (!chosen) return;
    setBusy('import');
    try {
      const file = parseUnsentFile(await chosen.text(), { orgId: pairing.orgId, siteId: pairing.siteId });
      const outcome = await importUnsent(db, file);
      const notice = outcome.refused > 0 ? message.warning : message.success;
      void notice(t('settings.backup.imported', { ...outcome, firstRefusal: outcome.firstRefusal ?? '' }));
    } catch (error) {
      void message.error(t('settings.backup.failed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t('settings.backup.title')} data-testid="local-backup">
      <Typography.Paragraph type="secondary">{t('settings.backup.hint')}</Typography.Paragraph>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        style={{ display: 'none' }}
        data-testid="unsent-file"
        onChange={(e) => void importFile(e.target.files?.[0])}
      />
      <Space wrap>
        <Button icon={<DownloadOutlined />} loading={busy === 'export'} onClick={() => void exportFile()} data-testid="unsent-export">
          {t('settings.backup.export')}
        </Button>
        <Button
          icon={<UploadOutlined />}
          loading={busy === 'import'}
          onClick={() => fileInput.current?.click()}
          data-testid="unsent-import"
        >
          {t('settings.backup.import')}
        </Button>
      </Space>
    </Card>
  );
}
