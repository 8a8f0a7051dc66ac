import { InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReplenishmentSettings } from './replenishment-plan';

/** Lead time, review period and service level: defaults a store manager may change for today. */
export function SettingsBar({ settings, onChange }: { settings: ReplenishmentSettings; onChange: (next: ReplenishmentSettings) => void }) {
  const { t } = useTranslation();
  return (
    <Space wrap size="large">
      <label>
        <Typography.Text>{t('forecast.settings.leadTime')} </Typography.Text>
        <InputNumber
          data-testid="setting-lead-time"
          min={0}
          max={7}
          precision={0}
          value={settings.leadTimeDays}
          onChange={(value) => onChange({ ...settings, leadTimeDays: value ?? 0 })}
        />
      </label>
      <label>
        <Typography.Text>{t('forecast.settings.reviewPeriod')} </Typography.Text>
        <InputNumber
          data-testid="setting-review-period"
          min={1}
          max={14}
          precision={0}
          value={settings.reviewPeriodDays}
          onChange={(value) => onChange({ ...settings, reviewPeriodDays: value ?? 1 })}
        />
      </label>
      <label>
        <Typography.Text>{t('forecast.settings.serviceLevel')} </Typography.Text>
        <InputNumber
          data-testid="setting-service-level"
          min={50}
          max={99.5}
          step={0.5}
          value={Math.round(settings.serviceLevel * 1000) / 10}
          addonAfter="%"
          onChange={(value) => onChange({ ...settings, serviceLevel: (value ?? 95) / 100 })}
        />
      </label>
    </Space>
  );
}
