import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePairingStore } from '../state/pairing-store';

/** An honest placeholder: says what the screen will do, never shows invented figures. */
export function EmptySection({ route }: { route: string }) {
  const { t } = useTranslation();
  const paired = usePairingStore((s) => s.pairing !== null);
  return (
    <Card data-testid={`section-${route}`}>
      <Typography.Title level={3}>{t(`nav.${route}`)}</Typography.Title>
      <Typography.Paragraph type="secondary">{t(`sections.${route}`)}</Typography.Paragraph>
      <Empty description={paired ? t('sections.notBuilt') : t('sections.notPaired')} />
    </Card>
  );
}
