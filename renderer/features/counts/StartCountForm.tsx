import { Alert, Button, Card, Checkbox, Form, Radio, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountScope } from '../../../shared/ops';
import { storageClasses, type ProductDoc, type StorageClass } from '../../../shared/schemas';
import { countCategoryOptions } from './category-options';

interface StartCountFormProps {
  products: readonly ProductDoc[];
  onStart(scope: CountScope, blind: boolean): void;
  /** Records received so far while the first sync runs; null once it finished. */
  firstSyncReceived: number | null;
}

/** Full or cycle count (by category and/or storage class), blind or with expected figures. */
export function StartCountForm({ products, onStart, firstSyncReceived }: StartCountFormProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'full' | 'cycle'>('cycle');
  const [categories, setCategories] = useState<string[]>([]);
  const [classes, setClasses] = useState<StorageClass[]>([]);
  const [blind, setBlind] = useState(true);
  const categoryOptions = useMemo(() => countCategoryOptions(products, t), [products, t]);
  const cycleEmpty = kind === 'cycle' && categories.length === 0 && classes.length === 0;
  const start = () => {
    if (cycleEmpty) return;
    const scope: CountScope =
      kind === 'full'
        ? { kind: 'full' }
        : { kind: 'cycle', ...(categories.length > 0 ? { categories } : {}), ...(classes.length > 0 ? { storageClasses: classes } : {}) };
    onStart(scope, blind);
  };
  return (
    <Card title={t('counts.start.title')} style={{ maxWidth: 720 }}>
      <Form layout="vertical" onFinish={start}>
        <Form.Item label={t('counts.start.scope')}>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as 'full' | 'cycle')} data-testid="count-kind">
            <Radio.Button value="cycle">{t('counts.scope.cycle')}</Radio.Button>
            <Radio.Button value="full">{t('counts.scope.full')}</Radio.Button>
          </Radio.Group>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {kind === 'full' ? t('counts.start.fullHint') : t('counts.start.cycleHint')}
          </Typography.Paragraph>
        </Form.Item>
        {kind === 'cycle' ? (
          <Space wrap style={{ width: '100%' }} align="start">
            <Form.Item label={t('counts.start.categories')} style={{ minWidth: 300 }}>
              <Select
                mode="multiple"
                allowClear
                options={categoryOptions}
                value={categories}
                onChange={setCategories}
                data-testid="count-categories"
                placeholder={t('counts.start.any')}
              />
            </Form.Item>
            <Form.Item label={t('counts.start.storageClasses')} style={{ minWidth: 260 }}>
              <Select
                mode="multiple"
                allowClear
                value={classes}
                onChange={setClasses}
                data-testid="count-storage"
                placeholder={t('counts.start.any')}
                options={storageClasses.map((c) => ({ value: c, label: t(`counts.storage.${c}`) }))}
              />
            </Form.Item>
          </Space>
        ) : null}
        <Form.Item>
          <Checkbox checked={blind} onChange={(e) => setBlind(e.target.checked)} data-testid="count-blind">
            {t('counts.start.blind')}
          </Checkbox>
          <Typography.Paragraph type="secondary" style={{ marginTop: 4, marginBottom: 0 }}>
            {t('counts.start.blindHint')}
          </Typography.Paragraph>
        </Form.Item>
        {cycleEmpty ? <Typography.Paragraph type="warning">{t('counts.start.pickScope')}</Typography.Paragraph> : null}
        {/* Counting offline stays possible; the clerk is told the expected figures may be partial. */}
        {firstSyncReceived !== null ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('counts.start.firstSync', { count: firstSyncReceived })}
            data-testid="count-first-sync"
          />
        ) : null}
        <Button type="primary" htmlType="submit" size="large" disabled={cycleEmpty} data-testid="count-start">
          {t('counts.start.button')}
        </Button>
      </Form>
    </Card>
  );
}
