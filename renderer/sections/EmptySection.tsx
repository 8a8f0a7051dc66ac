import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePairingStore } from '../state/pairing-store';

type BuiltLaterSection = 'stock' | 'counts' | 'production' | 'dispatch' | 'receiving' | 'purchasing' | 'reports';

/** An honest placeholder: says what the section will do, never shows invented figures. */
export function EmptySection({ section }: { section: BuiltLaterSection }) {
  const { t } = useTranslation();
  const paired = usePairingStore((s) => s.pairing !== null);
  return (
    <Card data-testid={`section-${section}`}>
      <Typography.Title level={3}>{t(`sections.${section}.title`)}</Typography.Title>
      <Typography.Paragraph type="secondary">{t(`sections.${section}.body`)}</Typography.Paragraph>
      <Empty description={paired ? t('sections.notBuilt') : t('sections.notPaired')} />
    </Card>
  );
}
