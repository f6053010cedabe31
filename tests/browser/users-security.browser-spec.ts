import type { Browser, BrowserContext } from 'playwright-core';
import { api, BASE, itInBrowser, launch, newContext, screenshot, signedIn, watch } from './support/browser';

// An administrator helps a user who forgot their password (apps/admin/src/users/UserSecurityCard.tsx): lifts the
// sign-in lock their guesses earned (UserLockCard.tsx), sets a new
// one from the user's page (a weak one is refused beside the field), revokes one of the user's API tokens
// (UserTokensCard.tsx), and signs the user out everywhere, sessions and tokens. The user's
// side is a second browser context, signed in through the API as a person's browser would be.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const signIn = (context: BrowserContext, email: string, password: string) =>
  context.request.post(`${BASE}/api/auth/login`, { data: { email, password } });
const me = async (context: BrowserContext) => (await context.request.get(`${BASE}/api/auth/me`)).status();

describe("an administrator takes care of a user's password and sessions", () => {
  itInBrowser(
    'should set a new password (a weak one refused beside the field), then sign the user out everywhere',
    () => browser,
    async () => {
      const admin = await api('admin');
      const email = `forgot.${Date.now().toString(36)}@browser.test`;
      const old = 'First-passphrase-of-2026';
      const fresh = 'Second-passphrase-of-2026';
      const user = await admin.post('/users', { email, name: 'Forgetful Analyst', role: 'analyst', password: old });
      const theirs = await newContext(browser);
      // Five wrong guesses lock sign-in from this address; the admin sees it on the user's page and lifts it.
      for (let i = 1; i <= 5; i++) await signIn(theirs, email, `not the password ${i}`);
      expect((await signIn(theirs, email, old)).status()).toBe(429);

      const { context, page } = await signedIn(browser, 'admin', `/users/${user.id}`);
      const { errors } = watch(page);
      const lock = page.getByTestId('user-lock');
      await lock.getByText('Sign-in locked').waitFor();
      expect(await lock.innerText()).toContain('127.0.0.1');
      await screenshot(page, 'user-locked-en');
      await lock.getByRole('button', { name: 'Unlock' }).click();
      await page.getByText('Forgetful Analyst can sign in again from every address.').waitFor();
      await lock.waitFor({ state: 'detached' });
      expect((await signIn(theirs, email, old)).status()).toBe(200);
      await page.waitForSelector('[data-testid=user-security]');
      await page.getByRole('button', { name: 'Set a new password' }).click();
      const input = page.getByTestId('new-password');
      await input.fill('password1234');
      await page.getByRole('dialog').getByRole('button', { name: 'Set a new password' }).click();
      await page.waitForSelector('.MuiFormHelperText-root.Mui-error');
      expect(await page.locator('.MuiFormHelperText-root.Mui-error').innerText()).toMatch(/common/i);
      await screenshot(page, 'user-security-en');
      await input.fill(fresh);
      await page.getByRole('dialog').getByRole('button', { name: 'Set a new password' }).click();
      await page.getByText('New password set for Forgetful Analyst').waitFor();
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      // Their old session has ended; the old password no longer works, the new one does.
      expect(await me(theirs)).toBe(401);
      expect((await signIn(theirs, email, old)).status()).toBe(401);
      expect((await signIn(theirs, email, fresh)).status()).toBe(200);
      expect(await me(theirs)).toBe(200);

      // Their API tokens are listed beside the form (never the secrets); the admin revokes one.
      const token = async (name: string) =>
        ((await (await theirs.request.post(`${BASE}/api/auth/tokens`, { data: { name } })).json()) as { token: string })
          .token;
      const nightly = await token('Nightly import');
      const backup = await token('Backup script');
      const bearer = async (t: string) =>
        (await theirs.request.get(`${BASE}/api/auth/me`, { headers: { Authorization: `Bearer ${t}` } })).status();
      await page.reload();
      const tokens = page.getByTestId('user-tokens');
      await tokens.getByText('Backup script').waitFor();
      expect(await tokens.innerText()).not.toContain(nightly);
      await screenshot(page, 'user-tokens-en');
      await tokens.getByRole('button', { name: 'Revoke Nightly import' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
      await page.getByText('Token "Nightly import" revoked').waitFor();
      await tokens.getByText('Nightly import').waitFor({ state: 'detached' });
      expect([await bearer(nightly), await bearer(backup)]).toEqual([401, 200]);

      // Signing out everywhere ends the sessions and the remaining token.
      await page.getByRole('button', { name: 'Sign out everywhere' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Sign out everywhere' }).click();
      await page.getByText('Forgetful Analyst: one session ended · Forgetful Analyst: one API token revoked').waitFor();
      await tokens.getByText('No API tokens.').waitFor();
      expect(await me(theirs)).toBe(401);
      expect(await bearer(backup)).toBe(401);
      expect(errors).toEqual([]);
      await theirs.close();
      await context.close();
    },
  );

  itInBrowser(
    "should not offer it for one's own account (that is the Password page, which asks for the current one)",
    () => browser,
    async () => {
      const admin = await api('admin');
      const self = (await admin.get('/auth/me')) as { id: number };
      const { context, page } = await signedIn(browser, 'admin', `/users/${self.id}`);
      await page.waitForSelector('[data-testid=user-security]');
      expect(await page.getByTestId('user-security').innerText()).toContain(
        'Change your own password on the Password page',
      );
      expect(await page.getByRole('button', { name: 'Set a new password' }).count()).toBe(0);
      await context.close();
    },
  );
});
