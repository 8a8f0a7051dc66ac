// Issue 15's sign-in proof: HQ (in Chinese) adds its first admin, signs in by PIN and adds a clerk
// and a store manager; the store's shared till (in English) asks for a PIN, the clerk's FIFO
// override is refused naming the permission, the manager signs in on the same till and may; the
// documents name both, at the endpoint and on HQ's screen. Five wrong PINs lock an account on the
// till, and a reload does not lift it. HQ adds the rule "counts with variance over 5 % need the
// store manager"; the clerk's count over it waits, the manager approves it offline on the till, and
// HQ sees it posted with both names. Its own endpoint: people turn on the endpoint's operator
// checks, which the other specs' seeds (master data pushed without a person) must not meet.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { rendererDist } from '../../scripts/renderer-build';
import { addDays } from '../../shared/domain';
import { gs1CheckDigit } from '../../shared/ops';
import type { DocumentDoc, EventDoc, PersonDoc } from '../../shared/schemas';
import { startEndpointProcess } from '../support/endpoint-process';
import { pullAll } from '../support/pull';
import { goodsReceipt, SeedSession, testProduct } from '../support/seed';
import { E2E_SITE_DATE, expect, test } from './fixtures';
import { choose, openPairedTerminal } from './terminal-helpers';

const screenshotDir = 'test-results/screenshots';
mkdirSync(screenshotDir, { recursive: true });
const ean = (twelve: string) => `${twelve}${gs1CheckDigit(twelve)}`;
const STORE = 'store-people';

async function signIn(page: Page, who: string, pin: string): Promise<void> {
  await expect(page.getByTestId('sign-in')).toBeVisible({ timeout: 60_000 });
  await choose(page, 'sign-in-person', who);
  await page.getByTestId('sign-in-pin').fill(pin);
  await page.getByTestId('sign-in-pin').press('Enter');
}

/** One more value in a multiple select, by clicking its option; the list stays open, so Escape closes it. */
async function pick(page: Page, testId: string, label: string): Promise<void> {
  const select = page.getByTestId(testId);
  // Until its tag shows: a click on a dropdown still opening can miss.
  await expect(async () => {
    if (!(await select.innerText()).includes(label)) {
      await select.click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: label })
        .first()
        .click({ timeout: 3_000 });
    }
    expect(await select.innerText()).toContain(label);
  }).toPass({ timeout: 20_000 });
  await page.keyboard.press('Escape');
}

async function addPerson(page: Page, person: { name: string; nameEn: string; code: string; site?: string; role?: string; pin: string }) {
  await page.getByTestId('person-add').click();
  await page.getByTestId('person-name').fill(person.name);
  await page.getByLabel(/英文名|Name \(English\)/).fill(person.nameEn);
  await page.getByTestId('person-code').fill(person.code);
  if (person.site) await pick(page, 'person-sites', person.site);
  if (person.role) await pick(page, 'person-roles', person.role);
  await page.getByTestId('person-pin').fill(person.pin);
  await page.getByTestId('person-save').click();
}

async function sell(page: Page, code: string, reason?: string): Promise<void> {
  await page.evaluate(() => (location.hash = '#/sales'));
  const scan = page.getByTestId('sale-scan');
  await scan.fill(code);
  await scan.press('Enter');
  await page.getByTestId('sale-post').click();
  if (!reason) return;
  await expect(page.getByTestId('sale-error')).toContainText('Give a reason to override FEFO/FIFO');
  await page.getByTestId('fifo-reason').fill(reason);
  await page.getByTestId('fifo-reason').press('Enter');
  await page.getByTestId('sale-post').click();
}

