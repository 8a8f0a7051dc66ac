import { Alert, Button, Card, Descriptions, Form, Input, Popconfirm, Segmented, Space, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/bridge';
import { bridge } from '../bridge';
import { rememberLanguage, type Language } from '../i18n';
import { pairTerminal, PairingInputError } from '../sync/pairing';
import { EndpointError, normaliseEndpointUrl } from '../sync/endpoint-api';
import { useSite } from '../db/hooks';
import { DemoTerminalsCard } from './DemoTerminalsCard';
import { LocalBackupCard } from './LocalBackupCard';
import { CleartextWarning } from '../shell/PairingNotices';
import { usePairingStore } from '../state/pairing-store';
import { useUiStore } from '../state/ui-store';

function LanguageCard() {
  const { t, i18n } = useTranslation();
  const { language, setLanguage } = useUiStore();
  const choose = (next: Language) => {
    setLanguage(next);
    rememberLanguage(next);
    void i18n.changeLanguage(next);
  };
  return (
    <Card title={t('settings.language')}>
      <Space direction="vertical">
        <Segmented<Language>
          data-testid="language-switch"
          value={language}
          onChange={choose}
          options={[
            { label: '简体中文', value: 'zh-CN' },
            { label: 'English', value: 'en' },
          ]}
        />
        <Typography.Text type="secondary">{t('settings.languageHint')}</Typography.Text>
      </Space>
    </Card>
  );
}

function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown, url: string): string => {
    if (error instanceof PairingInputError) return t(`settings.errors.${error.field}`, { url });
    if (error instanceof EndpointError) {
      if (error.reason === 'unauthorized') return t('settings.errors.unauthorized');
      if (error.reason === 'unreachable') return t('settings.errors.unreachable', { url, reason: error.message });
      return t('settings.errors.unexpected', { status: error.status ?? '?', reason: error.message });
    }
    return String(error);
  };
}

function PairingCard() {
  const { t } = useTranslation();
  const { pairing, setPairing, clearPairing } = usePairingStore();
  const site = useSite(pairing?.siteId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorText = useErrorText();
  const [form] = Form.useForm<{ endpointUrl: string; token: string }>();
  const typedEndpoint = normaliseEndpointUrl(Form.useWatch('endpointUrl', form) ?? '');

  const submit = async ({ endpointUrl, token }: { endpointUrl: string; token: string }) => {
    setBusy(true);
    setError(null);
    try {
      const paired = await pairTerminal(endpointUrl ?? '', token ?? '');
      setPairing(paired);
      form.resetFields(['token']);
      void message.success(t('settings.pairOk', { site: paired.siteId }));
    } catch (caught) {
      setError(errorText(caught, endpointUrl ?? ''));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('settings.pairing')} data-testid="pairing-card">
      {pairing && (
        <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }} data-testid="pairing-details">
          <Descriptions.Item label={t('settings.site')}>
            <span data-testid="paired-site">{pairing.siteId}</span>
            {site && <Typography.Text type="secondary"> · {site.name}</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.siteKind')}>{t(`siteKinds.${pairing.siteKind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('settings.terminal')}>{pairing.terminalId}</Descriptions.Item>
          <Descriptions.Item label={t('settings.endpoint')}>{pairing.endpointUrl}</Descriptions.Item>
        </Descriptions>
      )}
      <CleartextWarning endpointUrl={pairing?.endpointUrl} testId="paired-cleartext-warning" />
      <Typography.Paragraph type="secondary">{t('settings.pairingHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ endpointUrl: pairing?.endpointUrl ?? '' }}
        style={{ maxWidth: 520 }}
      >
        <Form.Item name="endpointUrl" label={t('settings.endpointUrl')}>
          <Input placeholder="http://127.0.0.1:4455" data-testid="pair-url" autoComplete="off" />
        </Form.Item>
        {/* The current pairing's own warning is above; this one is for a URL being typed in. */}
        {typedEndpoint !== pairing?.endpointUrl && <CleartextWarning endpointUrl={typedEndpoint} testId="pair-cleartext-warning" />}
        <Form.Item name="token" label={t('settings.token')}>
          <Input.Password data-testid="pair-token" autoComplete="off" />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="pair-error" />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="pair-submit">
            {t('settings.pair')}
          </Button>
          {pairing && (
            <Popconfirm
              title={t('settings.unpairConfirm')}
              onConfirm={clearPairing}
              okText={t('settings.unpair')}
              cancelText={t('common.cancel')}
            >
              <Button danger>{t('settings.unpair')}</Button>
            </Popconfirm>
          )}
        </Space>
      </Form>
    </Card>
  );
}

function AboutCard() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void bridge.getAppInfo().then(setInfo);
  }, []);
  return (
    <Card title={t('settings.about')}>
      {info ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('settings.host')}>
            <span data-testid="app-host">{info.host === 'electron' ? t('settings.hostElectron') : t('settings.hostBrowser')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.version')}>{info.version}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
      )}
    </Card>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="section-settings">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <PairingCard />
      <DemoTerminalsCard />
      <LocalBackupCard />
      <LanguageCard />
      <AboutCard />
    </Space>
  );
}
