import type { Browser } from 'playwright-core';
import { api, BASE, itInBrowser, launch, signedIn, USERS } from './support/browser';

// No lost updates: saving a record someone else changed meanwhile opens a dialog (who, when, their values beside
// mine) with the choice to reload or to apply mine on top of their version.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function freshInitiative(suffix: string) {
  const admin = await api('admin');
  const sectors = await admin.get(`/sectors?${new URLSearchParams({ range: '[0,0]' })}`);
  return admin.post('/initiatives', {
    code: `BT-CONFLICT-${suffix}-${Date.now().toString(36).toUpperCase()}`,
    titleEn: 'Conflict test: original title',
    summaryEn: 'Original summary',
    sectorIds: [sectors[0].id],
    countryCodes: ['PK', 'RU'],
  });
}

describe('editing a record someone else changed', () => {
  itInBrowser(
    'should show who changed it, their values beside mine, and apply mine on top of theirs',
    () => browser,
    async () => {
      const initiative = await freshInitiative('A');
      const { context, page } = await signedIn(browser, 'admin', `/initiatives/${initiative.id}`);
      await page.waitForSelector('textarea[name=summaryEn]');
      await page.fill('textarea[name=summaryEn]', 'My summary, written in the browser');

      // Meanwhile another analyst renames it.
      const other = await api('other');
      await other.put(`/initiatives/${initiative.id}`, {
        titleEn: 'Conflict test: their new title',
        version: initiative.version,
      });

      await page.getByRole('button', { name: 'Save' }).click();
      const dialog = page.locator('[data-testid=conflict-dialog]');
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain(USERS.other.name);
      const summaryRow = dialog.locator('tr[data-field=summaryEn]');
      expect(await summaryRow.locator('[data-testid=conflict-theirs]').innerText()).toBe('Original summary');
      expect(await summaryRow.locator('[data-testid=conflict-yours]').innerText()).toBe(
        'My summary, written in the browser',
      );
      const titleRow = dialog.locator('tr[data-field=titleEn]');
      expect(await titleRow.locator('[data-testid=conflict-theirs]').innerText()).toBe(
        'Conflict test: their new title',
      );
      expect(await titleRow.locator('[data-testid=conflict-yours]').innerText()).toBe('Conflict test: original title');

      await page.locator('[data-testid=conflict-apply]').click();
      await dialog.waitFor({ state: 'detached' });
      await page.waitForSelector('[data-testid=initiative-header]:has-text("Conflict test: their new title")');

      const saved = await other.get(`/initiatives/${initiative.id}`);
      expect(saved).toMatchObject({
        titleEn: 'Conflict test: their new title',
        summaryEn: 'My summary, written in the browser',
        version: initiative.version + 2,
      });
      await context.close();
    },
  );

  itInBrowser(
    'should discard mine and show theirs on reload',
    () => browser,
    async () => {
      const initiative = await freshInitiative('B');
      const { context, page } = await signedIn(browser, 'admin', `/initiatives/${initiative.id}`);
      await page.waitForSelector('textarea[name=summaryEn]');
      await page.fill('textarea[name=summaryEn]', 'A summary nobody will keep');
      const other = await api('other');
      await other.put(`/initiatives/${initiative.id}`, { summaryEn: 'Their summary', version: initiative.version });

      await page.getByRole('button', { name: 'Save' }).click();
      await page.locator('[data-testid=conflict-dialog]').waitFor();
      await page.locator('[data-testid=conflict-reload]').click();
      await page.locator('[data-testid=conflict-dialog]').waitFor({ state: 'detached' });
      await page.waitForFunction(
        () =>
          (document.querySelector('textarea[name=summaryEn]') as HTMLTextAreaElement | null)?.value === 'Their summary',
      );
      expect((await other.get(`/initiatives/${initiative.id}`)).summaryEn).toBe('Their summary');
      expect(page.url()).toContain(`${BASE}/#/initiatives/${initiative.id}`);
      await context.close();
    },
  );
});
