import { Alert, App, Button, Card, Input, Segmented, Space, Table, Tag, Typography, type InputRef } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foodSafetyOptionsFromConfig, type ReadingStatus, type StorageArea, type TemperatureOutcome } from '../../../shared/ops';
import type { ConfigDoc, EventDoc } from '../../../shared/schemas';
import { useLedgerAtHand, useRxQuery, useTerminal } from '../../db/hooks';
import { useCommand } from '../../db/commands';
import { ErrorAlert } from '../../ui/errors';
import { formatQty, formatSiteTime, productLabel } from '../../ui/format';
import { QcTag } from './QcTag';
import { useSites } from './site-names';
import { areaKeyOf, areaKeys, parseCelsius, rangeText, storageArea, type AreaKey } from './storage-areas';

interface Alerted {
  area: StorageArea;
  readingAt: string;
  areaName: string;
  celsius: number;
  outcome: TemperatureOutcome;
  done: boolean;
}

const statusColor: Record<ReadingStatus, string> = { ok: 'green', 'too-warm': 'red', 'too-cold': 'blue' };

/** 温度记录: readings per storage area; out of range, quarantine what is stored there. */
export function TemperaturePanel({ siteId, canWrite }: { siteId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const command = useCommand();
  const ledger = useLedgerAtHand();
  const terminal = useTerminal();
  const { siteName } = useSites();
  const [areaKey, setAreaKey] = useState<AreaKey>('fridge');
  const [text, setText] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [alerted, setAlerted] = useState<Alerted | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<InputRef>(null);
  const config = useRxQuery<ConfigDoc>((database) => database.config.find({ selector: { key: 'site-policy', siteId } }), [siteId]);
  const options = foodSafetyOptionsFromConfig(config?.[0]);
  const events = useRxQuery<EventDoc>((database) => database.events.find({ selector: { siteId, kind: 'temperature' } }), [siteId]);
  const readings = useMemo(
    () =>
      (events ?? [])
        .filter((event) => typeof event.data.celsius === 'number' && event.data.batchIds === undefined && event.toSiteId === undefined)
        .sort((a, b) => b.at.localeCompare(a.at))
        .slice(0, 30),
    [events],
  );
  const areaName = (key: AreaKey) => t(`foodSafety.temperature.areas.${key}`);
  const rangeOf = (key: AreaKey) =>
    rangeText(options.temperatureRanges[storageArea(siteId, key, '').areaClass]) ?? t('foodSafety.temperature.anyRange');

  const record = async () => {
    const celsius = parseCelsius(text);
    if (celsius === null) {
      setInputError(t('foodSafety.temperature.readingRequired'));
      input.current?.focus();
      return;
    }
    if (!command || !ledger || !terminal) return;
    setInputError(null);
    setError(null);
    setBusy(true);
    try {
      const area = storageArea(siteId, areaKey, areaName(areaKey));
      // The reading and its alert are facts to keep whatever the officer decides next.
      const { result } = await command('temperature.record', { area, celsius });
      const { outcome } = result;
      setText('');
      if (outcome.status === 'ok') {
        message.success(t('foodSafety.temperature.recorded', { area: area.name, celsius }));
        setAlerted(null);
      } else {
        setAlerted({ area, readingAt: result.readingAt, areaName: area.name, celsius, outcome, done: false });
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  const quarantine = async () => {
    if (!command || !alerted) return;
    setError(null);
    try {
      // Own batches are quarantined; batches another site created are asked of that site (single-writer batches).
      const { result } = await command('temperature.quarantine', {
        area: alerted.area,
        celsius: alerted.celsius,
        readingAt: alerted.readingAt,
      });
      message.warning(t('foodSafety.temperature.quarantined', { count: result.quarantined }));
      setAlerted({ ...alerted, done: true });
    } catch (caught) {
      setError(caught);
    }
  };

  if (!canWrite && terminal?.siteKind === 'hq' && siteId === terminal.siteId)
    return <Alert type="info" showIcon message={t('foodSafety.temperature.noSite')} />;

  const foreign = alerted ? alerted.outcome.affected.filter((entry) => entry.originSiteId !== siteId) : [];
  return (
    <div data-testid="temperature-panel">
      <Typography.Paragraph type="secondary">{t('foodSafety.temperature.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} />
      {canWrite && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Space wrap align="start" size={16}>
            <div>
              <Typography.Text strong>{t('foodSafety.temperature.area')}</Typography.Text>
              <br />
              <Segmented
                value={areaKey}
                onChange={(value) => {
                  setAreaKey(value as AreaKey);
                  input.current?.focus();
                }}
                options={areaKeys.map((key) => ({
                  value: key,
                  label: (
                    <span data-testid={`area-${key}`}>
                      {areaName(key)}
                      <Typography.Text type="secondary"> · {rangeOf(key)}</Typography.Text>
                    </span>
                  ),
                }))}
              />
            </div>
            <div>
              <Typography.Text strong>{t('foodSafety.temperature.reading')}</Typography.Text>
              <br />
              <Space.Compact>
                <Input
                  ref={input}
                  autoFocus
                  inputMode="decimal"
                  style={{ width: 140 }}
                  value={text}
                  suffix="°C"
                  status={inputError ? 'error' : undefined}
                  onChange={(event) => setText(event.target.value)}
                  onPressEnter={record}
                  data-testid="temperature-input"
                />
                <Button type="primary" onClick={record} loading={busy} data-testid="temperature-record">
                  {t('foodSafety.temperature.record')}
                </Button>
              </Space.Compact>
              {inputError && (
                <div>
                  <Typography.Text type="danger" data-testid="temperature-input-error">
                    {inputError}
                  </Typography.Text>
                </div>
              )}
            </div>
          </Space>
        </Card>
      )}
      {alerted && (
        <Alert
          type={alerted.done ? 'warning' : 'error'}
          showIcon
          closable
          onClose={() => setAlerted(null)}
          style={{ marginBottom: 16 }}
          data-testid="temperature-alert"
          message={t('foodSafety.temperature.alertTitle', {
            area: alerted.areaName,
            celsius: alerted.celsius,
            status: t(`foodSafety.temperature.status.${alerted.outcome.status}`),
          })}
          description={
            <Space direction="vertical" style={{ width: '100%' }}>
              <span>
                {alerted.outcome.affected.length
                  ? t('foodSafety.temperature.alertBody', { count: alerted.outcome.affected.length })
                  : t('foodSafety.temperature.alertNone')}
              </span>
              {alerted.outcome.affected.length > 0 && (
                <Table
                  size="small"
                  pagination={false}
                  rowKey="batchId"
                  scroll={{ y: 240 }}
                  dataSource={alerted.outcome.affected}
                  columns={[
                    {
                      title: t('foodSafety.temperature.product'),
                      key: 'product',
                      render: (_, entry) => {
                        const product = ledger?.ledger.product(entry.productId);
                        return product ? productLabel(product, i18n.language) : entry.productId;
                      },
                    },
                    {
                      title: t('foodSafety.temperature.lot'),
                      key: 'lot',
                      render: (_, entry) => ledger?.ledger.batch(entry.batchId)?.lotCode ?? entry.batchId,
                    },
                    {
                      title: t('foodSafety.temperature.qty'),
                      key: 'qty',
                      align: 'right',
                      render: (_, entry) => formatQty(entry.qty, ledger?.ledger.product(entry.productId)),
                    },
                    { title: t('foodSafety.temperature.origin'), key: 'origin', render: (_, entry) => siteName(entry.originSiteId) },
                    {
                      title: t('foodSafety.certificates.qc'),
                      key: 'qc',
                      render: (_, entry) => {
                        const batch = ledger?.ledger.batch(entry.batchId);
                        return batch ? <QcTag status={batch.qcStatus} /> : null;
                      },
                    },
                  ]}
                />
              )}
              {alerted.done && foreign.length > 0 && (
                <span>
                  {t('foodSafety.temperature.askedOrigin', {
                    count: foreign.length,
                    sites: [...new Set(foreign.map((entry) => siteName(entry.originSiteId)))].join('、'),
                  })}
                </span>
              )}
              {!alerted.done && alerted.outcome.affected.length > 0 && (
                <Button danger type="primary" onClick={quarantine} data-testid="temperature-quarantine">
                  {t('foodSafety.temperature.quarantine', { count: alerted.outcome.affected.length })}
                </Button>
              )}
            </Space>
          }
        />
      )}
      <Typography.Title level={5}>{t('foodSafety.temperature.log')}</Typography.Title>
      <Table<EventDoc>
        size="small"
        rowKey="id"
        loading={events === null}
        dataSource={readings}
        pagination={false}
        locale={{ emptyText: t('foodSafety.temperature.logEmpty') }}
        data-testid="temperature-log"
        columns={[
          {
            title: t('foodSafety.temperature.at'),
            key: 'at',
            width: 170,
            render: (_, event) => formatSiteTime(event.at),
          },
          {
            title: t('foodSafety.temperature.area'),
            key: 'area',
            render: (_, event) => {
              const key = areaKeyOf(String(event.data.areaId ?? ''));
              return key ? areaName(key) : String(event.data.areaId ?? '');
            },
          },
          {
            title: t('foodSafety.temperature.reading'),
            key: 'celsius',
            align: 'right',
            width: 120,
            render: (_, event) => `${String(event.data.celsius)} °C`,
          },
          {
            title: '',
            key: 'status',
            width: 120,
            render: (_, event) => {
              const status = (event.data.status ?? 'ok') as ReadingStatus;
              return <Tag color={statusColor[status]}>{t(`foodSafety.temperature.status.${status}`)}</Tag>;
            },
          },
        ]}
      />
    </div>
  );
}
