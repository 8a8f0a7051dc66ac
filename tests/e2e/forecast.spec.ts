// The replenishment loop on the demo organisation: the store reads its forecasts, confirms the
// suggestions (one edited) into a request, the kitchen sees it arrive, and the change is recorded.
import type { Page } from '@playwright/test';
import { addDays } from '../../shared/domain';
import { E2E_SITE_DATE, expect, test, type SiteClock } from './fixtures';

const shots = 'test-results/screenshots';

async function openForecast(page: Page): Promise<void> {
  await expect(page.getByTestId('sync-connectivity')).toBeVisible({ timeout: 120_000 });
  // A hash change, not a reload: the terminal keeps its open database and ledger.
  await page.evaluate(() => {
    window.location.hash = '#/forecast';
  });
  await expect(page.getByTestId('section-forecast')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('forecast-status')).toBeVisible({ timeout: 120_000 });
}

// Half an hour either side of the site's midnight, with the browser in UTC (16:00 UTC is midnight
// in Shanghai): the request is numbered and dated by the site's day, never the computer's.
const cases: { locale: 'zh-CN' | 'en'; clock: SiteClock }[] = [
  { locale: 'zh-CN', clock: { day: 0, time: '23:30' } },
  { locale: 'en', clock: { day: 1, time: '00:30' } },
];

for (const { locale, clock } of cases) {
  test(`store confirms suggestions into a request the kitchen receives (${locale}, ${clock.time} at the site)`, async ({
    demoTerminal,
  }) => {
    test.setTimeout(360_000);
    const siteDay = addDays(E2E_SITE_DATE, clock.day).replaceAll('-', '');
    const store = await demoTerminal('store-renmin', { locale, siteClock: clock });
    await openForecast(store);

    // Forecast vs actual: the chart draws and the figures say how good it is.
    await store.getByRole('tab', { name: locale === 'en' ? 'Forecast vs actual' : '预测与实际' }).click();
    await expect(store.locator('[data-testid="forecast-chart"] canvas')).toBeVisible();
    await expect(store.getByTestId('series-figures')).toContainText('%');
    await store.screenshot({ path: `${shots}/forecast-${locale}-chart.png`, fullPage: true });

    await store.getByRole('tab', { name: locale === 'en' ? 'Accuracy & review' : '准确度与待复核' }).click();
    await expect(store.getByTestId('accuracy-totals')).toContainText('%');
    await expect(store.getByTestId('review-queue')).toBeVisible();
    await store.screenshot({ path: `${shots}/forecast-${locale}-accuracy.png`, fullPage: true });

    // Suggestions: take them, but change the first product's packs.
    await store.getByRole('tab', { name: locale === 'en' ? 'Suggested requests' : '要货建议' }).click();
    const table = store.getByTestId('suggestions-table');
    await expect(table.getByTestId('suggestion-explanation').first()).toBeVisible();
    const firstInput = table.locator('input[data-testid^="order-packs-"], [data-testid^="order-packs-"] input').first();
    const suggested = Number(await firstInput.inputValue());
    await firstInput.fill(String(suggested + 2));
    await firstInput.press('Tab');
    await expect(table.locator('.ant-tag-orange').first()).toBeVisible();
    await store.screenshot({ path: `${shots}/forecast-${locale}-suggestions.png`, fullPage: true });
    await store.getByTestId('send-request').click();
    const recent = store.getByTestId('recent-requests');
    await expect(recent).toContainText('YH-');
    const number = (await recent.locator('code').first().innerText()).trim();
    expect(number).toMatch(new RegExp(`^YH-${siteDay}-`));

    // The override is kept with both quantities.
    await store.getByRole('tab', { name: locale === 'en' ? 'Changes to suggestions' : '建议修改记录' }).click();
    await expect(store.getByTestId('override-history')).toContainText(number);
    await expect(store.getByTestId('override-history')).toContainText('+');
    await store.screenshot({ path: `${shots}/forecast-${locale}-overrides.png`, fullPage: true });

    // The kitchen sees the request among its incoming ones, and plans from it.
    const kitchen = await demoTerminal('kitchen', { locale, siteClock: clock });
    await openForecast(kitchen);
    await kitchen.getByRole('tab', { name: locale === 'en' ? 'Requests from stores' : '门店要货单' }).click();
    await expect(kitchen.getByTestId(`incoming-${number}`)).toBeVisible({ timeout: 30_000 });
    await kitchen.screenshot({ path: `${shots}/forecast-${locale}-kitchen-incoming.png`, fullPage: true });
    await kitchen.getByRole('tab', { name: locale === 'en' ? 'Production plan' : '生产计划' }).click();
    await expect(kitchen.getByTestId('production-plan')).toBeVisible();
    await kitchen.screenshot({ path: `${shots}/forecast-${locale}-kitchen-plan.png`, fullPage: true });
  });
}
