import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  api,
  BASE,
  itInBrowser,
  launch,
  missingKeys,
  newContext,
  rawKeysOnPage,
  SCREENSHOTS,
  watch,
} from './support/browser';

// One's own API tokens (apps/admin/src/account/TokensPage.tsx): create one in the page, read it from the one-time
// dialog, use it from outside the browser as a script would (Authorization: Bearer), revoke it in the page and see
// the same request refused. Then the page in Urdu, right-to-left. Screenshots: tokens-*-en.png, tokens-*-ur.png.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A user of its own (so its token list starts empty), signed in through the API in a fresh context, showing `path`. */
async function freshUser(
  role: 'viewer' | 'analyst',
  locale: 'en' | 'ur',
  path?: string,
): Promise<{ context: BrowserContext; page: Page; email: string }> {
  const admin = await api('admin');
  const email = `tokens.${role}.${Date.now().toString(36)}@browser.test`;
  const password = 'Token-page-passphrase-2026';
  await admin.post('/users', { email, name: `Token ${role}`, role, password, locale });
  const context = await newContext(browser);
  const res = await context.request.post(`${BASE}/api/auth/login`, { data: { email, password } });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
  const page = await context.newPage();
  if (path) await page.goto(`${BASE}/#${path}`);
  return { context, page, email };
}

