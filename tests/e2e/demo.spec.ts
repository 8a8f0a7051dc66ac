// The demo organisation reaches terminals through sync: a kitchen and a store terminal, paired to
// one endpoint, each pull what their site may read.
import { expect, test } from './fixtures';

test('a kitchen and a store terminal open on the demo organisation, synced', async ({ demoTerminal }) => {
  const kitchen = await demoTerminal('kitchen', { locale: 'zh-CN' });
  const store = await demoTerminal('store-renmin');
  // Site names arrive with the first sync of the demo's ~13,000 records.
  await expect(kitchen.getByTestId('header-site')).toHaveText('中央厨房 · 中央厨房 Central kitchen', { timeout: 90_000 });
  await expect(store.getByTestId('header-site')).toHaveText('Store · 人民路店 Renmin Rd store', { timeout: 90_000 });
  await expect(kitchen.getByTestId('sync-connectivity')).toHaveText('在线');
  await expect(store.getByTestId('sync-pending')).toHaveText('0 changes waiting to upload', { timeout: 30_000 });
});
