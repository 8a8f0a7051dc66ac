// A pairing that arrives on its own (a `#pair=` link, the launcher) never silently moves a paired
// terminal to another endpoint, organisation or site; only a new token for its own site does.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InitialPairing } from '../../../shared/bridge';
import { isCleartextRemoteEndpoint } from '../../../shared/trusted-url';
import { decideRepairing } from '../../../renderer/sync/repair-policy';
import { adoptInitialPairing } from '../../../renderer/sync/initial-pairing';
import { usePairingNotices } from '../../../renderer/state/pairing-notices';
import { usePairingStore, type Pairing } from '../../../renderer/state/pairing-store';
import { useDemoTerminals } from '../../../renderer/state/demo-terminals';

const paired: Pairing = {
  endpointUrl: 'https://hq.larder.example',
  token: 'tok_old',
  orgId: 'org-a',
  siteId: 'store-renmin',
  siteKind: 'store',
  terminalId: 't-1',
  pairedAt: '2026-12-01T08:00:00.000Z',
};
const other = (change: Partial<Pairing>): Pairing => ({ ...paired, token: 'tok_new', terminalId: 't-2', ...change });

describe('decideRepairing', () => {
  it('adopts anything on a terminal that is not paired yet', () => {
    expect(decideRepairing(null, other({ endpointUrl: 'https://evil.example' }), 'link')).toBe('adopt');
  });

  it('lets a new token for the same site on the same endpoint through, from a link too', () => {
    expect(decideRepairing(paired, other({}), 'link')).toBe('adopt');
    expect(decideRepairing(paired, other({}), 'launcher')).toBe('adopt');
  });

  it.each([
    ['another endpoint, even one claiming the same organisation and site', { endpointUrl: 'https://evil.example' }],
    ['a lookalike endpoint', { endpointUrl: 'https://hq.larder.example.evil.example' }],
    ['the same host over plain http', { endpointUrl: 'http://hq.larder.example' }],
    ['another organisation on the same endpoint', { orgId: 'org-b' }],
    ['another site of the same organisation', { siteId: 'store-riverside' }],
  ])('asks before a link moves it to %s', (_label, change) => {
    expect(decideRepairing(paired, other(change), 'link')).toBe('ask');
  });

  it('keeps a site the person chose among the launcher’s own, and asks before the launcher moves it elsewhere', () => {
    expect(decideRepairing(paired, other({ siteId: 'kitchen', siteKind: 'kitchen' }), 'launcher')).toBe('keep');
    expect(decideRepairing(paired, other({ endpointUrl: 'http://127.0.0.1:4455' }), 'launcher')).toBe('ask');
    expect(decideRepairing(paired, other({ orgId: 'org-b' }), 'launcher')).toBe('ask');
  });
});

describe('adoptInitialPairing', () => {
  afterEach(() => {
    usePairingStore.setState({ pairing: null });
    usePairingNotices.setState({ pending: null, launcherProblem: null });
    useDemoTerminals.setState({ endpointUrl: null, terminals: [] });
  });

  const link = (endpointUrl: string): InitialPairing => ({ source: 'link', endpointUrl, token: 'tok_new' });

  it('keeps the current pairing and offers the foreign one when a link names another organisation', async () => {
    usePairingStore.setState({ pairing: paired });
    const foreign = other({ endpointUrl: 'https://evil.example', orgId: 'org-evil' });
    await adoptInitialPairing(link(foreign.endpointUrl), async () => foreign);
    expect(usePairingStore.getState().pairing).toEqual(paired);
    expect(usePairingNotices.getState().pending).toEqual({ pairing: foreign, terminals: null });
  });

  it('stores a new token for its own site at once, without a prompt', async () => {
    usePairingStore.setState({ pairing: paired });
    const renewed = other({});
    await adoptInitialPairing(link(renewed.endpointUrl), async () => renewed);
    expect(usePairingStore.getState().pairing).toEqual(renewed);
    expect(usePairingNotices.getState().pending).toBeNull();
  });

  it('changes nothing when the named endpoint refuses the token', async () => {
    usePairingStore.setState({ pairing: paired });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await adoptInitialPairing(link('https://evil.example'), async () => {
      throw new Error('unauthorized');
    });
    expect(logged).toHaveBeenCalledOnce();
    expect(usePairingStore.getState().pairing).toEqual(paired);
    expect(usePairingNotices.getState().pending).toBeNull();
  });

  it('adopts the launcher’s local terminals for the demo switcher only with a pairing it does not ask about', async () => {
    const terminals = [{ siteId: 'hq', siteKind: 'hq', siteName: 'HQ', token: 'tok_hq' }] as const;
    const local = other({ endpointUrl: 'http://127.0.0.1:4455', orgId: 'org-local', siteId: 'kitchen', siteKind: 'kitchen' });
    await adoptInitialPairing({ source: 'launcher', endpointUrl: local.endpointUrl, token: local.token, terminals }, async () => local);
    expect(usePairingStore.getState().pairing).toEqual(local);
    expect(useDemoTerminals.getState().terminals).toEqual(terminals);
  });
});

describe('isCleartextRemoteEndpoint', () => {
  it.each([
    'http://192.168.1.5:4455',
    'http://shop-server.lan',
    'http://127.0.0.1.evil.example',
    'http://localhost.evil.example',
    'http://[::2]:80',
  ])('warns for %s', (url) => {
    expect(isCleartextRemoteEndpoint(url)).toBe(true);
  });
  it.each([
    'http://127.0.0.1:4455',
    'http://localhost:4455',
    'http://[::1]:4455',
    'http://127.1:4455',
    'http://0x7f.0.0.1',
    'https://192.168.1.5',
    'https://hq.larder.example',
    'not a url',
    42,
  ])('does not warn for %s', (url) => {
    expect(isCleartextRemoteEndpoint(url)).toBe(false);
  });
});
