import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * What the app must show for the "other city" fixture (e2e/fixtures/other-city.ts), whichever
 * server delivers it: the plain contract test server or the data service after an import.
 */
export async function expectOtherCityOverview(page: Page, siteUrl: string): Promise<void> {
  await page.goto(`${siteUrl}/`);
  await page.getByRole('heading', { level: 1, name: '三亚市禁毒数据（测试）' }).waitFor();
  await page.getByRole('article', { name: '社区康复执行率' }).getByText('97.3').waitFor();
  await expect(page.getByText('演示数据 / Demo data').count()).resolves.toBe(0);
}

/** Jiyang's row of the "drugs seized" table twin, as the screen shows it. */
export async function otherCitySeizedRow(page: Page, siteUrl: string): Promise<string[]> {
  await page.goto(`${siteUrl}/?view=trends&indicator=seized-kg&lang=en`);
  const figure = page.getByRole('figure', { name: /Drugs seized: districts compared/ });
  await figure.getByRole('button', { name: 'Show table' }).click();
  return figure
    .getByRole('row', { name: /Jiyang/ })
    .getByRole('cell')
    .allInnerTexts();
}

export const OTHER_CITY_SEIZED_JIYANG = [
  '20.10 kg',
  '18.00 kg',
  '15.50 kg',
  '12.00 kg',
  '—',
  '9.25 kg*',
];
