import type { Browser, Page } from 'playwright-core';
import {
  api,
  BASE,
  errorPageShown,
  itInBrowser,
  launch,
  missingKeys,
  rawKeysOnPage,
  screenshot,
  signedIn,
  watch,
} from './support/browser';

// English and Urdu: the whole layout flips to right-to-left, every label comes from the catalogue (no raw key, no
// English left behind), Urdu fonts and ur-PK dates; the choice is stored in the profile. Screenshots of the
// dashboard, an initiative page and the status dialog in both languages go to tests/artifacts/screenshots.

let browser: Browser;
const ids: Record<string, number | string> = {};

beforeAll(async () => {
  browser = await launch();
  const admin = await api('admin');
  const first = async (resource: string, filter: Record<string, unknown> = {}) =>
    (await admin.get(`/${resource}?${new URLSearchParams({ range: '[0,0]', filter: JSON.stringify(filter) })}`))[0]?.id;
  const steel: { id: number }[] = await admin.get(
    `/initiatives?${new URLSearchParams({ filter: JSON.stringify({ q: 'PK-RU-STEEL-KHI' }) })}`,
  );
  ids.steel = steel[0].id;
  for (const r of [
    'milestones',
    'engagements',
    'decisions',
    'agreements',
    'people',
    'organizations',
    'sources',
    'status-updates',
    'users',
    'sectors',
    'countries',
    'audit-events',
  ]) {
    ids[r] = await first(r);
  }
});
afterAll(async () => {
  await browser?.close();
});

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
}

/** Open the status dialog and fill it as an analyst would, without saving. */
async function fillStatusDialog(page: Page, noteEn: string, noteUr: string, source: { search: string; quote: string }) {
  await page.locator('[data-testid=update-status]').click();
  await page.waitForSelector('[data-testid=status-dialog]');
  await page.locator('[data-testid=status-dialog] [role=combobox]').first().click();
  await page.locator('li[role=option][data-value=implementation]').click();
  await page.locator('[data-testid=status-dialog] [role=combobox]').nth(1).click();
  await page.locator('li[role=option][data-value=on_track]').click();
  await page.fill('[data-testid=status-note]', noteEn);
  await page.fill('[data-testid=status-note-ur]', noteUr);
  await page.locator('[data-testid=status-source-search]').fill(source.search);
  await page.locator(`li[data-testid^=source-option-]:has-text("${source.search}")`).first().click();
  await page.locator('[data-testid=status-picked-sources] textarea').first().fill(source.quote);
}

