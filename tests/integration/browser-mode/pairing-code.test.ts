// The launcher's one-time code over HTTP, end to end between the endpoint's route and the
// renderer's exchange (renderer/bridge/launcher-code.ts, with Node's fetch): the page gets its
// pairing once; a second exchange, a cross-site page or an endpoint without a launcher gets none.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEndpoint, type RunningEndpoint } from '../../../server/app';
import { PairingCodeBook } from '../../../server/http/launcher-pairing';
import { redeemLauncherCode } from '../../../renderer/bridge/launcher-code';
import { LAUNCHER_PAIRING_PATH, type LauncherHandoff } from '../../../shared/launcher-handoff';

describe('redeeming a launcher pairing code', () => {
  const dirs: string[] = [];
  const codes = new PairingCodeBook();
  let endpoint: RunningEndpoint;
  let plain: RunningEndpoint;
  let handoff: LauncherHandoff;

  beforeAll(async () => {
    const dir = () => {
      const made = mkdtempSync(join(tmpdir(), 'larder-pairing-code-'));
      dirs.push(made);
      return made;
    };
    endpoint = await startEndpoint({ dataDir: dir(), port: 0, launcherPairing: codes });
    plain = await startEndpoint({ dataDir: dir(), port: 0 });
    handoff = {
      endpointUrl: endpoint.url,
      token: 'tok_kitchen-secret',
      terminals: [
        { siteId: 'kitchen', siteKind: 'kitchen', siteName: 'Kitchen', token: 'tok_kitchen-secret' },
        { siteId: 'hq', siteKind: 'hq', siteName: 'HQ', token: 'tok_hq-secret' },
      ],
    };
  });

  afterAll(async () => {
    await endpoint.close();
    await plain.close();
    for (const made of dirs) rmSync(made, { recursive: true, force: true });
  });

  it('gives the page its pairing once, and then says the code was used', async () => {
    const code = codes.issue(handoff);
    expect(await redeemLauncherCode(code, endpoint.url)).toEqual({
      status: 'paired',
      pairing: { source: 'launcher', endpointUrl: endpoint.url, token: 'tok_kitchen-secret', terminals: handoff.terminals },
    });
    expect(await redeemLauncherCode(code, endpoint.url)).toEqual({ status: 'refused', problem: 'pairing-code-used' });
  });

  it('answers no-store, and refuses a cross-site page even with a valid code', async () => {
    const code = codes.issue(handoff);
    const post = (headers: Record<string, string>) =>
      fetch(`${endpoint.url}${LAUNCHER_PAIRING_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ code }),
      });
    const crossSite = await post({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).not.toContain('secret');
    const sameOrigin = await post({ 'sec-fetch-site': 'same-origin' });
    expect(sameOrigin.status).toBe(200);
    expect(sameOrigin.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses malformed and unknown codes without a token in the answer', async () => {
    for (const body of [{}, { code: 42 }, { code: 'short' }, { code: 'x'.repeat(43) + '!' }]) {
      const response = await fetch(`${endpoint.url}${LAUNCHER_PAIRING_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(400);
    }
    expect(await redeemLauncherCode('A'.repeat(43), endpoint.url)).toEqual({ status: 'refused', problem: 'pairing-code-unknown' });
  });

  it('does not exist on an endpoint the launcher did not start', async () => {
    const code = codes.issue(handoff);
    expect(await redeemLauncherCode(code, plain.url)).toEqual({ status: 'refused', problem: 'unexpected' });
    expect(await redeemLauncherCode(code, 'http://127.0.0.1:1')).toEqual({ status: 'refused', problem: 'unreachable' });
  });
});
