import { Button, Input, Popconfirm, Space, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pairingLink, type FleetTerminal } from '../../../shared/protocol/admin';
import { orgAdmin, type AdminConnection } from '../../sync/org-admin-api';
import { describeAdminError } from './admin-hooks';
import { LastContact } from './LastContact';
import { PairingModal } from './PairingModal';

interface Props {
  siteId: string;
  siteName: string;
  terminals: readonly FleetTerminal[];
  connection: AdminConnection;
  /** This HQ terminal's own id: it is not offered for revoking. */
  ownTerminalId: string;
  onChanged(): Promise<void>;
}

/** A site's terminals: add one (its pairing shown once), rename, revoke. */
export function SiteTerminals({ siteId, siteName, terminals, connection, ownTerminalId, onChanged }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<{ name: string; link: string } | null>(null);

  const fail = (error: unknown) => void message.error(describeAdminError(t, error));
  const add = async () => {
    setBusy(true);
    try {
      const created = await orgAdmin.createTerminal(connection, { siteId, name });
      setIssued({ name: created.name, link: pairingLink(connection.endpointUrl, created.token) });
      setName('');
      await onChanged();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };
  const rename = async (terminal: FleetTerminal, next: string) => {
    if (next.trim() === '' || next.trim() === terminal.name) return;
    try {
      await orgAdmin.renameTerminal(connection, terminal.terminalId, next);
      void message.success(t('organisation.terminals.renamed', { name: next.trim() }));
      await onChanged();
    } catch (error) {
      fail(error);
    }
  };
  const revoke = async (terminal: FleetTerminal) => {
    try {
      await orgAdmin.revokeTerminal(connection, terminal.terminalId);
      void message.success(t('organisation.terminals.revokedDone', { name: terminal.name }));
      await onChanged();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <div data-testid={`site-terminals-${siteId}`}>
      <Typography.Text strong>{t('organisation.terminals.title', { site: siteName })}</Typography.Text>
      <Table<FleetTerminal>
        size="small"
        rowKey="terminalId"
        pagination={false}
        dataSource={[...terminals]}
        locale={{ emptyText: t('organisation.terminals.empty') }}
        style={{ margin: '8px 0' }}
        columns={[
          {
            title: t('organisation.terminals.name'),
            key: 'name',
            render: (_, terminal) =>
              terminal.revokedAt ? (
                <Typography.Text delete>{terminal.name}</Typography.Text>
              ) : (
                <Typography.Text
                  editable={{ onChange: (next) => void rename(terminal, next), tooltip: t('organisation.terminals.rename') }}
                  data-testid={`terminal-name-${terminal.terminalId}`}
                >
                  {terminal.name}
                </Typography.Text>
              ),
          },
          {
            title: t('organisation.fleet.lastContact'),
            key: 'lastSeen',
            width: 260,
            render: (_, terminal) => <LastContact at={terminal.lastSeenAt} />,
          },
          {
            title: '',
            key: 'actions',
            width: 130,
            align: 'right',
            render: (_, terminal) =>
              terminal.revokedAt ? (
                <Tag>{t('organisation.terminals.revoked')}</Tag>
              ) : terminal.terminalId === ownTerminalId ? (
                <Tag color="blue">{t('organisation.terminals.thisTerminal')}</Tag>
              ) : (
                <Popconfirm
                  title={t('organisation.terminals.revokeConfirm', { name: terminal.name })}
                  onConfirm={() => revoke(terminal)}
                  okButtonProps={{ danger: true }}
                >
                  <Button size="small" danger data-testid={`revoke-${terminal.name}`}>
                    {t('organisation.terminals.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Space.Compact style={{ maxWidth: 420, width: '100%' }}>
        <Input
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder={t('organisation.terminals.namePlaceholder')}
          aria-label={t('organisation.terminals.name')}
          maxLength={200}
          onPressEnter={() => name.trim() && void add()}
          data-testid={`new-terminal-name-${siteId}`}
        />
        <Button
          type="primary"
          loading={busy}
          disabled={name.trim() === ''}
          onClick={() => void add()}
          data-testid={`add-terminal-${siteId}`}
        >
          {t('organisation.terminals.add')}
        </Button>
      </Space.Compact>
      {issued && <PairingModal name={issued.name} link={issued.link} onClose={() => setIssued(null)} />}
    </div>
  );
}