describe('English and Urdu', () => {
  itInBrowser(
    'should look right in English (screenshots)',
    () => browser,
    async () => {
      const { context, page } = await signedIn(browser, 'other', '/');
      await page.waitForSelector('[data-testid=chart-stage-sector] svg');
      expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
        'ltr',
        'en',
      ]);
      await settle(page);
      await screenshot(page, 'dashboard-en');

      await page.goto(`${BASE}/#/initiatives/${ids.steel}/show`);
      await page.locator('[data-testid=update-status]').waitFor();
      await settle(page);
      await screenshot(page, 'initiative-en');
      await page.goto(`${BASE}/#/initiatives/${ids.steel}/show/timeline`);
      await page.waitForSelector('[data-testid=timeline-item]');
      await settle(page);
      await screenshot(page, 'initiative-timeline-en');
      await page.goto(`${BASE}/#/initiatives/${ids.steel}/show`);

      await fillStatusDialog(page, 'Construction contract awarded.', 'تعمیر کا ٹھیکہ دے دیا گیا۔', {
        search: 'Moscow',
        quote: 'Russian commitment to finalise an agreement in the coming months to build a new steel mills in Karachi',
      });
      await settle(page);
      await screenshot(page, 'status-dialog-en');
      expect(await missingKeys(page)).toEqual([]);
      await context.close();
    },
  );

  itInBrowser(
    'should switch to Urdu: right-to-left, translated, Urdu fonts and dates, saved in the profile',
    () => browser,
    async () => {
      const { context, page } = await signedIn(browser, 'other', '/');
      await page.waitForSelector('[data-testid=dashboard]');
      await page.locator('[data-testid=language-button]').click();
      await page.locator('[data-testid=language-ur]').click();
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ur-PK');
      expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
      await page.waitForSelector('a[href="#/initiatives"]:has-text("اقدامات")');

      // The menu sits on the right.
      const menuBox = await page.locator('a[href="#/initiatives"]').boundingBox();
      expect(menuBox!.x).toBeGreaterThan(1000);
      // Naskh for the UI, Nastaliq for headings.
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Noto Naskh Arabic');

      // Stored in the profile.
      const other = await api('other');
      expect((await other.get('/auth/me')).locale).toBe('ur');

      await page.waitForSelector('[data-testid=chart-stage-sector] svg');
      await settle(page);
      await screenshot(page, 'dashboard-ur');

      await page.goto(`${BASE}/#/initiatives/${ids.steel}/show`);
      await page.locator('[data-testid=update-status]').waitFor();
      await settle(page);
      const heading = page.locator('[data-testid=initiative-header] h1');
      expect(await heading.getAttribute('lang')).toBe('ur');
      expect(await heading.evaluate((h) => getComputedStyle(h).fontFamily)).toContain('Noto Nastaliq Urdu');
      // Dates in ur-PK.
      const expected = await page.evaluate(() =>
        new Intl.DateTimeFormat('ur-PK', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
          new Date('2025-07-11T00:00:00Z'),
        ),
      );
      expect(await page.locator('[data-testid=initiative-header]').innerText()).toContain(expected);
      await screenshot(page, 'initiative-ur');
      await page.goto(`${BASE}/#/initiatives/${ids.steel}/show/timeline`);
      await page.waitForSelector('[data-testid=timeline-item]');
      await settle(page);
      await screenshot(page, 'initiative-timeline-ur');
      await page.goto(`${BASE}/#/initiatives/${ids.steel}/show`);

      await fillStatusDialog(page, 'Construction contract awarded.', 'تعمیر کا ٹھیکہ دے دیا گیا۔', {
        search: 'ملاقاتیں',
        quote: 'واضح رہے کہ 13 مئی کو پاکستان اور روس کے درمیان اس منصوبے کے قیام کے معاہدے پر دستخط ہو چکے ہیں۔',
      });
      expect(await page.locator('[data-testid=status-note-ur]').getAttribute('dir')).toBe('rtl');
      await settle(page);
      await screenshot(page, 'status-dialog-ur');
      expect(await rawKeysOnPage(page)).toEqual([]);
      await page.keyboard.press('Escape');

      // Back to English, from the same menu.
      await page.locator('[data-testid=language-button]').click();
      await page.locator('[data-testid=language-en]').click();
      await page.waitForFunction(() => document.documentElement.dir === 'ltr');
      expect((await other.get('/auth/me')).locale).toBe('en');
      await context.close();
    },
  );

  itInBrowser(
    'should show no raw key and no missing translation on any analyst screen in Urdu',
    () => browser,
    async () => {
      const other = await api('other');
      await other.put('/me', { locale: 'ur' });
      try {
        // The profile's language applies at sign-in.
        const { context, page } = await signedIn(browser, 'other', '/');
        const { errors } = watch(page);
        await page.waitForFunction(() => document.documentElement.dir === 'rtl');
        const paths = [
          '/',
          '/initiatives',
          `/initiatives/${ids.steel}/show`,
          `/initiatives/${ids.steel}/show/milestones`,
          `/initiatives/${ids.steel}/show/timeline`,
          `/initiatives/${ids.steel}/show/evidence`,
          `/initiatives/${ids.steel}/show/history`,
          `/initiatives/${ids.steel}`,
          '/initiatives/create',
          '/milestones',
          `/milestones/${ids.milestones}/show`,
          `/milestones/${ids.milestones}`,
          '/engagements',
          `/engagements/${ids.engagements}/show`,
          '/decisions',
          `/decisions/${ids.decisions}`,
          '/agreements',
          `/agreements/${ids.agreements}/show`,
          '/people',
          `/people/${ids.people}/show`,
          '/organizations',
          `/organizations/${ids.organizations}/show`,
          '/sources',
          `/sources/${ids.sources}/show`,
          `/status-updates/${ids['status-updates']}/show`,
          '/profile',
          '/password',
        ];
        const found: Record<string, string[]> = {};
        for (const path of paths) {
          await page.goto(`${BASE}/#${path}`);
          await settle(page);
          if (path === '/initiatives') {
            // The filter menu's labels too.
            await page.getByRole('button', { name: 'فلٹر شامل کریں' }).click();
            await page.waitForSelector('[role=menu]');
            const keys = await rawKeysOnPage(page);
            if (keys.length) found[`${path} (filters)`] = keys;
            await page.keyboard.press('Escape');
          }
          const keys = await rawKeysOnPage(page);
          if (keys.length) found[path] = keys;
          if (await errorPageShown(page)) found[path] = [...(found[path] ?? []), 'error page'];
          if (path === `/users/${ids.users}`) await screenshot(page, 'user-edit-ur');
        }
        expect(found).toEqual({});
        expect(await missingKeys(page)).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await other.put('/me', { locale: 'en' });
      }
    },
  );

  itInBrowser(
    'should show the administration in Urdu too',
    () => browser,
    async () => {
      const admin = await api('admin');
      await admin.put('/me', { locale: 'ur' });
      try {
        const { context, page } = await signedIn(browser, 'admin', '/users');
        const { errors } = watch(page);
        await page.waitForFunction(() => document.documentElement.dir === 'rtl');
        const found: Record<string, string[]> = {};
        for (const path of [
          '/users',
          `/users/${ids.users}`,
          '/users/create',
          '/sectors',
          `/sectors/${ids.sectors}`,
          '/countries',
          `/countries/${ids.countries}`,
          '/audit-events',
          `/audit-events/${ids['audit-events']}/show`,
        ]) {
          await page.goto(`${BASE}/#${path}`);
          await settle(page);
          const keys = await rawKeysOnPage(page);
          if (keys.length) found[path] = keys;
          if (await errorPageShown(page)) found[path] = [...(found[path] ?? []), 'error page'];
          if (path === `/users/${ids.users}`) await screenshot(page, 'user-edit-ur');
        }
        expect(found).toEqual({});
        expect(await missingKeys(page)).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await admin.put('/me', { locale: 'en' });
      }
    },
  );
});
