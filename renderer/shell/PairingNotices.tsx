import { Alert, Button, Descriptions, Modal, Space, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { isCleartextRemoteEndpoint } from '../../shared/trusted-url';
import { useDemoTerminals } from '../state/demo-terminals';
import { usePairingNotices } from '../state/pairing-notices';
import { usePairingStore, type Pairing } from '../state/pairing-store';

/** Plain http to another computer: the token and every record cross the network in the clear. */
export function CleartextWarning({ endpointUrl, testId }: { endpointUrl: string | null | undefined; testId: string }) {
  const { t } = useTranslation();
  if (!endpointUrl || !isCleartextRemoteEndpoint(endpointUrl)) return null;
  return <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid={testId} message={t('pairing.cleartext')} />;
}

function PairingDescription({ pairing, current, testId }: { pairing: Pairing; current: Pairing; testId: string }) {
  const { t } = useTranslation();
  const organisation =
    pairing.orgId === current.orgId
      ? t('pairing.repair.sameOrganisation')
      : t('pairing.repair.otherOrganisation', { orgId: pairing.orgId });
  return (
    <Descriptions column={1} size="small" bordered data-testid={testId}>
      <Descriptions.Item label={t('pairing.repair.endpoint')}>
        <Typography.Text strong={pairing.endpointUrl !== current.endpointUrl} data-testid={`${testId}-endpoint`}>
          {pairing.endpointUrl}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('pairing.repair.site')}>
        <span data-testid={`${testId}-site`}>
          {t(`siteKinds.${pairing.siteKind}`)} · {pairing.siteId}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('pairing.repair.organisation')}>{pairing === current ? pairing.orgId : organisation}</Descriptions.Item>
    </Descriptions>
  );
}

/**
 * A pairing that arrived on its own and would move this terminal elsewhere waits here for a yes
 * (renderer/sync/repair-policy.ts); closing the dialog keeps the current pairing.
 */
function RepairPrompt() {
  const { t } = useTranslation();
  const pending = usePairingNotices((s) => s.pending);
  const settle = usePairingNotices((s) => s.settle);
  const current = usePairingStore((s) => s.pairing);
  if (!pending || !current) return null;

  const keep = () => {
    settle();
    void message.info(t('pairing.repair.kept'));
  };
  const confirm = () => {
    usePairingStore.getState().setPairing(pending.pairing);
    if (pending.terminals) useDemoTerminals.getState().set(pending.pairing.endpointUrl, pending.terminals);
    settle();
    void message.success(t('pairing.repair.switched', { site: pending.pairing.siteId }));
  };

  return (
    <Modal
      open
      title={t('pairing.repair.title')}
      onCancel={keep}
      maskClosable={false}
      width={640}
      data-testid="repair-prompt"
      footer={
        <Space>
          <Button danger onClick={confirm} data-testid="repair-confirm">
            {t('pairing.repair.confirm')}
          </Button>
          <Button type="primary" autoFocus onClick={keep} data-testid="repair-keep">
            {t('pairing.repair.keep')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t('pairing.repair.intro')}</Typography.Paragraph>
      <Typography.Title level={5}>{t('pairing.repair.proposed')}</Typography.Title>
      <PairingDescription pairing={pending.pairing} current={current} testId="repair-proposed" />
      <div style={{ marginTop: 16 }}>
        <CleartextWarning endpointUrl={pending.pairing.endpointUrl} testId="repair-cleartext-warning" />
      </div>
      <Typography.Title level={5}>{t('pairing.repair.current')}</Typography.Title>
      <PairingDescription pairing={current} current={current} testId="repair-current" />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('pairing.repair.notYou')}
      </Typography.Paragraph>
    </Modal>
  );
}

/** The launcher's one-time link brought no pairing: say why and what to do. */
function LauncherCodeNotice() {
  const { t } = useTranslation();
  const problem = usePairingNotices((s) => s.launcherProblem);
  const dismiss = usePairingNotices((s) => s.reportLauncherProblem);
  if (!problem) return null;
  return (
    <Alert
      type={problem === 'pairing-code-used' ? 'error' : 'warning'}
      showIcon
      closable
      onClose={() => dismiss(null)}
      style={{ marginBottom: 16 }}
      data-testid="launcher-code-notice"
      data-problem={problem}
      message={t(`pairing.launcherCode.${problem}`)}
    />
  );
}

export function PairingNotices() {
  return (
    <>
      <LauncherCodeNotice />
      <RepairPrompt />
    </>
  );
}
