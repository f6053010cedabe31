import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  api,
  errorPageShown,
  itInBrowser,
  launch,
  missingKeys,
  rawKeysOnPage,
  screenshot,
  signedIn,
  watch,
} from './support/browser';

// The Intake screen as an analyst uses it: paste the seed article in Urdu, see it right-to-left with what Rabta
// recognised, accept what is in the analyst's sectors, and find it on the initiative's timeline. Screenshots of the
// screen in English and Urdu go to tests/artifacts/screenshots (intake-review-en.png, intake-review-ur.png).

const URDU = readFileSync(
  join(__dirname, '..', '..', 'prisma', 'seed', 'articles', 'seed-mashriq-nama-ur.txt'),
  'utf8',
);

let browser: Browser;
let intakeId: number;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('Intake', () => {
  itInBrowser(
    'should read the pasted Urdu article, show it right-to-left with its mentions, and accept a proposal onto the timeline',
    () => browser,
    async () => {
      const { page, context } = await signedIn(browser, 'analyst', '/intake');
      const { errors } = watch(page);
      await page.waitForSelector('[data-testid=intake-form]');
      await page.locator('[data-testid=intake-content]').fill(URDU);
      expect(await page.locator('[data-testid=intake-content]').getAttribute('dir')).toBe('rtl');
      await page.locator('input[name=publisher]').fill('مشرق نامہ');
      await page.locator('input[name=publishedAt]').fill('2025-07-11');
      await page.locator('[data-testid=intake-submit]').click();

      // The review: the article right-to-left, mentions highlighted by type, proposals as sentences.
      await page.waitForSelector('[data-testid=proposal]');
      intakeId = Number(/intake\/(\d+)\/show/.exec(page.url())?.[1]);
      expect(intakeId).toBeGreaterThan(0);
      const article = page.locator('[data-testid=intake-article]');
      expect(await article.getAttribute('dir')).toBe('rtl');
      expect(await article.locator('mark[data-mention-type=person]').count()).toBeGreaterThan(3);
      expect(await article.locator('mark[data-mention-type=date]').count()).toBeGreaterThan(0);
      await page.waitForSelector('[data-testid=mention-legend]');
      // The demo portfolio already has this article: the screen says so.
      await page.waitForSelector('[data-testid=intake-duplicate]');

      // Pointing at a proposal outlines the passage it rests on.
      const energy = page.locator('[data-testid=proposal][data-kind=evidence]', {
        hasText: 'Pakistan–Russia energy cooperation',
      });
      await energy.first().hover();
      await page.waitForSelector('[data-testid=intake-article] [data-quoted=true]');
      await screenshot(page, 'intake-review-en');

      // Accept the evidence for the energy initiative (the analyst's sector) and follow it to the timeline.
      const quote = (await energy.first().locator('[data-testid=proposal-sentence]').innerText())
        .replace(/[\u2066-\u2069]/g, '')
        .split('«')[1]
        ?.slice(0, 30);
      expect(quote).toBeTruthy();
      await energy.first().locator('[data-testid=proposal-accept]').click();
      const accepted = page.locator('[data-testid=proposal][data-status=accepted]');
      await accepted.first().waitFor();
      await accepted.first().getByRole('link', { name: 'Timeline' }).click();
      await page.waitForSelector('[data-testid=timeline-item]');
      await page.locator('[data-testid=timeline-item]', { hasText: quote! }).first().waitFor();

      expect(await errorPageShown(page)).toBe(false);
      expect(await missingKeys(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  itInBrowser(
    'should show the review in Urdu, right-to-left, with every label translated',
    () => browser,
    async () => {
      const other = await api('other');
      await other.put('/me', { locale: 'ur' });
      try {
        const { page, context } = await signedIn(browser, 'other', `/intake/${intakeId}/show`);
        const { errors } = watch(page);
        await page.waitForSelector('[data-testid=proposal]');
        await page.waitForFunction(() => document.documentElement.dir === 'rtl');
        await page.locator('[data-testid=proposal]').first().hover();
        await screenshot(page, 'intake-review-ur');
        expect(await rawKeysOnPage(page)).toEqual([]);
        expect(await missingKeys(page)).toEqual([]);
        // The list of past intakes and the form, in Urdu too.
        await page.goto(page.url().replace(/#.*$/, '#/intake'));
        await page.waitForSelector('[data-testid=intake-form]');
        await page.waitForSelector('table tbody tr');
        await screenshot(page, 'intake-list-ur');
        expect(await rawKeysOnPage(page)).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await other.put('/me', { locale: 'en' });
      }
    },
  );
});
