// Issue 17's customer proof: the kitchen (in English) sells to a franchise customer on account,
// takes two back as a credit note, and (in Chinese, on a second terminal of the kitchen) records
// the customer paying half of what it owes by WeChat; the receivables page and the statement
// (对账单) show the balance, and its CSV export carries the same figures. Its own endpoint.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { rendererDist } from '../../scripts/renderer-build';
import { addDays } from '../../shared/domain';
import { gs1CheckDigit } from '../../shared/ops';
import type { DocumentDoc, JournalDoc } from '../../shared/schemas';
import { startEndpointProcess } from '../support/endpoint-process';
import { pullAll } from '../support/pull';
import { goodsReceipt, SeedSession, testProduct } from '../support/seed';
import { E2E_SITE_DATE, expect, test } from './fixtures';
import { choose, fill, openPairedTerminal } from './terminal-helpers';

const screenshotDir = 'test-results/screenshots';
mkdirSync(screenshotDir, { recursive: true });
const KITCHEN = 'kitchen-cu';
const ean = (twelve: string) => `${twelve}${gs1CheckDigit(twelve)}`;

test('a franchise customer buys on account, returns two, pays half by WeChat; the statement shows the balance', async ({ browser }) => {
  test.setTimeout(180_000);
  const endpoint = await startEndpointProcess({ staticDir: rendererDist });
  try {
    const seed = new SeedSession(endpoint);
    const run = randomUUID().slice(0, 6);
    const sauce = testProduct(`sauce-${run}`, {
      sku: `SAUCE-${run}`,
      name: '秘制酱料',
      nameEn: 'House sauce',
      baseUnit: 'jar',
      barcodes: [ean('690123500077')],
      salePrices: [{ price: 12, from: '2000-01-01' }],
    });
    await seed.products([sauce]);
    await seed.post(
      goodsReceipt(KITCHEN, [{ productId: sauce.id, qty: 50, unitCost: 5, lotCode: `S${run}`, expiryDate: addDays(E2E_SITE_DATE, 30) }]),
      'kitchen',
    );
    const customerId = `franchise-${run}`;
    await seed.push('hq', 'hq', 'partners', [
      {
        id: customerId,
        kind: 'customer',
        code: `JM-${run}`,
        name: '西湖加盟店',
        nameEn: 'West Lake franchise',
        active: true,
        updatedAt: new Date().toISOString(),
      },
    ]);

    // English: 20 jars on account at ¥12 = ¥240.
    const till = await openPairedTerminal(browser, endpoint.url, (await endpoint.addTerminal(KITCHEN, 'counter')).token, 'en-US');
    await till.evaluate(() => (location.hash = '#/sales'));
    await choose(till, 'sale-customer', 'West Lake');
    await expect(till.getByTestId('section-sales')).toContainText('On account');
    await till.getByTestId('sale-scan').fill(`20*${sauce.barcodes[0] as string}`);
    await till.getByTestId('sale-scan').press('Enter');
    await till.getByTestId('sale-post').click();
    await expect(till.getByTestId('sale-notice')).toContainText('XS-');
    const number = ((await till.getByTestId('sale-notice').innerText()).match(/XS-[\w-]+/) ?? [''])[0];
    expect(number).not.toBe('');

    // Two come back: a credit note of ¥24 against the account, from the sale's own page.
    await till.evaluate(() => (location.hash = '#/journal'));
    await till.getByTestId('journal-search').locator('input').fill(number);
    await till.getByTestId('journal-doc-link').first().click();
    await till.getByTestId('customer-return').click();
    await fill(till, 'customer-return-qty-0', '2');
    await till.getByTestId('customer-return-reason').fill('Lids broken');
    await expect(till.getByTestId('customer-return-post')).toContainText('¥24.00');
    await till.screenshot({ path: `${screenshotDir}/customers-en-return.png` });
    await till.getByTestId('customer-return-post').click();
    await expect(till.getByRole('dialog')).toHaveCount(0);
    await expect(till.getByTestId('sync-pending')).toHaveText(/^0 /, { timeout: 30_000 });

    // Chinese, on the kitchen's office terminal: the customer owes ¥216 and pays half by WeChat.
    const office = await openPairedTerminal(browser, endpoint.url, (await endpoint.addTerminal(KITCHEN, 'office')).token, 'zh-CN');
    await office.evaluate(() => (location.hash = '#/partner-ledgers'));
    const receivables = office.getByTestId('ledger-receivable');
    await expect(receivables.getByRole('row').filter({ hasText: '西湖加盟店' })).toContainText('¥216.00', { timeout: 60_000 });
    await office.getByTestId(`ledger-pay-${customerId}`).click();
    await fill(office, 'payment-amount', '108');
    await office.getByTestId('payment-method').getByText('微信支付').click();
    await office.screenshot({ path: `${screenshotDir}/customers-zh-CN-payment.png` });
    await office.getByTestId('payment-post').click();
    await expect(receivables.getByRole('row').filter({ hasText: '西湖加盟店' })).toContainText('¥108.00');

    // The statement: charged ¥240, returned ¥24, paid ¥108, carried forward ¥108; the same in its CSV.
    await office.getByTestId(`ledger-statement-${customerId}`).click();
    await expect(office.getByTestId('statement-closing')).toHaveText('¥108.00');
    const lines = office.getByTestId('statement-lines');
    await expect(lines).toContainText('赊销');
    await expect(lines).toContainText('退货冲减');
    await expect(lines).toContainText('收付款');
    await office.screenshot({ path: `${screenshotDir}/customers-zh-CN-statement.png` });
    const download = office.waitForEvent('download');
    await office.getByTestId('statement-export-csv').click();
    const csv = readFileSync((await (await download).path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toBe('日期,单号,摘要,本期应收,本期收回/冲减,余额');
    // The two terminals' pinned clocks order the same day's credit note and payment either way round.
    const cells = csv.map((row) => row.split(',').slice(2));
    expect(cells[1]).toEqual(['期初余额', '', '', '0.00']);
    expect(
      cells
        .slice(2, -1)
        .map((row) => row.slice(0, 3).join(','))
        .sort(),
    ).toEqual(['收付款,,108.00', '赊销,240.00,', '退货冲减,,24.00']);
    expect(cells.at(-1)).toEqual(['期末余额', '240.00', '132.00', '108.00']);

    // At the endpoint: the payment is Dr 1012 (WeChat) / Cr 1122, and 1122 nets to ¥108.
    await expect(office.getByTestId('sync-pending')).toHaveText(/^0 /, { timeout: 30_000 });
    const hqToken = (await seed.terminalOf('hq', 'hq')).token;
    const documents = await pullAll<DocumentDoc>(endpoint.url, hqToken, 'documents');
    const payment = documents.find((doc) => doc.type === 'payment' && doc.partnerId === customerId)!;
    expect(payment).toMatchObject({ paymentMethod: 'wechat', amount: 108, paymentDirection: 'from-customer', status: 'posted' });
    const journal = (await pullAll<JournalDoc>(endpoint.url, hqToken, 'journal')).filter((entry) => entry.siteId === KITCHEN);
    expect(journal.find((entry) => entry.docId === payment.id)?.lines).toEqual([
      { accountCode: '1012', debit: 108, credit: 0 },
      { accountCode: '1122', debit: 0, credit: 108 },
    ]);
    const receivable = journal.flatMap((entry) => entry.lines).filter((line) => line.accountCode === '1122');
    expect(Math.round(receivable.reduce((sum, line) => sum + line.debit - line.credit, 0) * 100) / 100).toBe(108);
    await Promise.all([till.context().close(), office.context().close()]);
  } finally {
    await endpoint.stop();
  }
});
