// Signs the person out after the site's idle time (site policy `idleSignOutMinutes`, 10 by
// default): a shared till left alone does not stay in someone's name.
import { useEffect } from 'react';
import { idleSignOutMinutesFrom } from '../../../shared/domain';
import type { ConfigDoc } from '../../../shared/schemas';
import { useRxQuery, useTerminal } from '../../db/hooks';
import { useSignInStore } from '../../state/sign-in-store';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function useIdleSignOut(signedIn: boolean): void {
  const terminal = useTerminal();
  const siteId = terminal?.siteId;
  const policy = useRxQuery<ConfigDoc>((db) => (siteId ? db.config.find({ selector: { key: 'site-policy', siteId } }) : null), [siteId]);
  const minutes = idleSignOutMinutesFrom(policy?.[0]);
  useEffect(() => {
    if (!signedIn || minutes <= 0) return;
    let timer = window.setTimeout(() => useSignInStore.getState().signOut(), minutes * 60_000);
    const touch = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => useSignInStore.getState().signOut(), minutes * 60_000);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch);
    };
  }, [signedIn, minutes]);
}
