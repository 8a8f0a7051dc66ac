// The sync indicator under a rate limit: an endpoint that answers 429 (slow down) is reachable,
// so a terminal whose first sync runs into the limit never says "offline" for it, and ends
// online with everything pulled and pushed. Before, one 429 left the indicator saying offline
// while the stream was up and every request succeeded on retry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEndpointProcess, type EndpointProcess } from '../../support/endpoint-process';
import { movementDoc, openTerminal, waitFor, type TestTerminal } from './clients';

let endpoint: EndpointProcess;
let kitchenToken = '';
const open: TestTerminal[] = [];

beforeAll(async () => {
  // Two requests a second, a burst of three: a first sync of every collection runs into it.
  endpoint = await startEndpointProcess({ env: { LARDER_RATE_LIMIT: '2/3' } });
  await endpoint.admin('site', 'add', '--id', 'kitchen', '--kind', 'kitchen', '--name', 'kitchen');
  kitchenToken = (await endpoint.addTerminal('kitchen', 'kitchen terminal')).token;
}, 60_000);

afterAll(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
  await endpoint?.stop();
});

describe('a rate-limited terminal', () => {
  it('is never shown offline for a 429, and ends online with its backlog uploaded', { timeout: 90_000 }, async () => {
    const kitchen = await openTerminal(endpoint.url, kitchenToken, 'memory');
    open.push(kitchen);
    const seen = new Set<string>();
    const watch = setInterval(() => {
      void kitchen
        .status()
        .then((status) => seen.add(status.connectivity ?? 'unknown'))
        .catch(() => undefined);
    }, 20);
    try {
      for (let round = 0; round < 4; round++)
        await kitchen.run({ op: 'insert', collection: 'movements', docs: [movementDoc('kitchen', 9000 + round)] });
      await waitFor('the backlog to upload', async () => (await kitchen.status()).pendingUploads === 0, 60_000);
      await kitchen.run({ op: 'awaitInSync' });
    } finally {
      clearInterval(watch);
    }
    expect(seen.has('offline')).toBe(false);
    expect((await kitchen.status()).connectivity).toBe('online');
  });
});
