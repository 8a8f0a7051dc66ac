import { useEffect, useRef, useState } from 'react';
import type { DemandRow, ForecastResult } from './forecast-compute';
import type { WorkerReply } from './forecast.worker';

export interface ForecastState {
  readonly running: boolean;
  /** The latest finished run; kept on screen while a newer one (more history synced) computes. */
  readonly done: { readonly result: ForecastResult; readonly wallMs: number } | null;
  readonly error: string | null;
}

export interface ForecastJob {
  readonly siteId: string;
  readonly endDate: string;
  /** The forecast site's IANA zone. */
  readonly timeZone: string;
  readonly horizon: number;
  readonly rows: readonly DemandRow[];
  /** Bumped by the person's "recalculate". */
  readonly rerun: number;
}

/**
 * Runs the forecast of `job` in a Web Worker owned by the calling screen; a newer job replaces an
 * older one (its late answer is dropped by request id), and the worker ends with the screen.
 */
export function useForecastWorker(job: ForecastJob | null): ForecastState {
  const [state, setState] = useState<ForecastState>({ running: false, done: null, error: null });
  const workerRef = useRef<Worker | null>(null);
  const requestRef = useRef(0);

  useEffect(() => {
    const worker = new Worker(new URL('./forecast.worker.ts', import.meta.url), { type: 'module' });
    workerRef.current = worker;
    return () => {
      worker.terminate();
      workerRef.current = null;
    };
  }, []);

  useEffect(() => {
    const worker = workerRef.current;
    if (!job || !worker) {
      setState({ running: false, done: null, error: null });
      return;
    }
    const requestId = ++requestRef.current;
    const started = performance.now();
    // Another site's figures must not stay on screen; the same site's stay until replaced.
    setState((current) => ({ running: true, done: current.done?.result.siteId === job.siteId ? current.done : null, error: null }));
    const onMessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const id = reply.ok ? reply.result.requestId : reply.requestId;
      if (id !== requestId) return;
      setState((current) =>
        reply.ok
          ? { running: false, done: { result: reply.result, wallMs: performance.now() - started }, error: null }
          : { running: false, done: current.done, error: reply.message },
      );
    };
    const onError = (event: ErrorEvent) =>
      setState((current) => ({ running: false, done: current.done, error: event.message || 'worker error' }));
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.postMessage({
      requestId,
      siteId: job.siteId,
      endDate: job.endDate,
      timeZone: job.timeZone,
      horizon: job.horizon,
      rows: job.rows,
    });
    return () => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
    };
  }, [job]);

  return state;
}
