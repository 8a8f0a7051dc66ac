import { message } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpiryNotice } from '../../shared/ops';
import { bridge } from '../bridge';
import { startBackgroundRules } from '../db/background-rules';
import { useSessionStore } from '../db/session';
import { useSites } from '../features/food-safety/site-names';

/**
 * Starts the background rules (renderer/db/background-rules.ts) for the open local store and
 * stops them with it. The effect only starts and stops the schedule; the rules write through
 * commands like every screen.
 */
export function useBackgroundRules(): void {
  const ledger = useSessionStore((s) => s.ledger);
  const { t } = useTranslation();
  const { siteName } = useSites();
  const notify = useRef<(notice: ExpiryNotice) => void>(() => undefined);
  notify.current = (notice) =>
    void bridge.notify({
      title: t('foodSafety.notice.title', { site: siteName(notice.siteId) }),
      body: t('foodSafety.notice.body', {
        expired: notice.expiredCount,
        expiredValue: notice.expiredValue.toFixed(2),
        near: notice.nearExpiryCount,
        nearValue: notice.nearExpiryValue.toFixed(2),
      }),
    });
  const held = useRef<(count: number) => void>(() => undefined);
  held.current = (count) => void message.info(t('foodSafety.certificates.heldNow', { count }));
  useEffect(
    () =>
      ledger
        ? startBackgroundRules(ledger, { notify: (notice) => notify.current(notice), held: (count) => held.current(count) })
        : undefined,
    [ledger],
  );
}
