import type { Browser, Page } from 'playwright-core';
import {
  api,
  BASE,
  itInBrowser,
  launch,
  newContext,
  signedIn,
  signInThroughPage,
  USERS,
  watch,
} from './support/browser';

// Each role signs in through the sign-in page and sees exactly the actions it may take (react-admin's canAccess);
// the server refuses the rest anyway (its own tests), so here we check what a person is offered.

let browser: Browser;
let ids: Record<string, number>;

beforeAll(async () => {
  browser = await launch();
  const admin = await api('admin');
  const rows: { id: number; code: string }[] = await admin.get(
    `/initiatives?${new URLSearchParams({ range: '[0,99]' })}`,
  );
  ids = Object.fromEntries(rows.map((r) => [r.code, r.id]));
});
afterAll(async () => {
  await browser?.close();
});

async function signInAs(role: 'admin' | 'analyst' | 'viewer'): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await signInThroughPage(page, role);
  await page.waitForSelector('[data-testid=dashboard]');
  return page;
}

const menu = (page: Page, resource: string) => page.locator(`a[href="#/${resource}"]`);
const menuHeading = (page: Page, text: string) => page.locator('.MuiListSubheader-root', { hasText: text });
const updateStatus = (page: Page) => page.locator('[data-testid=update-status]');

async function openInitiative(page: Page, code: string) {
  await page.goto(`${BASE}/#/initiatives/${ids[code]}/show`);
  await page.waitForSelector(`[data-testid=initiative-code]:has-text("${code}")`);
  // canAccess answers asynchronously: wait for the page to settle before asserting absence.
  await page.waitForLoadState('networkidle');
}

describe('roles in the admin', () => {
  itInBrowser(
    'should show an administrator everything, including users, sectors, countries and the audit log',
    () => browser,
    async () => {
      const page = await signInAs('admin');
      const { errors } = watch(page);
      for (const resource of ['initiatives', 'users', 'sectors', 'countries', 'audit-events']) {
        await menu(page, resource).waitFor();
      }
      await menuHeading(page, 'Administration').waitFor();
      await page.goto(`${BASE}/#/initiatives`);
      await page.locator('a[href="#/initiatives/create"]').waitFor();
      await openInitiative(page, 'PK-RU-STEEL-KHI');
      await updateStatus(page).waitFor();
      await page.goto(`${BASE}/#/audit-events`);
      await page.waitForSelector('table tbody tr');
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  itInBrowser(
    'should let an energy analyst change energy initiatives only, and hide the administration',
    () => browser,
    async () => {
      const page = await signInAs('analyst');
      await menu(page, 'initiatives').waitFor();
      await page.waitForLoadState('networkidle');
      for (const resource of ['users', 'sectors', 'countries', 'audit-events']) {
        expect(await menu(page, resource).count()).toBe(0);
      }
      await menuHeading(page, 'Portfolio').waitFor();
      expect(await menuHeading(page, 'Administration').count()).toBe(0);
      await page.goto(`${BASE}/#/initiatives`);
      await page.locator('a[href="#/initiatives/create"]').waitFor();

      await openInitiative(page, 'PK-RU-ENERGY');
      await updateStatus(page).waitFor();
      expect(await page.locator('[data-testid=edit-initiative]').count()).toBe(1);

      await openInitiative(page, 'PK-RU-STEEL-KHI');
      expect(await updateStatus(page).count()).toBe(0);
      expect(await page.locator('[data-testid=edit-initiative]').count()).toBe(0);

      // The administration is refused even when typed in.
      await page.goto(`${BASE}/#/users`);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('table tbody tr').count()).toBe(0);
      await page.context().close();
    },
  );

  itInBrowser(
    'should give a viewer no edit action anywhere',
    () => browser,
    async () => {
      const page = await signInAs('viewer');
      await page.goto(`${BASE}/#/initiatives`);
      await page.waitForSelector('table tbody tr');
      await page.waitForLoadState('networkidle');
      expect(await page.locator('a[href="#/initiatives/create"]').count()).toBe(0);
      // No bulk actions (no selection checkboxes), but the export is there.
      expect(await page.locator('table tbody input[type=checkbox]').count()).toBe(0);
      await page.locator('[data-testid=export-button]').waitFor();

      await openInitiative(page, 'PK-RU-ENERGY');
      expect(await updateStatus(page).count()).toBe(0);
      expect(await page.locator('[data-testid=edit-initiative]').count()).toBe(0);

      await page.goto(`${BASE}/#/milestones`);
      await page.waitForSelector('table tbody tr');
      await page.waitForLoadState('networkidle');
      expect(await page.locator('a[href="#/milestones/create"]').count()).toBe(0);
      await page.context().close();
    },
  );

  itInBrowser(
    'should say so when the password is wrong, and sign in with the right one',
    () => browser,
    async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(`${BASE}/`);
      await page.waitForSelector('input[name=email]');
      await page.fill('input[name=email]', USERS.viewer.email);
      await page.fill('input[name=password]', 'not-the-password-at-all');
      await page.click('button[type=submit]');
      await page.waitForSelector('[role=alert]:has-text("The email or password is not right")');
      await page.fill('input[name=password]', USERS.viewer.password);
      await page.click('button[type=submit]');
      await page.waitForSelector('[data-testid=dashboard]');
      await context.close();
    },
  );

  itInBrowser(
    'should send an expired session to the sign-in page with a message, then back where the user was',
    () => browser,
    async () => {
      const { context, page } = await signedIn(browser, 'other', `/initiatives/${ids['PK-RU-LPG']}/show/timeline`);
      await page.waitForSelector('[data-testid=timeline]');
      // An administrator ends every session of this user (as when a session times out, the cookie stops working).
      const admin = await api('admin');
      await admin.post(`/users/${USERS.other.id}/revoke-sessions`);
      await page.goto(`${BASE}/#/initiatives/${ids['PK-RU-LPG']}/show/evidence`);
      await page.waitForSelector('[data-testid=session-expired]');
      await signInThroughPage(page, 'other');
      await page.waitForSelector('[data-testid=evidence-list]');
      expect(page.url()).toContain(`/initiatives/${ids['PK-RU-LPG']}/show/evidence`);
      await context.close();
    },
  );

  itInBrowser(
    'should sign out',
    () => browser,
    async () => {
      const { context, page } = await signedIn(browser, 'viewer', '/');
      await page.waitForSelector('[data-testid=dashboard]');
      await page.getByRole('button', { name: 'Profile' }).click();
      await page.getByRole('menuitem', { name: 'Logout' }).click();
      await page.waitForSelector('input[name=email]');
      const me = await context.request.get(`${BASE}/api/auth/me`);
      expect(me.status()).toBe(401);
      await context.close();
    },
  );
});
