import { useEffect, useMemo } from 'react';
import { useUiStore } from '../state/ui-store';
import { parseHash } from './routes';

/** Keeps the UI store's hash in step with the address bar. Call once, in App. */
export function useHashTracking(): void {
  const setHash = useUiStore((s) => s.setHash);
  useEffect(() => {
    const onHashChange = () => setHash(location.hash);
    onHashChange();
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [setHash]);
}

/** The current screen and its path parameters, e.g. `#/dispatch/abc` → id 'dispatch', rest ['abc']. */
export function useRoute() {
  const hash = useUiStore((s) => s.hash);
  return useMemo(() => parseHash(hash), [hash]);
}
