import { Typography } from 'antd';
import { formatDistanceToNowStrict } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import { useTranslation } from 'react-i18next';
import { formatSiteDateTime } from '../../../shared/domain';
import { useSiteClockStore } from '../../state/site-clock-store';

/** "3 minutes ago (2026-12-07 14:03, Asia/Shanghai)": relative, and on HQ's own clock, never the computer's. */
export function LastContact({ at, stacked = false }: { at: string | null; stacked?: boolean }) {
  const { t, i18n } = useTranslation();
  const zone = useSiteClockStore((s) => s.timeZone);
  if (at === null) return <Typography.Text type="secondary">{t('organisation.fleet.never')}</Typography.Text>;
  const locale = i18n.language === 'zh-CN' ? zhCN : enUS;
  const when = formatDistanceToNowStrict(new Date(at), { addSuffix: true, locale });
  const local = formatSiteDateTime(at, zone);
  if (stacked)
    return (
      <span title={zone}>
        {when}
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {local}
        </Typography.Text>
      </span>
    );
  return <span title={zone}>{t('organisation.fleet.lastContactAt', { when, at: local })}</span>;
}
