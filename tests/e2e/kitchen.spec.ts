// The central kitchen's screens on the demo organisation: produce a batch, build and ship a
// dispatch, a FIFO override refused without a reason and audited with one, the printed note.
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { baseQtyOf, demoProduct } from './quantities';
import { go } from './terminal-helpers';

declare global {
  interface Window {
    __larderLastPrint?: { title: string; html: string };
  }
}

const screenshotDir = 'test-results/screenshots';
mkdirSync(screenshotDir, { recursive: true });
test.setTimeout(180_000);

/** The first sync brings four weeks of ledger; figures are only whole once it is done. */
async function synced(page: Page): Promise<Page> {
  await expect
    .poll(
      async () =>
        (await page.getByTestId('sync-initial').count()) === 0 &&
        (await page.getByTestId('sync-last').count()) === 1 &&
        !/never|从未/i.test(await page.getByTestId('sync-last').innerText()),
      { timeout: 120_000 },
    )
    .toBe(true);
  return page;
}

/** A quantity as the screen shows it in the product's units ("12 kg", "1 瓶 400 ml") → base units. */
async function quantityOf(locator: Locator, productId: string): Promise<number> {
  return baseQtyOf(await locator.innerText(), demoProduct(productId));
}

async function shot(page: Page, locale: string, screen: string): Promise<void> {
  await page.screenshot({ path: `${screenshotDir}/kitchen-${locale}-${screen}.png`, fullPage: true });
}

async function pickProduct(page: Page, text: string): Promise<void> {
  const picker = page.getByTestId('product-picker');
  await picker.fill(text);
  await expect(page.getByTestId('product-picker-hits')).toBeVisible();
  await picker.press('Enter');
}

async function newDispatchTo(page: Page, store: RegExp): Promise<void> {
  await go(page, 'dispatch');
  await page.getByTestId('new-dispatch-store').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: store }).click();
  await page.getByTestId('new-dispatch').click();
  await expect(page.getByTestId('dispatch-detail-status')).toHaveAttribute('data-status', 'draft');
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`the kitchen produces a semi-finished batch with FEFO ingredients (${locale})`, async ({ demoTerminal }) => {
    const kitchen = await synced(await demoTerminal('kitchen', { locale }));
    await go(kitchen, 'production');
    const picker = kitchen.getByTestId('recipe-picker');
    await picker.fill('葱油');
    await expect(kitchen.getByTestId('recipe-picker-hits')).toBeVisible({ timeout: 60_000 });
    await picker.press('Enter');
    await expect(kitchen.getByTestId('production-product')).toHaveText(locale === 'en' ? 'Scallion oil' : '葱油');
    const qty = kitchen.getByTestId('production-qty');
    await expect(qty).toBeFocused();
    await qty.fill('900');
    await expect(kitchen.getByTestId('ingredient-row')).toHaveCount(4);
    // Ingredients are proposed per batch, each with its expiry.
    await expect(kitchen.getByTestId('ingredient-expiry').first()).toBeVisible();
    await expect(kitchen.getByTestId('ingredient-shortfall')).toHaveCount(0);
    await shot(kitchen, locale, 'production');
    await qty.press('Enter');
    const result = kitchen.getByTestId('production-result');
    await expect(result).toBeVisible();
    await expect(kitchen.getByTestId('result-lot')).not.toBeEmpty();
    expect(await quantityOf(kitchen.getByTestId('result-on-hand'), '葱油')).toBe(900);
    await expect(kitchen.getByTestId('result-unit-cost')).toContainText('¥');
    await expect(kitchen.getByTestId('recipe-picker')).toBeFocused();
    await kitchen.getByTestId('print-labels').click();
    await expect(kitchen.getByTestId('print-status')).toBeVisible();
    const printed = await kitchen.evaluate(() => window.__larderLastPrint?.html ?? '');
    expect(printed).toContain(await kitchen.getByTestId('result-lot').innerText());
    await shot(kitchen, locale, 'production-result');

    await go(kitchen, 'requests');
    await expect(kitchen.getByTestId('request-table')).toBeVisible();
    await expect(kitchen.getByTestId('picking-list')).toBeVisible();
    await shot(kitchen, locale, 'requests');

    await go(kitchen, 'recipes');
    await kitchen.getByTestId('recipe-row').first().click();
    await expect(kitchen.getByTestId('recipe-read-only')).toBeVisible();
    await shot(kitchen, locale, 'recipes');
  });
}