test('staff sign in by PIN; a clerk cannot override FIFO, the store manager can; a held count is approved offline; documents name them', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const endpoint = await startEndpointProcess({ staticDir: rendererDist });
  try {
    const seed = new SeedSession(endpoint);
    const run = randomUUID().slice(0, 6);
    const tofu = testProduct(`tofu-${run}`, {
      sku: `TOFU-${run}`,
      name: '嫩豆腐',
      nameEn: 'Silken tofu',
      baseUnit: 'box',
      barcodes: [ean('690123500001')],
      salePrices: [{ price: 5, from: '2000-01-01' }],
    });
    await seed.products([tofu]);
    await seed.post(
      goodsReceipt(STORE, [{ productId: tofu.id, qty: 30, unitCost: 2, lotCode: `T${run}`, expiryDate: addDays(E2E_SITE_DATE, 3) }]),
      'store',
    );
    await seed.post(
      goodsReceipt(STORE, [{ productId: tofu.id, qty: 10, unitCost: 2, lotCode: `L${run}`, expiryDate: addDays(E2E_SITE_DATE, 6) }]),
      'store',
    );
    const storeToken = (await endpoint.addTerminal(STORE, 'shared till')).token;
    const hq = await openPairedTerminal(browser, endpoint.url, (await endpoint.addTerminal('hq', 'office')).token, 'zh-CN');

    // HQ's first person is its admin; from then on HQ asks for a PIN too.
    await hq.evaluate(() => (location.hash = '#/people'));
    await expect(hq.getByTestId('section-people')).toContainText('第一位人员须能管理人员', { timeout: 60_000 });
    await hq.screenshot({ path: `${screenshotDir}/people-zh-CN-empty.png` });
    await addPerson(hq, { name: '周敏', nameEn: 'Zhou Min', code: '001', pin: '1234' });
    await expect(hq.getByTestId('sign-in')).toContainText('选择您的姓名并输入 PIN 码');
    await hq.screenshot({ path: `${screenshotDir}/people-zh-CN-sign-in.png` });
    await signIn(hq, '周敏', '1234');
    await expect(hq.getByTestId('operator')).toHaveText('周敏');
    await addPerson(hq, { name: '王芳', nameEn: 'Wang Fang', code: '101', site: STORE, pin: '2580' });
    await expect(hq.getByTestId('people-table')).toContainText('王芳');
    await addPerson(hq, { name: '李娜', nameEn: 'Li Na', code: '102', site: STORE, role: '店长', pin: '3690' });
    await expect(hq.getByTestId('people-table')).toContainText('店长');
    // A role of HQ's own, from the permission list.
    await hq.getByTestId('role-add').click();
    await hq.getByTestId('role-name').fill('夜班');
    for (const permission of ['销售开单', '报损']) await hq.getByRole('dialog').getByLabel(permission, { exact: true }).check();
    await hq.getByTestId('role-save').click();
    await expect(hq.getByTestId('roles-table').getByRole('row').filter({ hasText: '夜班' })).toContainText('销售开单报损');
    await hq.screenshot({ path: `${screenshotDir}/people-zh-CN-list.png`, fullPage: true });

    // The store's till: nobody writes before signing in; a wrong PIN says how many tries are left.
    const till = await openPairedTerminal(browser, endpoint.url, storeToken, 'en-US');
    await signIn(till, 'Wang', '0000');
    await expect(till.getByTestId('sign-in-problem')).toHaveText('Wrong PIN. 4 tries left before this account is locked on this terminal.');
    await till.screenshot({ path: `${screenshotDir}/people-en-sign-in.png` });
    await till.getByTestId('sign-in-pin').fill('2580');
    await till.getByTestId('sign-in-pin').press('Enter');
    await expect(till.getByTestId('operator')).toHaveText('Wang Fang');

    // The clerk sells by FEFO, but may not pick the later lot: refused, naming the permission.
    await sell(till, tofu.barcodes[0] as string);
    await expect(till.getByTestId('sale-notice')).toContainText('Posted XS-');
    await sell(till, `(01)0${tofu.barcodes[0] as string}(10)L${run}`, 'customer asked for the fresher lot');
    await expect(till.getByTestId('sale-error')).toHaveText(
      'Wang Fang may not do this: it needs the permission “Override FEFO/FIFO”. Ask someone who has it to sign in.',
    );
    await till.screenshot({ path: `${screenshotDir}/people-en-refused.png` });

    // The manager signs in on the same till and may.
    await till.getByTestId('switch-user').click();
    await signIn(till, 'Li', '3690');
    await expect(till.getByTestId('operator')).toHaveText('Li Na');
    await sell(till, `(01)0${tofu.barcodes[0] as string}(10)L${run}`, 'customer asked for the fresher lot');
    await expect(till.getByTestId('sale-notice')).toContainText('Posted XS-');

    // At the endpoint: each sale and the override name their person.
    const people = await pullAll<PersonDoc>(endpoint.url, storeToken, 'people');
    const personOf = (name: string) => people.find((account) => account.name === name)?.personId;
    await expect
      .poll(
        async () =>
          (await pullAll<DocumentDoc>(endpoint.url, storeToken, 'documents')).filter((doc) => doc.type === 'sale' && doc.operatorId).length,
        {
          timeout: 60_000,
        },
      )
      .toBe(2);
    const sales = (await pullAll<DocumentDoc>(endpoint.url, storeToken, 'documents')).filter((doc) => doc.type === 'sale');
    const byOperator = (name: string) => sales.find((doc) => doc.operatorId === personOf(name));
    expect(byOperator('王芳')?.lines.some((line) => line.fifoOverrideReason)).toBe(false);
    expect(byOperator('李娜')?.lines.some((line) => line.fifoOverrideReason)).toBe(true);
    await expect
      .poll(
        async () =>
          (await pullAll<EventDoc>(endpoint.url, storeToken, 'events')).find((event) => event.kind === 'fifo-override')?.operatorId,
      )
      .toBe(personOf('李娜'));

    // HQ reads both names on the documents.
    for (const [name, doc] of [
      ['王芳', byOperator('王芳')],
      ['李娜', byOperator('李娜')],
    ] as const) {
      await hq.evaluate((id) => (location.hash = `#/journal/doc/${id}`), doc!.id);
      await expect(hq.getByTestId('doc-operator')).toHaveText(name, { timeout: 60_000 });
    }
    await hq.screenshot({ path: `${screenshotDir}/people-zh-CN-document.png` });

    // HQ's rule: counts with a variance over 5 % need the store manager.
    await hq.evaluate(() => (location.hash = '#/approvals'));
    await hq.getByTestId('rule-add').click();
    await choose(hq, 'rule-role', '店长');
    await hq.getByTestId('rule-save').click();
    await expect(hq.getByTestId('rules-table')).toContainText('差异超过 5%');
    await expect(hq.getByTestId('rules-table')).toContainText('店长');
    // The purchase-order rule heads the list; its large-order amount is HQ's to set.
    await expect(hq.getByTestId('large-order-rule')).toHaveText('超出当月预算，或金额超过 ¥100,000.00');
    await hq.getByTestId('large-order-edit').click();
    await hq.getByRole('dialog').getByRole('spinbutton').fill('8000');
    await hq.getByTestId('large-order-save').click();
    await expect(hq.getByTestId('large-order-rule')).toHaveText('超出当月预算，或金额超过 ¥8,000.00');
    await hq.screenshot({ path: `${screenshotDir}/approvals-zh-CN-rules.png`, fullPage: true });

    // The clerk counts the FEFO lot 25 where the book says 29 (−14 %): the count waits.
    await till.getByTestId('switch-user').click();
    await signIn(till, 'Wang', '2580');
    await expect
      .poll(async () =>
        (await pullAll(endpoint.url, storeToken, 'config')).some((doc) => (doc as { key: string }).key === 'approval-rules'),
      )
      .toBe(true);
    await till.evaluate(() => (location.hash = '#/counts'));
    await expect(till.getByTestId('count-first-sync')).toHaveCount(0, { timeout: 60_000 });
    await till.getByTestId('count-kind').getByText('Full count').click();
    await till.getByTestId('count-start').click();
    for (const [lot, qty] of [
      [`T${run}`, 25],
      [`L${run}`, 9],
    ] as const) {
      await till.getByTestId('count-scan').fill(`(01)0${tofu.barcodes[0] as string}(10)${lot}(30)${qty}`);
      await till.getByTestId('count-scan').press('Enter');
    }
    await expect(till.getByTestId('count-progress')).toContainText('2 of 2');
    await till.getByTestId('count-review').click();
    await till.getByTestId('count-post').click();
    await expect(till.getByTestId('count-held')).toContainText('Held for approval by Store manager');
    await till.screenshot({ path: `${screenshotDir}/approvals-en-held.png` });

    // The clerk sees it wait for someone else (browser mode loads a screen's code once online;
    // the desktop app reads it from disk).
    await till.evaluate(() => (location.hash = '#/approvals'));
    await expect(till.getByTestId('approvals-others')).toContainText('Waits for Store manager');
    await expect(till.getByTestId('approvals-mine')).not.toContainText('PD-');

    // Offline, the manager signs in on the same till and approves it: it posts there and then.
    await till.context().setOffline(true);
    await till.getByTestId('switch-user').click();
    await signIn(till, 'Li', '3690');
    await expect(till.getByTestId('approvals-badge')).toContainText('1');
    await till.getByTestId('approvals-open').click();
    await expect(till.getByTestId('approvals-mine')).toContainText('Wang Fang');
    await expect(till.getByTestId('approvals-mine')).toContainText('variance over 5 % · now 13.79 %');
    await till.screenshot({ path: `${screenshotDir}/approvals-en-queue.png`, fullPage: true });
    await till.getByTestId('approvals-mine').getByTestId('approval-approve').click();
    await expect(till.getByTestId('approvals-decided')).toContainText('Approved by Li Na');
    await expect(till.getByTestId('approvals-badge')).toHaveCount(0);
    await till.context().setOffline(false);

    // After sync, HQ sees the count posted, made by the clerk and approved by the manager.
    await expect
      .poll(
        async () => (await pullAll<DocumentDoc>(endpoint.url, storeToken, 'documents')).find((doc) => doc.type === 'stock-count')?.status,
        { timeout: 60_000 },
      )
      .toBe('posted');
    const count = (await pullAll<DocumentDoc>(endpoint.url, storeToken, 'documents')).find((doc) => doc.type === 'stock-count')!;
    expect(count.operatorId).toBe(personOf('王芳'));
    await hq.evaluate((id) => (location.hash = `#/journal/doc/${id}`), count.id);
    await expect(hq.getByTestId('doc-operator')).toHaveText('王芳', { timeout: 60_000 });
    await expect(hq.getByTestId('doc-decisions')).toHaveText('李娜：已批准', { timeout: 60_000 });
    await expect(hq.getByTestId('doc-movements')).toContainText(/[−-]4/);
    await hq.screenshot({ path: `${screenshotDir}/approvals-zh-CN-document.png`, fullPage: true });

    // The clerk's message centre says the manager approved her count.
    await till.getByTestId('switch-user').click();
    await signIn(till, 'Wang', '2580');
    await till.getByTestId('messages-open').click();
    await expect(till.getByTestId('message-approval-decided')).toBeVisible();
    await expect(till.getByTestId('message-approval-decided')).toContainText(/PD-\S+ was approved by Li Na and posted/);
    await till.screenshot({ path: `${screenshotDir}/approvals-en-messages.png` });
    await till.keyboard.press('Escape');

    // Five wrong PINs lock Wang Fang on this till, and a reload does not lift it.
    await till.getByTestId('switch-user').click();
    for (let attempt = 1; attempt <= 5; attempt++) await signIn(till, 'Wang', '9999');
    await expect(till.getByTestId('sign-in-problem')).toContainText(
      'Too many wrong PINs: Wang Fang is locked on this terminal for 5 more minute(s).',
    );
    await till.reload();
    await signIn(till, 'Wang', '2580');
    await expect(till.getByTestId('sign-in-problem')).toContainText('Wang Fang is locked on this terminal');
    await expect(till.getByTestId('operator')).toHaveCount(0);
    await till.screenshot({ path: `${screenshotDir}/people-en-locked.png` });
    await Promise.all([hq.context().close(), till.context().close()]);
  } finally {
    await endpoint.stop();
  }
});
