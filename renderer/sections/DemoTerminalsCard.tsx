import { Button, Card, List, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePairingStore } from '../state/pairing-store';
import type { SiteDoc } from '../../shared/schemas';
import { useRxQuery } from '../db/hooks';
import { useDemoTerminals, type DemoTerminal } from '../state/demo-terminals';
import { demoSiteName } from './demo-site-name';
import { pairTerminal } from '../sync/pairing';

/** Switches this window between the local demo organisation's terminals (one per site). */
export function DemoTerminalsCard() {
  const { t, i18n } = useTranslation();
  const { endpointUrl, terminals } = useDemoTerminals();
  const sites = useRxQuery<SiteDoc>((db) => db.sites.find(), []);
  const nameOf = (terminal: DemoTerminal) => demoSiteName(terminal, sites, i18n.language);
  const { pairing, setPairing } = usePairingStore();
  const [busy, setBusy] = useState<string | null>(null);
  if (!endpointUrl || terminals.length === 0) return null;

  const switchTo = async (terminal: DemoTerminal) => {
    setBusy(terminal.siteId);
    try {
      setPairing(await pairTerminal(endpointUrl, terminal.token));
      void message.success(t('settings.demoSwitched', { site: nameOf(terminal) }));
    } catch (error) {
      void message.error(
        t('settings.errors.unreachable', { url: endpointUrl, reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t('settings.demoTitle')} data-testid="demo-terminals">
      <Typography.Paragraph type="secondary">{t('settings.demoHint')}</Typography.Paragraph>
      <List
        dataSource={terminals}
        renderItem={(terminal) => {
          const current = pairing?.siteId === terminal.siteId && pairing.endpointUrl === endpointUrl;
          return (
            <List.Item
              actions={[
                current ? (
                  <Tag color="green" key="current">
                    {t('settings.demoCurrent')}
                  </Tag>
                ) : (
                  <Button
                    key="use"
                    loading={busy === terminal.siteId}
                    onClick={() => void switchTo(terminal)}
                    data-testid={`demo-switch-${terminal.siteId}`}
                  >
                    {t('settings.demoUse')}
                  </Button>
                ),
              ]}
            >
              <List.Item.Meta title={nameOf(terminal)} description={t(`siteKinds.${terminal.siteKind}`)} />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
