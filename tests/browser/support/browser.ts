import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { apiSession } = require('./server.cjs') as {
  apiSession: (url: string, user: { email: string; password: string }) => Promise<ApiSession>;
};

export interface ApiResult {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}
export interface ApiSession {
  call(method: string, path: string, body?: unknown): Promise<ApiResult>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get(path: string): Promise<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  post(path: string, body?: unknown): Promise<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  put(path: string, body: unknown): Promise<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  del(path: string): Promise<any>;
}

export type Role = 'admin' | 'analyst' | 'viewer' | 'other';
export interface TestUser {
  id?: number;
  email: string;
  password: string;
  name: string;
}

export const BASE = process.env.RABTA_BROWSER_BASE_URL ?? '';
export const USERS: Record<Role, TestUser> = JSON.parse(process.env.RABTA_BROWSER_USERS ?? '{}');
export const ENERGY_SECTOR = Number(process.env.RABTA_BROWSER_ENERGY_SECTOR);
export const SCREENSHOTS = join(__dirname, '..', '..', 'artifacts', 'screenshots');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch(): Promise<Browser> {
  if (!BASE) throw new Error('RABTA_BROWSER_BASE_URL is not set: run through tests/browser/jest.config.js');
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });
}

/** Page errors, console errors and failed API calls (5xx), so a test can assert none happened. */
export function watch(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The browser logs every 4xx response too ("Failed to load resource"): refusals are tested where they matter.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      errors.push(`console: ${m.text().slice(0, 300)}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return { errors };
}

/**
 * Pages without CSS animations and transitions: nothing a test asserts moves, and on a 2-core machine shared with
 * the e2e tests every animated frame (spinners, ripples, fades) is software-rendered CPU time (a tenth of a spec's).
 */
const STILL_PAGES = `addEventListener('DOMContentLoaded', () => {
  const style = document.createElement('style');
  style.textContent = '*, *::before, *::after { animation: none !important; transition: none !important; }';
  document.head.appendChild(style);
});`;

export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    locale: 'en-GB',
    timezoneId: 'Asia/Karachi',
    reducedMotion: 'reduce',
  });
  await context.addInitScript(STILL_PAGES);
  return context;
}

/** A page already signed in (through the API, sharing the context's cookies), showing `path`. */
export async function signedIn(
  browser: Browser,
  role: Role,
  path = '/',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser);
  const res = await context.request.post(`${BASE}/api/auth/login`, {
    data: { email: USERS[role].email, password: USERS[role].password },
  });
  if (!res.ok()) throw new Error(`sign-in as ${role} failed: ${res.status()} ${await res.text()}`);
  const page = await context.newPage();
  await page.goto(`${BASE}/#${path}`);
  return { context, page };
}

/** Sign in through the sign-in page, as a person would. */
export async function signInThroughPage(page: Page, role: Role): Promise<void> {
  await page.waitForSelector('input[name=email]');
  await page.fill('input[name=email]', USERS[role].email);
  await page.fill('input[name=password]', USERS[role].password);
  await page.click('button[type=submit]');
}

export function api(role: Role): Promise<ApiSession> {
  return apiSession(BASE, USERS[role]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Let charts finish their entry animation and fonts settle.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Visible text of the page that looks like an untranslated catalogue key. */
export async function rawKeysOnPage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const re = /\b(?:ra|rabta|enums|resources)\.[a-z_-]+\.[\w.-]+/g;
    const texts = [
      document.body.innerText,
      ...[...document.querySelectorAll('[aria-label],[title],[placeholder]')].map(
        (e) =>
          `${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('title') ?? ''} ${e.getAttribute('placeholder') ?? ''}`,
      ),
      document.title,
    ];
    return [...new Set(texts.flatMap((t) => t.match(re) ?? []))];
  });
}

/** Keys the i18n provider was asked for and could not find (recorded by apps/admin/src/i18n/index.ts). */
export async function missingKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...((window as unknown as { __rabtaMissingKeys?: Set<string> }).__rabtaMissingKeys ?? []),
  ]);
}

export async function waitForRows(page: Page, min = 1): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('table tbody tr').length >= n, min);
}

/** `it`, with a screenshot of every open page when the test fails (tests/artifacts/screenshots/failed-*.png). */
export function itInBrowser(
  name: string,
  getBrowser: () => Browser | undefined,
  fn: () => Promise<void>,
  timeout?: number,
): void {
  it(
    name,
    async () => {
      try {
        await fn();
      } catch (error) {
        const browser = getBrowser();
        const pages = browser ? browser.contexts().flatMap((c) => c.pages()) : [];
        mkdirSync(SCREENSHOTS, { recursive: true });
        const slug = name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
        await Promise.all(
          pages.map((p, i) =>
            p.screenshot({ path: join(SCREENSHOTS, `failed-${slug}-${i}.png`), fullPage: true }).catch(() => undefined),
          ),
        );
        throw error;
      }
    },
    timeout,
  );
}

/** react-admin's "Something went wrong" page (a render error) is not on screen. */
export async function errorPageShown(page: Page): Promise<boolean> {
  return (await page.locator('[class*="RaError-root"]').count()) > 0;
}