/** A screenshot without the shared helper's wait for chart animations (none here): fonts and the dialog's fade only. */
async function snap(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(250);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** What a script does: no cookie, only the token. */
function withToken(token: string, path: string): Promise<Response> {
  return fetch(`${BASE}/api${path}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
}

describe('API tokens page', () => {
  itInBrowser(
    'should create a token shown once, that works with curl-like requests until revoked in the page',
    () => browser,
    async () => {
      const { context, page, email } = await freshUser('viewer', 'en', '/');
      const { errors } = watch(page);

      // From the user menu, next to Profile and Password.
      await page.locator('.RaUserMenu-userButton').click();
      await page.locator('a[href="#/tokens"]:has-text("API tokens")').click();
      await page.waitForSelector('[data-testid=tokens-empty]');

      // A date in the past: the API's field error shows beside the date input.
      await page.fill('[data-testid=token-name]', 'nightly export');
      await page.locator('[data-testid=token-expiry]').click();
      await page.locator('li[data-testid=token-expiry-date]').click();
      await page.fill('[data-testid=token-expiry-date]', '2020-01-01');
      await page.locator('[data-testid=token-create]').click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid=token-expiry-date]')?.getAttribute('aria-invalid') === 'true',
      );
      await page.waitForSelector('[data-testid=token-form] :text("Must be in the future")');

      // 30 days: created, shown once with a warning and a curl line.
      await page.locator('[data-testid=token-expiry]').click();
      await page.locator('li[data-testid=token-expiry-30]').click();
      await page.locator('[data-testid=token-create]').click();
      const dialog = page.locator('[data-testid=token-issued-dialog]');
      await dialog.waitFor();
      const token = await page.locator('[data-testid=token-secret]').inputValue();
      expect(token).toMatch(/^rabta_[A-Za-z0-9_-]{43}$/);
      expect(await dialog.innerText()).toContain('It will not be shown again');
      expect(await page.locator('[data-testid=token-curl]').innerText()).toBe(
        `curl -H "Authorization: Bearer ${token}" ${BASE}/api/initiatives`,
      );
      await snap(page, 'tokens-dialog-en');

      // The token works outside the browser, as the user it belongs to.
      const listed = await withToken(token, '/initiatives?range=[0,0]');
      expect(listed.status).toBe(200);
      expect(((await (await withToken(token, '/auth/me')).json()) as { email: string }).email).toBe(email);

      await page.locator('[data-testid=token-issued-close]').click();
      await dialog.waitFor({ state: 'detached' });
      // Shown once: the list, read again on closing, has the token's name, prefix and last use, but not the token.
      const row = page.locator('[data-testid^=token-row-]');
      await page.waitForFunction(
        () => !document.querySelector('[data-testid^=token-row-]')?.textContent?.includes('Never used'),
      );
      expect(await row.count()).toBe(1);
      expect(await row.getAttribute('data-state')).toBe('active');
      const cells = await row.locator('td').allInnerTexts();
      expect(cells[0]).toContain('nightly export');
      expect(cells[0]).toContain(token.slice(0, 12));
      expect(cells[2]).not.toBe('Never');
      expect(cells[3]).not.toBe('Never used');
      expect(cells[4]).toBe('Active');
      expect(await page.evaluate((t) => document.body.innerHTML.includes(t), token)).toBe(false);
      await snap(page, 'tokens-page-en');

      // Revoke, after a confirmation that names it.
      await row.locator('[data-testid^=token-revoke-]').click();
      const confirm = page.locator('[role=dialog]:has-text("Revoke the token")');
      await confirm.waitFor();
      expect(await confirm.innerText()).toContain('nightly export');
      await confirm.locator('.ra-confirm').click();
      await page.waitForSelector('[data-testid=tokens-empty]');
      await page.waitForSelector(':text("Token \\"nightly export\\" revoked")');

      const refused = await withToken(token, '/initiatives?range=[0,0]');
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
      expect(await missingKeys(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  itInBrowser(
    'should show the page in Urdu, right-to-left, with Urdu dates and no raw key',
    () => browser,
    async () => {
      const { context, page } = await freshUser('analyst', 'ur');
      const { errors } = watch(page);
      // A token made by a script-minded user beforehand, with a known expiry.
      const made = await context.request.post(`${BASE}/api/auth/tokens`, {
        data: { name: 'رات کی برآمد', expiresAt: '2099-07-11T00:00:00Z' },
      });
      expect(made.status()).toBe(201);
      await page.goto(`${BASE}/#/tokens`);
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      await page.locator('[data-testid^=token-row-]').waitFor();
      expect(
        await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid=tokens-page]')!).direction),
      ).toBe('rtl');
      await page.waitForSelector('#react-admin-title:has-text("API ٹوکن")');

      const row = page.locator('[data-testid^=token-row-]');
      const expected = await page.evaluate(() =>
        new Intl.DateTimeFormat('ur-PK', {
          year: 'numeric',
          month: 'short',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
        }).format(new Date('2099-07-11T00:00:00Z')),
      );
      const cells = await row.locator('td').allInnerTexts();
      expect(cells[2]).toBe(expected);
      expect(cells[3]).toBe('کبھی استعمال نہیں ہوا');
      expect(cells[4]).toBe('فعال');
      // The revoke button sits at the left end of the row in right-to-left.
      const [nameBox, revokeBox] = await Promise.all([
        row.locator('td').first().boundingBox(),
        row.locator('[data-testid^=token-revoke-]').boundingBox(),
      ]);
      expect(revokeBox!.x).toBeLessThan(nameBox!.x);

      // Create one in Urdu (no expiry): the one-time dialog.
      await page.fill('[data-testid=token-name]', 'ماہانہ رپورٹ');
      await page.locator('[data-testid=token-expiry]').click();
      await page.locator('li[data-testid=token-expiry-never]').click();
      await page.locator('[data-testid=token-create]').click();
      const dialog = page.locator('[data-testid=token-issued-dialog]');
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain('یہ دوبارہ نہیں دکھایا جائے گا');
      expect(await page.locator('[data-testid=token-secret]').getAttribute('dir')).toBe('ltr');
      expect(await rawKeysOnPage(page)).toEqual([]);
      await snap(page, 'tokens-dialog-ur');
      await page.locator('[data-testid=token-issued-close]').click();
      await dialog.waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.querySelectorAll('[data-testid^=token-row-]').length === 2);
      expect(await page.locator('[data-testid^=token-row-]').nth(1).locator('td').nth(2).innerText()).toBe('کبھی نہیں');
      expect(await rawKeysOnPage(page)).toEqual([]);
      await snap(page, 'tokens-page-ur');
      expect(await missingKeys(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
