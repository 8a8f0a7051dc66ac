/**
 * The once-a-day near-expiry notice (DOMAIN.md, Expiry). Call `useDailyExpiryNotice()` once from
 * the shell at start-up; the expiry page calls it too, so opening either raises it. The notice is
 * an event whose id is derived from site and date: whichever terminal of the site writes it first
 * raises the notification, and every later check that day finds it and stays quiet.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildExpiryBoard, dailyExpiryNotice, expiryNoticeEvent, expiryNoticeKey, noticeDue } from '../../../shared/ops';
import { bridge } from '../../bridge';
import { useLedger, useTerminal } from '../../db/hooks';
import { useDatabase } from '../../db/session';
import { businessDateToday } from '../../ui/format';
import { useSites } from './site-names';

/** Wait for the ledger to settle (an initial pull arrives in bursts) before judging the day. */
const SETTLE_MS = 3_000;
/** An app left open overnight checks again after the date changes. */
const RECHECK_MS = 30 * 60_000;

export function useDailyExpiryNotice(): void {
  const db = useDatabase();
  const { ledger, version } = useLedger();
  const terminal = useTerminal();
  const siteId = terminal?.siteId;
  const terminalId = terminal?.terminalId;
  const isHq = terminal?.siteKind === 'hq';
  const { t } = useTranslation();
  const { siteName } = useSites();
  const raisedFor = useRef<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), RECHECK_MS);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    // HQ holds no stock of its own; its terminals see the sites' boards instead.
    if (!db || !ledger || !siteId || !terminalId || isHq) return;
    const businessDate = businessDateToday();
    const key = expiryNoticeKey(siteId, businessDate);
    if (raisedFor.current === key) return;
    const timer = setTimeout(() => {
      void (async () => {
        const existing = await db.events.findOne(key).exec();
        if (!noticeDue(siteId, businessDate, new Set(existing ? [key] : []))) {
          raisedFor.current = key;
          return;
        }
        const board = buildExpiryBoard(siteId, businessDate, ledger.ledger.positions(), ledger.ledger);
        const notice = dailyExpiryNotice(board);
        if (!notice) return; // nothing to say yet; stock may still be arriving from sync
        try {
          await db.events.insert(expiryNoticeEvent(notice, new Date().toISOString(), terminalId));
        } catch {
          // Another tab of this terminal wrote it a moment ago: that one notified.
          raisedFor.current = key;
          return;
        }
        raisedFor.current = key;
        await bridge.notify({
          title: t('foodSafety.notice.title', { site: siteName(siteId) }),
          body: t('foodSafety.notice.body', {
            expired: notice.expiredCount,
            expiredValue: notice.expiredValue.toFixed(2),
            near: notice.nearExpiryCount,
            nearValue: notice.nearExpiryValue.toFixed(2),
          }),
        });
      })();
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [db, ledger, version, siteId, terminalId, isHq, t, siteName, tick]);
}
