import type { Browser } from 'playwright-core';
import { api, BASE, itInBrowser, launch, newContext, signedIn, waitForRows } from './support/browser';

// The dashboard's figures open the matching lists; one's own password and profile.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('dashboard', () => {
  itInBrowser(
    'should open the filtered list behind each figure',
    () => browser,
    async () => {
      const { context, page } = await signedIn(browser, 'viewer', '/');
      const atRisk = Number(await page.locator('[data-testid=kpi-at-risk] [data-value]').getAttribute('data-value'));
      expect(atRisk).toBeGreaterThan(0);
      await page.locator('[data-testid=kpi-at-risk]').click();
      await page.waitForFunction(() => decodeURIComponent(location.hash).includes('"health":"at_risk"'));
      await page.waitForFunction((n) => {
        const chips = [...document.querySelectorAll('table tbody tr [data-health]')];
        return chips.length === n && chips.every((c) => c.getAttribute('data-health') === 'at_risk');
      }, atRisk);

      await page.goto(`${BASE}/#/`);
      const announced = page.locator('[data-testid=stage-count-announced]');
      await announced.waitFor();
      await announced.click();
      await page.waitForFunction(() => decodeURIComponent(location.hash).includes('"stage":"announced"'));
      await waitForRows(page);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('table tbody tr [data-stage]')].every(
          (c) => c.getAttribute('data-stage') === 'announced',
        ),
      );

      await page.goto(`${BASE}/#/`);
      await page.locator('[data-testid=kpi-overdue]').click();
      await page.waitForFunction(() => decodeURIComponent(location.hash).includes('"overdue":true'));
      await page.waitForSelector('table tbody tr [data-testid=overdue-chip]');
      await context.close();
    },
  );
});

describe('account', () => {
  itInBrowser(
    "should change one's password, with errors beside the fields",
    () => browser,
    async () => {
      const admin = await api('admin');
      const email = `password.${Date.now().toString(36)}@browser.test`;
      const oldPassword = 'Original-passphrase-2026';
      const newPassword = 'Brand-new-passphrase-2026';
      await admin.post('/users', { email, name: 'Password Changer', role: 'viewer', password: oldPassword });

      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(`${BASE}/#/password`);
      await page.waitForSelector('input[name=email]');
      await page.fill('input[name=email]', email);
      await page.fill('input[name=password]', oldPassword);
      await page.click('button[type=submit]');
      await page.waitForSelector('[data-testid=password-currentPassword]');

      await page.fill('[data-testid=password-currentPassword]', oldPassword);
      await page.fill('[data-testid=password-newPassword]', newPassword);
      await page.fill('[data-testid=password-confirm]', `${newPassword}x`);
      await page.locator('[data-testid=password-submit]').click();
      await page.waitForSelector('text=The two new passwords differ');

      await page.fill('[data-testid=password-currentPassword]', 'Not-the-current-one-2026');
      await page.fill('[data-testid=password-confirm]', newPassword);
      await page.locator('[data-testid=password-submit]').click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid=password-currentPassword]')?.getAttribute('aria-invalid') === 'true',
      );

      await page.fill('[data-testid=password-currentPassword]', oldPassword);
      await page.locator('[data-testid=password-submit]').click();
      await page.waitForSelector('text=Password changed');
      await context.close();

      // The new one works, the old one no longer does.
      const fresh = await newContext(browser);
      const signIn = await fresh.newPage();
      await signIn.goto(`${BASE}/`);
      await signIn.fill('input[name=email]', email);
      await signIn.fill('input[name=password]', newPassword);
      await signIn.click('button[type=submit]');
      await signIn.waitForSelector('[data-testid=dashboard]');
      const old = await fresh.request.post(`${BASE}/api/auth/login`, { data: { email, password: oldPassword } });
      expect(old.status()).toBe(401);
      await fresh.close();
    },
  );

  itInBrowser(
    'should keep the language chosen on the sign-in page in the profile',
    () => browser,
    async () => {
      const admin = await api('admin');
      const email = `language.${Date.now().toString(36)}@browser.test`;
      const password = 'Language-passphrase-2026';
      const user = await admin.post('/users', { email, name: 'Urdu Reader', role: 'viewer', password });
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(`${BASE}/`);
      await page.waitForSelector('input[name=email]');
      await page.getByRole('button', { name: 'اردو' }).click();
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      await page.waitForSelector('button[type=submit]:has-text("سائن اِن")');
      await page.fill('input[name=email]', email);
      await page.fill('input[name=password]', password);
      await page.click('button[type=submit]');
      await page.waitForSelector('[data-testid=dashboard]');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      await page.waitForLoadState('networkidle');
      expect((await admin.get(`/users/${user.id}`)).locale).toBe('ur');
      await context.close();
    },
  );
});
