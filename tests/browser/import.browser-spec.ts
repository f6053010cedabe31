import type { Browser, Page } from 'playwright-core';
import { api, itInBrowser, launch, missingKeys, screenshot, signedIn, watch } from './support/browser';

// The import wizard as an analyst uses it: upload a CSV, map a column the headers did not name, see the preview
// with a problem by row and column, upload the corrected file, commit. In English and in Urdu (screenshots in
// tests/artifacts/screenshots: import-*-en.png, import-*-ur.png).

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const stamp = Date.now().toString(36).toUpperCase();
const csv = (code: string, sector: string, second = 'Rail') =>
  Buffer.from(
    [
      'Code,Title (English),Title (Urdu),Sectors,Countries,Target date,Remarks',
      `${code}-1,Gwadar LPG terminal,گوادر ایل پی جی ٹرمینل,${sector},PK; RU,13/05/2027,Pilot cargo`,
      `${code}-2,Karachi rail yard upgrade,کراچی ریلوے یارڈ کی اپ گریڈیشن,${second},PK; UZ; RU,31/12/2026,`,
    ].join('\r\n'),
  );

const plain = (text: string) => text.replace(/[\u2068\u2069]/g, '');

async function upload(page: Page, name: string, body: Buffer) {
  await page.locator('[data-testid=import-file]').setInputFiles({ name, mimeType: 'text/csv', buffer: body });
}

/** Ready for a screenshot: nothing loading, fonts in, the page at its top (the app bar hides on scroll), no focus ring. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(async () => {
    await document.fonts.ready;
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
}

describe('the import wizard', () => {
  itInBrowser(
    'should upload, map, show a problem, take the corrected file and commit (English)',
    () => browser,
    async () => {
      const { context, page } = await signedIn(browser, 'admin', '/import');
      const watched = watch(page);
      await page.locator('[data-testid=import-page]').waitFor();
      await page.locator('[data-testid=import-mode-create]').click();
      await upload(page, 'tracker.csv', csv(`BRW-${stamp}`, 'LPGG'));
      await page.locator('[data-testid=import-preview]').waitFor();

      // The columns the headers name are mapped; "Remarks" is not. Map it, and preview again.
      await page.locator('[data-testid=import-map-6]').waitFor({ state: 'attached' });
      await page.locator('[data-testid=import-mapping] tr:has-text("Remarks") [role=combobox]').click();
      await page.locator('li[role=option][data-value=summaryEn]').click();
      await page.locator('[data-testid=import-preview-again]').click();
      await page.locator('[data-testid=import-preview-again]').waitFor({ state: 'detached' });

      // One problem, by row and column, with the closest sector; commit is not possible.
      const errors = page.locator('[data-testid=import-errors] tbody tr');
      await errors.first().waitFor();
      // (Values from the file are isolated, U+2068 … U+2069, so that they keep their direction in either language.)
      const texts = (await errors.allInnerTexts()).map(plain);
      expect(texts).toHaveLength(1);
      const problem = texts[0];
      expect(problem).toContain('Sectors');
      expect(problem).toContain('did you mean "LPG"');
      expect(await page.locator('[data-testid=import-count-create]').innerText()).toContain('1 to add');
      // What each row will do, named by its code.
      const outcomes = (await page.locator('[data-testid=import-outcomes] tbody tr').allInnerTexts()).map(plain);
      expect(outcomes).toEqual([
        expect.stringMatching(new RegExp(`^1\\s+Problem\\s+BRW-${stamp}-1$`)),
        expect.stringMatching(new RegExp(`^2\\s+Add\\s+BRW-${stamp}-2$`)),
      ]);
      expect(await page.locator('[data-testid=import-commit]').isDisabled()).toBe(true);
      await settle(page);
      await screenshot(page, 'import-preview-en');
      expect(await missingKeys(page)).toEqual([]);

      // The corrected file keeps the mapping; commit.
      await upload(page, 'tracker-fixed.csv', csv(`BRW-${stamp}`, 'LPG'));
      await page.locator('[data-testid=import-ready]').waitFor();
      expect(await page.locator('[data-testid=import-file-name]').innerText()).toBe('tracker-fixed.csv');
      await page.locator('[data-testid=import-commit]').click();
      await page.locator('[data-testid=import-result]').waitFor();
      expect(await page.locator('[data-testid=import-result]').innerText()).toContain('2 added, 0 updated');
      await settle(page);
      await screenshot(page, 'import-done-en');

      const admin = await api('admin');
      // Search finds by words (a code's parts too): the record is the one whose code is exactly ours.
      const found: { code: string }[] = await admin.get(
        `/initiatives?${new URLSearchParams({ filter: JSON.stringify({ q: `BRW-${stamp}-1` }) })}`,
      );
      const made = found.find((i) => i.code === `BRW-${stamp}-1`);
      expect(made).toMatchObject({
        titleUr: 'گوادر ایل پی جی ٹرمینل',
        summaryEn: 'Pilot cargo',
        targetDate: '2027-05-13',
        countryCodes: ['PK', 'RU'],
      });
      expect(watched.errors).toEqual([]);
      await context.close();
    },
  );

  itInBrowser(
    'should read the same in Urdu, right to left',
    () => browser,
    async () => {
      const { context, page } = await signedIn(browser, 'analyst', '/import');
      await page.locator('[data-testid=import-page]').waitFor();
      await page.locator('[data-testid=language-button]').click();
      await page.locator('[data-testid=language-ur]').click();
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      try {
        await page.locator('[data-testid=import-mode-create]').click();
        // A file Rabta refuses is answered in Urdu too.
        await upload(page, 'خالی.csv', Buffer.from(''));
        expect(await page.locator('[data-testid=import-failure]').innerText()).toContain('فائل میں کوئی ڈیٹا نہیں');
        await upload(page, 'ٹریکر.csv', csv(`BRU-${stamp}`, 'ایل پی جی'));
        await page.locator('[data-testid=import-preview]').waitFor();
        // The Urdu sector name is recognised; an energy analyst may not add LPG or rail initiatives.
        const rows = page.locator('[data-testid=import-errors] tbody tr');
        await rows.first().waitFor();
        expect(await rows.count()).toBe(2);
        // The API's problem, said in Urdu from its key and params.
        expect(plain(await rows.first().innerText())).toContain('آپ کے شعبہ جاتی دائرۂ کار سے باہر: lpg');
        expect(await page.locator('[data-testid=import-count-error]').innerText()).toContain('2');
        expect(await page.locator('[data-testid=import-has-errors]').innerText()).toContain('مسائل');
        await settle(page);
        await screenshot(page, 'import-preview-ur');
        expect(await missingKeys(page)).toEqual([]);

        // Within the analyst's sector, the corrected file commits.
        await upload(page, 'ٹریکر-درست.csv', csv(`BRU-${stamp}`, 'توانائی', 'energy'));
        await page.locator('[data-testid=import-ready]').waitFor();
        await page.locator('[data-testid=import-commit]').click();
        await page.locator('[data-testid=import-result]').waitFor();
        expect(await page.locator('[data-testid=import-result]').innerText()).toContain('2 نئے');
        await settle(page);
        await screenshot(page, 'import-done-ur');
        expect(await missingKeys(page)).toEqual([]);
      } finally {
        await (await api('analyst')).call('PUT', '/me', { locale: 'en' });
        await context.close();
      }
    },
  );
});
