// The forecast engine off the UI thread: a store's few thousand movements become a hundred
// backtested series, which would freeze the screen for seconds on a till PC.
import { runForecast, type ForecastRequest } from './forecast-compute';

export type WorkerReply =
  | { readonly ok: true; readonly result: ReturnType<typeof runForecast> }
  | { readonly ok: false; readonly requestId: number; readonly message: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ForecastRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
};

scope.onmessage = (event) => {
  const request = event.data;
  try {
    scope.postMessage({ ok: true, result: runForecast(request) });
  } catch (error) {
    scope.postMessage({ ok: false, requestId: request.requestId, message: error instanceof Error ? error.message : String(error) });
  }
};