test('a dispatch of three lines to store-renmin ships and the kitchen on-hand drops by exactly that', async ({ demoTerminal }) => {
  const kitchen = await synced(await demoTerminal('kitchen', { locale: 'zh-CN' }));
  await go(kitchen, 'dispatch');
  await expect(kitchen.getByTestId('dispatch-link').first()).toBeVisible({ timeout: 60_000 });
  await shot(kitchen, 'zh-CN', 'dispatch-list');
  await newDispatchTo(kitchen, /人民路/);
  const wanted = [
    { search: '番茄', qty: 2000 },
    { search: '东北大米', qty: 5000 },
    { search: '干辣椒', qty: 500 },
  ];
  const before: Record<string, number> = {};
  for (const [index, line] of wanted.entries()) {
    await pickProduct(kitchen, line.search);
    const row = kitchen.getByTestId('dispatch-line').nth(index);
    const qty = row.getByTestId('line-qty');
    await expect(qty).toBeFocused();
    await qty.fill(String(line.qty));
    await qty.press('Enter');
    await expect(kitchen.getByTestId('product-picker')).toBeFocused();
    const productId = (await row.getAttribute('data-product')) ?? '';
    before[productId] = await quantityOf(row.getByTestId('line-on-hand'), productId);
  }
  await expect(kitchen.getByTestId('line-proposal')).toHaveCount(3);
  await shot(kitchen, 'zh-CN', 'dispatch-draft');
  await kitchen.getByTestId('mark-picked').click();
  await expect(kitchen.getByTestId('dispatch-detail-status')).toHaveAttribute('data-status', 'picked');
  await kitchen.getByTestId('ship').click();
  await expect(kitchen.getByTestId('dispatch-detail-status')).toHaveAttribute('data-status', 'shipped');
  const ids = Object.keys(before);
  expect(ids).toHaveLength(3);
  for (const [index, productId] of ids.entries()) {
    const row = kitchen.locator(`[data-testid="dispatch-line"][data-product="${productId}"]`).first();
    expect(await quantityOf(row.getByTestId('line-on-hand'), productId)).toBe((before[productId] ?? 0) - (wanted[index]?.qty ?? 0));
  }
  await shot(kitchen, 'zh-CN', 'dispatch-shipped');
});

test('a FIFO violation is refused without a reason, accepted with one, and audited; the note prints with its QR', async ({
  demoTerminal,
}) => {
  const kitchen = await synced(await demoTerminal('kitchen', { locale: 'en' }));
  await go(kitchen, 'dispatch');
  await expect(kitchen.getByTestId('dispatch-link').first()).toBeVisible({ timeout: 60_000 });
  await shot(kitchen, 'en', 'dispatch-list');
  await newDispatchTo(kitchen, /Renmin/);
  await pickProduct(kitchen, 'dbdm'); // 东北大米 by pinyin initials
  const row = kitchen.getByTestId('dispatch-line').first();
  await row.getByTestId('line-qty').fill('1000');
  await row.getByTestId('line-qty').press('Enter');
  // Choose the second batch in picking order: later than FIFO proposes.
  await row.getByTestId('line-batch').click();
  await kitchen.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(2).click();
  await expect(row.getByTestId('line-error')).toContainText('Give a reason');
  await expect(row.getByTestId('fifo-reason')).toBeVisible();
  await shot(kitchen, 'en', 'dispatch-fifo');
  await kitchen.getByTestId('mark-picked').click();
  await expect(kitchen.getByTestId('dispatch-error')).toContainText('earlier batch');
  await expect(kitchen.getByTestId('dispatch-detail-status')).toHaveAttribute('data-status', 'draft');
  await row.getByTestId('fifo-reason').fill('Store asked for the newer lot');
  await row.getByTestId('fifo-reason').press('Enter');
  await expect(row.getByTestId('line-override')).toContainText('Store asked for the newer lot');
  await kitchen.getByTestId('mark-picked').click();
  await expect(kitchen.getByTestId('dispatch-detail-status')).toHaveAttribute('data-status', 'picked');
  await kitchen.getByTestId('ship').click();
  await expect(kitchen.getByTestId('dispatch-detail-status')).toHaveAttribute('data-status', 'shipped');
  const audit = kitchen.locator('[data-testid="audit-event"][data-kind="fifo-override"]');
  await expect(audit).toHaveCount(1);
  await expect(audit).toContainText('Store asked for the newer lot');

  const number = await kitchen.getByTestId('dispatch-number').innerText();
  await kitchen.getByTestId('note-page').getByText('A5').click();
  await kitchen.getByTestId('print-note').click();
  await expect(kitchen.getByTestId('print-status')).toBeVisible();
  const printed = await kitchen.evaluate(() => window.__larderLastPrint ?? null);
  expect(printed?.html).toContain(number);
  expect(printed?.html).toMatch(/<img class="dispatch-qr" src="data:image\/svg\+xml/);
  expect(printed?.html).toContain('Dispatch note');
  await kitchen.getByTestId('note-language').getByText('中文').click();
  await kitchen.getByTestId('print-note').click();
  await expect.poll(() => kitchen.evaluate(() => window.__larderLastPrint?.html ?? '')).toContain('配送单');
  await shot(kitchen, 'en', 'dispatch-shipped');
});
