import type { Browser, Page } from 'playwright-core';
import { api, BASE, itInBrowser, launch, signedIn, watch } from './support/browser';

// Create and edit through the forms of every kind of record, against the real API: what the forms send is what the
// API's strict schemas accept.

let browser: Browser;
let steelId: number;
const tag = Date.now().toString(36).toUpperCase();

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

const withSource = (path: string, source: Record<string, unknown>) =>
  `${path}?source=${encodeURIComponent(JSON.stringify(source))}`;

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save' }).click();
}

/** After saving: on the record's page (show or edit), with no error shown. */
async function savedTo(page: Page, pattern: RegExp): Promise<string> {
  await page.waitForURL(pattern);
  await page.waitForLoadState('networkidle');
  expect(
    await page.locator('.MuiSnackbarContent-root.MuiAlert-standardError, [role=alert].MuiAlert-colorError').count(),
  ).toBe(0);
  return page.url().match(pattern)![1];
}

describe('forms of every resource', () => {
  itInBrowser(
    'should create a milestone and record a re-announced planned date in its ledger',
    () => browser,
    async () => {
      const { context, page } = await signedIn(
        browser,
        'admin',
        withSource('/milestones/create', { initiativeId: steelId }),
      );
      const { errors } = watch(page);
      await page.fill('input[name=titleEn]', `Site handover ${tag}`);
      await page.fill('input[name=titleUr]', 'سائٹ کی حوالگی');
      await page.fill('input[name=plannedDate]', '2026-03-01');
      await save(page);
      const id = await savedTo(page, /#\/milestones\/(\d+)\/show/);

      await page.goto(`${BASE}/#/milestones/${id}`);
      await page.waitForSelector('input[name=plannedDate]');
      await page.fill('input[name=plannedDate]', '2026-06-15');
      await page.locator('[data-testid=announcement]').waitFor();
      await page.fill('textarea[name="announcement.note"]', 'Moved after the financing talks');
      await save(page);
      await savedTo(page, /#\/milestones\/(\d+)\/show/);
      await page.waitForSelector('[data-testid=ledger-row]:has-text("Moved after the financing talks")');

      const milestone = await (await api('admin')).get(`/milestones/${id}`);
      expect(milestone).toMatchObject({
        plannedDate: '2026-06-15',
        originalPlannedDate: '2026-03-01',
        reannouncements: 1,
      });
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  itInBrowser(
    'should create an engagement and a decision taken there',
    () => browser,
    async () => {
      const { context, page } = await signedIn(browser, 'admin', '/engagements/create');
      await page.fill('input[name=titleEn]', `Working group on steel ${tag}`);
      await choose(page, 'Format', 'Working group');
      await page.fill('input[name=startDate]', '2025-09-10');
      await save(page);
      const id = await savedTo(page, /#\/engagements\/(\d+)\/show/);

      await page.getByRole('link', { name: 'Add decision' }).click();
      await page.waitForSelector('textarea[name=textEn]');
      await page.fill('textarea[name=textEn]', 'Prepare the feasibility study terms');
      await page.fill('input[name=dueDate]', '2025-12-01');
      await save(page);
      await page.waitForURL(new RegExp(`#/engagements/${id}/show`));
      await page.waitForSelector('table tbody tr:has-text("Prepare the feasibility study terms")');
      await context.close();
    },
  );

  itInBrowser(
    'should create a person with a position, an organisation, an agreement and a source',
    () => browser,
    async () => {
      const { context, page } = await signedIn(browser, 'admin', '/people/create');
      await page.fill('input[name=nameEn]', `Test Person ${tag}`);
      await page.fill('input[name=nameUr]', 'آزمائشی شخص');
      await save(page);
      const personId = await savedTo(page, /#\/people\/(\d+)\/show/);
      await page.getByRole('link', { name: 'Add position' }).click();
      await page.waitForSelector('input[name=titleEn]');
      await page.fill('input[name=titleEn]', 'Special Envoy');
      await page.fill('input[name=fromDate]', '2025-01-01');
      await save(page);
      await page.waitForURL(new RegExp(`#/people/${personId}/show`));
      await page.waitForSelector('table tbody tr:has-text("Special Envoy")');

      await page.goto(`${BASE}/#/organizations/create`);
      await page.fill('input[name=nameEn]', `Test Agency ${tag}`);
      await choose(page, 'Kind', 'Government agency');
      await save(page);
      await savedTo(page, /#\/organizations\/(\d+)\/show/);

      await page.goto(`${BASE}/#/agreements/create`);
      await choose(page, 'Kind', 'Protocol');
      await page.fill('input[name=titleEn]', `Protocol on steel ${tag}`);
      await save(page);
      await savedTo(page, /#\/agreements\/(\d+)\/show/);

      await page.goto(`${BASE}/#/sources/create`);
      await choose(page, 'Language', 'Urdu');
      await page.fill('input[name=publishedAt]', '2025-07-12');
      await page.fill('input[name=publisher]', 'روزنامہ آزمائش');
      await page.fill('input[name=title]', `آزمائشی خبر ${tag}`);
      expect(await page.locator('input[name=title]').getAttribute('dir')).toBe('rtl');
      await save(page);
      await savedTo(page, /#\/sources\/(\d+)\/show/);
      await context.close();
    },
  );

  itInBrowser(
    'should let an administrator add a sector, a country and a user',
    () => browser,
    async () => {
      const { context, page } = await signedIn(browser, 'admin', '/sectors/create');
      await page.fill('input[name=code]', `agri_${tag.toLowerCase()}`);
      await page.fill('input[name=nameEn]', 'Agriculture');
      await page.fill('input[name=nameUr]', 'زراعت');
      await save(page);
      await page.waitForURL(/#\/sectors(\?|$)/);
      await page.waitForSelector('table tbody tr:has-text("Agriculture")');

      await page.goto(`${BASE}/#/countries/create`);
      await page.fill('input[name=code]', 'XQ');
      await page.fill('input[name=nameEn]', 'Test country (user-assigned XQ)');
      await page.fill('input[name=nameUr]', 'آزمائشی ملک');
      await save(page);
      await page.waitForURL(/#\/countries(\?|$)/);

      await page.goto(`${BASE}/#/users/create`);
      await page.fill('input[name=name]', `New Viewer ${tag}`);
      await page.fill('input[name=email]', `viewer.${tag.toLowerCase()}@browser.test`);
      await page.fill('input[name=password]', 'A-long-enough-passphrase-2026');
      await save(page);
      await page.waitForURL(/#\/users(\?|$)/);
      await page.waitForSelector(`table tbody tr:has-text("viewer.${tag.toLowerCase()}@browser.test")`);
      await context.close();
    },
  );
});
