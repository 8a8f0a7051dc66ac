// The e2e seeding helper pushes through the real protocol; prove it once here.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEndpointProcess, type EndpointProcess } from '../../support/endpoint-process';
import { goodsReceipt, SeedSession, testProduct } from '../../support/seed';

let endpoint: EndpointProcess;
beforeAll(async () => {
  endpoint = await startEndpointProcess();
}, 30_000);
afterAll(() => endpoint?.stop());

it('seeds products and a posted goods receipt that a terminal of the site can pull', async () => {
  const seed = new SeedSession(endpoint);
  await seed.products([testProduct('flour')]);
  const posted = await seed.post(goodsReceipt('kitchen', [{ productId: 'flour', qty: 5000, unitCost: 0.004, lotCode: 'F-1' }]), 'kitchen');
  const { token } = await seed.terminalOf('kitchen', 'kitchen');
  const pull = (await (
    await fetch(`${endpoint.url}/api/v1/sync/movements/pull`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { documents: { id: string; qty: number }[] };
  expect(pull.documents.map((m) => [m.id, m.qty])).toEqual(posted.result.movements.map((m) => [m.id, 5000]));
});
