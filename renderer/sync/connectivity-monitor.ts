import { isEndpointHealthy } from './endpoint-api';
import { usePairingStore } from '../state/pairing-store';
import { useSyncStatusStore } from '../state/sync-status-store';

const probeIntervalMs = 10_000;

/**
 * Probes the paired endpoint's health so the indicator says online/offline truthfully.
 * Returns a stop function.
 */
export function startConnectivityMonitor(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;
  let stopped = false;

  const probe = async () => {
    const pairing = usePairingStore.getState().pairing;
    const update = useSyncStatusStore.getState().update;
    if (!pairing) {
      update({ connectivity: 'not-paired', error: null });
    } else {
      controller = new AbortController();
      const timeout = setTimeout(() => controller?.abort(), 5_000);
      const healthy = await isEndpointHealthy(pairing.endpointUrl, controller.signal);
      clearTimeout(timeout);
      if (stopped) return;
      update({ connectivity: healthy && navigator.onLine ? 'online' : 'offline' });
    }
    if (!stopped) timer = setTimeout(() => void probe(), probeIntervalMs);
  };

  const reprobe = () => {
    clearTimeout(timer);
    void probe();
  };
  window.addEventListener('online', reprobe);
  window.addEventListener('offline', reprobe);
  const unsubscribe = usePairingStore.subscribe((state, previous) => {
    if (state.pairing !== previous.pairing) {
      if (state.pairing) useSyncStatusStore.getState().update({ connectivity: 'connecting' });
      reprobe();
    }
  });
  void probe();
  return () => {
    stopped = true;
    clearTimeout(timer);
    controller?.abort();
    unsubscribe();
    window.removeEventListener('online', reprobe);
    window.removeEventListener('offline', reprobe);
  };
}
