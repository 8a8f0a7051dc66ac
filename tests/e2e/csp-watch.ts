// Every e2e page is watched for Content-Security-Policy violations: the renderer is served with
// a strict policy (shared/renderer-csp.ts), and a screen whose script, style, image or request
// it blocks may still look fine at a glance. Chromium logs each refusal as a console error.
import type { Page } from '@playwright/test';

const cspRefusal = /Content Security Policy/;

/** Starts watching `page`; the returned check throws if the policy refused anything. */
export function watchCspViolations(page: Page): () => Promise<void> {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && cspRefusal.test(message.text())) seen.push(message.text());
  });
  return () =>
    seen.length === 0 ? Promise.resolve() : Promise.reject(new Error(`the CSP refused what the app needs:\n${seen.join('\n')}`));
}
