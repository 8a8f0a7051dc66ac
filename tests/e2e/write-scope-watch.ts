// Every e2e page is watched for writes its site may not make: the terminal refuses them
// (renderer/db/write-guard.ts) and logs them, but a screen's background save could leave the
// refusal unseen, and the test would pass with data that never reaches the endpoint.
import type { Page } from '@playwright/test';

const refusedWrite = /cannot be written by this terminal/;

/** Starts watching `page`; the returned check throws if a refused write was logged. */
export function watchWriteScope(page: Page): () => Promise<void> {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && refusedWrite.test(message.text())) seen.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (refusedWrite.test(error.message)) seen.push(error.message);
  });
  return () =>
    seen.length === 0 ? Promise.resolve() : Promise.reject(new Error(`the app tried writes this site may not make:\n${seen.join('\n')}`));
}
