import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { api, BASE, itInBrowser, launch, signedIn, waitForRows } from './support/browser';

// The "as of" date of the app bar, the server export, and saved views shared by URL.

let browser: Browser;
let steelId: number;
beforeAll(async () => {
  browser = await launch();
  const admin = await api('admin');
  const rows: { id: number; code: string }[] = await admin.get(
    `/initiatives?${new URLSearchParams({ filter: JSON.stringify({ q: 'PK-RU-STEEL-KHI' }) })}`,
  );
  steelId = rows.find((r) => r.code === 'PK-RU-STEEL-KHI')!.id;
});
afterAll(async () => {
  await browser?.close();
});

async function setAsOf(page: Page, date: string, knownAt?: string) {
  await page.locator('[data-testid=as-of-button]').click();
  await page.fill('[data-testid=as-of-date]', date);
  if (knownAt) await page.fill('[data-testid=as-of-known]', knownAt);
  await page.locator('[data-testid=as-of-apply]').click();
  await page.locator('[data-testid=as-of-banner]').waitFor();
}

const headerStage = (page: Page) =>
  page.locator('[data-testid=initiative-header] [data-stage]').first().getAttribute('data-stage');

describe('the as-of date', () => {
  // The steel mill: under negotiation from 20 Feb 2025, agreement signed effective 13 May 2025 (learned 11 Jul 2025).
  itInBrowser(
    'should show the stage an initiative had on that date, read-only, until back to today',
    () => browser,
    async () => {
      const { context, page } = await signedIn(browser, 'admin', `/initiatives/${steelId}/show`);
      await page.locator('[data-testid=update-status]').waitFor();
      expect(await headerStage(page)).toBe('agreement_signed');

      await setAsOf(page, '2025-03-01');
      await page.waitForSelector('[data-testid=initiative-header] [data-stage=under_negotiation]');
      await page.waitForLoadState('networkidle');
      expect(await page.locator('[data-testid=update-status]').count()).toBe(0);
      expect(await page.locator('[data-testid=edit-initiative]').count()).toBe(0);

      // The list shows the same world.
      await page.goto(
        `${BASE}/#/initiatives?${new URLSearchParams({ filter: JSON.stringify({ q: 'PK-RU-STEEL-KHI' }) })}`,
      );
      await waitForRows(page);
      await page.waitForSelector('table tbody tr [data-stage=under_negotiation]');
      expect(await page.locator('a[href="#/initiatives/create"]').count()).toBe(0);

      // On 1 June 2025 the agreement was in force, but nobody in Rabta knew until 11 July.
      await page.goto(`${BASE}/#/initiatives/${steelId}/show`);
      await setAsOf(page, '2025-06-01');
      await page.waitForSelector('[data-testid=initiative-header] [data-stage=agreement_signed]');
      await setAsOf(page, '2025-06-01', '2025-06-01T12:00');
      await page.waitForSelector('[data-testid=initiative-header] [data-stage=under_negotiation]');
      expect(await page.locator('[data-testid=as-of-banner]').innerText()).toContain('as known on');

      await page.locator('[data-testid=as-of-banner] button').click();
      await page.locator('[data-testid=as-of-banner]').waitFor({ state: 'detached' });
      await page.waitForSelector('[data-testid=initiative-header] [data-stage=agreement_signed]');
      await page.locator('[data-testid=update-status]').waitFor();
      await context.close();
    },
  );
});

describe('export', () => {
  itInBrowser(
    'should download every matching row as CSV with the Urdu intact',
    () => browser,
    async () => {
      const { context, page } = await signedIn(browser, 'viewer', '/initiatives');
      await waitForRows(page);
      await page.locator('[data-testid=export-button]').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid=export-csv]').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const bytes = readFileSync((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = bytes.toString('utf8');
      const admin = await api('admin');
      const all: { code: string; titleUr: string | null }[] = await admin.get(
        `/initiatives?${new URLSearchParams({ range: '[0,999]' })}`,
      );
      for (const i of all) {
        expect(csv).toContain(i.code);
        if (i.titleUr) expect(csv).toContain(i.titleUr);
      }
      await context.close();
    },
  );
});

describe('saved views', () => {
  itInBrowser(
    'should save the current filter on the server and open it from its link',
    () => browser,
    async () => {
      const { context, page } = await signedIn(
        browser,
        'viewer',
        `/initiatives?${new URLSearchParams({ filter: JSON.stringify({ stage: 'announced' }) })}`,
      );
      await waitForRows(page);
      const name = `Announced (${Date.now()})`;
      await page.locator('[data-testid=saved-views-button]').click();
      await page.locator('[data-testid=save-view]').click();
      await page.fill('[data-testid=saved-view-name]', name);
      await page.getByRole('checkbox').last().check();
      await page.locator('[data-testid=saved-view-submit]').click();
      await page.waitForSelector('text=View saved');

      const viewer = await api('viewer');
      const views: { id: number; name: string; filter: Record<string, unknown>; shared: boolean }[] = await viewer.get(
        `/saved-views?${new URLSearchParams({ filter: JSON.stringify({ resource: 'initiatives' }) })}`,
      );
      const view = views.find((v) => v.name === name)!;
      expect(view).toMatchObject({ filter: { stage: 'announced' }, shared: true });

      // Someone else opens the shared link: the list comes up filtered.
      const other = await signedIn(browser, 'analyst', `/initiatives?view=${view.id}`);
      await other.page.waitForFunction(() => decodeURIComponent(location.hash).includes('"stage":"announced"'));
      await other.page.waitForFunction(() => {
        const chips = [...document.querySelectorAll('table tbody tr [data-stage]')];
        return chips.length > 0 && chips.every((c) => c.getAttribute('data-stage') === 'announced');
      });
      await other.page.waitForLoadState('networkidle');
      const stages = await other.page
        .locator('table tbody tr [data-stage]')
        .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-stage')))]);
      expect(stages).toEqual(['announced']);
      await other.context.close();
      await context.close();
    },
  );
});
