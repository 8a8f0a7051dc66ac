import { performance } from 'node:perf_hooks';
import { METRIC, type Metrics } from '../metrics.js';
import type { Storage } from './types.js';

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

/**
 * The same storage, with the time of every asynchronous call added to the database metrics by
 * operation name. Done as a wrapper so neither store (SQLite, PostgreSQL) nor any route has to
 * remember to measure; synchronous members (listeners, `kind`) pass through untouched.
 */
export function timedStorage(storage: Storage, metrics: Metrics): Storage {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(storage, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      let fn = wrapped.get(key);
      if (!fn) {
        const original = value as (...args: unknown[]) => unknown;
        fn = (...args: unknown[]) => {
          const started = performance.now();
          const result = original.apply(target, args);
          if (!isThenable(result)) return result;
          const labels = { operation: key };
          const done = (failed: boolean) => {
            metrics.inc(METRIC.databaseSeconds, labels, (performance.now() - started) / 1000);
            metrics.inc(METRIC.databaseOperations, labels);
            if (failed) metrics.inc(METRIC.databaseErrors, labels);
          };
          return Promise.resolve(result).then(
            (v) => {
              done(false);
              return v;
            },
            (err: unknown) => {
              done(true);
              throw err;
            },
          );
        };
        wrapped.set(key, fn);
      }
      return fn;
    },
  });
}
