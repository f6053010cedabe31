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
// recognised, accept the engagement it reports and the evidence it gives for an initiative of the analyst's sector,
// and find both on that initiative's timeline. The demo portfolio already holds this article's meetings, so the test
// first removes one of them (Overchuk's meeting with the Pakistani delegation in Moscow): the intake must propose it
// as a new engagement, and the timeline must show the record the acceptance wrote, not the demo's. Screenshots of
// the screen in English and Urdu go to tests/artifacts/screenshots (intake-review-en.png, intake-review-ur.png).

const URDU = readFileSync(
  join(__dirname, '..', '..', 'prisma', 'seed', 'articles', 'seed-mashriq-nama-ur.txt'),
  'utf8',
);

let browser: Browser;
let intakeId: number;
let energyId: number;
let overchukId: number;

const query = (filter: Record<string, unknown>) =>
  new URLSearchParams({ range: '[0,99]', filter: JSON.stringify(filter) }).toString();

beforeAll(async () => {
  browser = await launch();
  const admin = await api('admin');
  const [energy] = await admin.get(`/initiatives?${query({ q: 'Pakistan–Russia energy cooperation' })}`);
  energyId = energy.id;
  const [overchuk] = await admin.get(`/people?${query({ q: 'Alexei Overchuk' })}`);
  overchukId = overchuk.id;
  // The starting state: Overchuk's meeting of 10 July 2025 is not recorded yet.
  const that: { id: number; participantIds: number[] }[] = await admin.get(
    `/engagements?${query({ startDate_gte: '2025-07-10', startDate_lte: '2025-07-10', personId: overchukId })}`,
  );
  for (const e of that) await admin.del(`/engagements/${e.id}`);
});
afterAll(async () => {
  await browser?.close();
});

describe('Intake', () => {
  itInBrowser(
    'should read the pasted Urdu article right-to-left with its mentions, accept its engagement and evidence, and show both on the timeline',
    () => browser,
    async () => {
      const analyst = await api('analyst');
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

      // What the review proposes, as the API holds it: Overchuk's meeting as a new engagement on the energy
      // initiative (the demo's other meetings of that day become evidence for them), and evidence for the energy
      // initiative quoting a passage its timeline does not show yet.
      type Proposal = { id: number; kind: string; status: string; data: Record<string, unknown> };
      const review: { proposals: Proposal[] } = await analyst.get(`/intake/${intakeId}`);
      const meeting = review.proposals.find(
        (p) => p.kind === 'engagement' && (p.data.participantIds as number[]).includes(overchukId),
      );
      expect(meeting?.data).toMatchObject({ startDate: '2025-07-10', placeEn: 'Moscow', initiativeIds: [energyId] });
      const before = JSON.stringify(await analyst.get(`/initiatives/${energyId}/timeline`));
      const evidence = review.proposals.find(
        (p) => p.kind === 'evidence' && p.data.initiativeId === energyId && !before.includes(String(p.data.quote)),
      );
      expect(evidence).toBeDefined();

      // Pointing at a proposal outlines the passage it rests on.
      const evidenceItem = page.locator(`[data-testid=proposal][data-proposal-id="${evidence!.id}"]`);
      const meetingItem = page.locator(`[data-testid=proposal][data-proposal-id="${meeting!.id}"]`);
      await evidenceItem.hover();
      await page.waitForSelector('[data-testid=intake-article] [data-quoted=true]');
      await screenshot(page, 'intake-review-en');

      // Accept both; each names the record it wrote.
      await meetingItem.locator('[data-testid=proposal-accept]').click();
      await page.waitForSelector(`[data-testid=proposal][data-proposal-id="${meeting!.id}"][data-status=accepted]`);
      await evidenceItem.locator('[data-testid=proposal-accept]').click();
      await page.waitForSelector(`[data-testid=proposal][data-proposal-id="${evidence!.id}"][data-status=accepted]`);
      const written = await meetingItem.locator('[data-testid=proposal-result]').getAttribute('href');
      const engagementId = Number(/engagements\/(\d+)\/show/.exec(written ?? '')?.[1]);
      expect(engagementId).toBeGreaterThan(0);

      // The initiative's timeline: the engagement the acceptance wrote, and the quoted passage.
      await meetingItem.getByRole('link', { name: 'Timeline' }).click();
      await page.waitForURL(new RegExp(`#/initiatives/${energyId}/show/timeline`));
      await page
        .locator(`[data-testid=timeline-item][data-type=engagement] a[href$="#/engagements/${engagementId}/show"]`)
        .waitFor();
      await page
        .locator('[data-testid=timeline-item][data-type=evidence]', {
          hasText: String(evidence!.data.quote).slice(0, 40),
        })
        .first()
        .waitFor();

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
