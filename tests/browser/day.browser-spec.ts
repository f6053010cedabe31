import type { Browser, Page } from 'playwright-core';
import {
  api,
  BASE,
  ENERGY_SECTOR,
  itInBrowser,
  launch,
  screenshot,
  signedIn,
  waitForRows,
  watch,
} from './support/browser';

// The small things of an analyst's day, together: the initiatives list fits a 1,366 px screen in both languages,
// dates are written and typed day first in the user's language, menus have no blank choice, a meeting never follows
// itself and pickers show a meeting's date, toasts say what was saved, the reports list names what each report is
// about, records outside an analyst's sectors are read-only and not offered for writing; the change report in
// English and Urdu; source labels of two scripts in written order, and a source made in the status dialog named by
// its script and dated by the update. Screenshots: tests/artifacts/screenshots/day-*.png.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
}

/** Options of the open autocomplete or select menu. */
const options = (page: Page) => page.locator('[role=listbox] [role=option]').allTextContents();

/**
 * The runs of the first source label ("publisher · date · …"): each one's text and where it is drawn, and whether
 * the publisher's Latin words are drawn left of its Urdu word (written order inside the run).
 */
async function labelRuns(page: Page) {
  return page
    .locator('[data-testid=source-label]')
    .first()
    .evaluate((label) => {
      const runs = [...label.querySelectorAll(':scope > bdi')].map((b) => {
        const box = b.getBoundingClientRect();
        return { text: b.textContent, left: box.left, right: box.right };
      });
      const text = label.querySelector('bdi')!.firstChild!;
      const at = (from: number, to: number) => {
        const range = document.createRange();
        range.setStart(text, from);
        range.setEnd(text, to);
        return range.getBoundingClientRect().left;
      };
      const publisher = label.querySelector('bdi')!.textContent!;
      const urdu = publisher.indexOf('اردو');
      return { runs, latinFirst: at(0, 3) < at(urdu, urdu + 4) };
    });
}

describe("the analyst's day, the small things", () => {
  itInBrowser(
    'should fit the initiatives list in 1,366 px and show the change report, in English and Urdu',
    () => browser,
    async () => {
      const viewer = await api('viewer');
      const report = async (language: 'en' | 'ur') => {
        const r = await viewer.post('/reports', {
          kind: 'changes',
          params: { from: '2025-05-01', to: '2025-09-30' },
          format: 'html',
          language,
        });
        for (let i = 0; i < 100; i++) {
          const now = await viewer.get(`/reports/${r.id}`);
          if (now.status === 'done') return now.id as number;
          if (now.status === 'failed') throw new Error(now.error);
          await new Promise((ok) => setTimeout(ok, 200));
        }
        throw new Error('the report did not finish');
      };
      const ids = { en: await report('en'), ur: await report('ur') };
      try {
        for (const language of ['en', 'ur'] as const) {
          await viewer.put('/me', { locale: language });
          const { context, page } = await signedIn(browser, 'viewer', '/initiatives');
          const seen = watch(page);
          await page.setViewportSize({ width: 1366, height: 800 });
          await waitForRows(page, 3);
          await settle(page);
          // Nothing reaches past the window's edge at 1,366 px, and nothing scrolls sideways: every element around the
          // table shows all of its width.
          const overflow = await page.evaluate(() => {
            const out: string[] = [];
            let el: Element | null = document.querySelector('[data-testid=initiatives-table]');
            for (; el; el = el.parentElement)
              if (el.scrollWidth > el.clientWidth + 1)
                out.push(`${el.tagName}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`);
            return out;
          });
          expect(overflow).toEqual([]);
          await screenshot(page, `day-initiatives-1366-${language}`);

          // The report as its reader sees it (the file is a download: shown here from its HTML).
          const file = await context.request.get(`${BASE}/api/reports/${ids[language]}/file`);
          expect(file.status()).toBe(200);
          await page.setContent(await file.text(), { waitUntil: 'load' });
          await page.evaluate(() => document.fonts.ready);
          // A publisher named in two scripts is isolated in the report's direction.
          expect(await page.locator(`bdi[dir=${language === 'ur' ? 'rtl' : 'ltr'}]`).count()).toBeGreaterThan(0);
          await screenshot(page, `day-change-report-${language}`);
          expect(seen.errors).toEqual([]);
          await context.close();
        }
      } finally {
        await viewer.put('/me', { locale: 'en' });
      }
    },
    180_000,
  );

  itInBrowser(
    'should write and read dates day first, offer no blank state, no meeting as its own predecessor, and say what was saved',
    () => browser,
    async () => {
      const admin = await api('admin');
      const meetings: { id: number; titleEn: string; startDate: string }[] = await admin.get(
        `/engagements?${new URLSearchParams({ range: '[0,1]', sort: '["startDate","DESC"]' })}`,
      );
      const { context, page } = await signedIn(browser, 'admin', `/engagements/${meetings[0].id}`);
      const seen = watch(page);
      // The favicon is served.
      expect(await page.locator('link[rel=icon]').getAttribute('href')).toBe('/favicon.svg');
      const icon = await context.request.get(`${BASE}/favicon.svg`);
      expect(icon.status()).toBe(200);
      expect(icon.headers()['content-type']).toContain('image/svg+xml');

      // The meeting's own date, day first; "follows up" never offers the meeting itself, and shows the others' dates.
      const start = page.locator('input[name=startDate]');
      await start.waitFor();
      expect(await start.inputValue()).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
      await page.locator('input[name=previousId]').click();
      await page.locator('[role=listbox]').waitFor();
      const previous = await options(page);
      expect(previous.length).toBeGreaterThan(0);
      expect(previous.some((o) => o.includes(meetings[0].titleEn))).toBe(false);
      expect(previous.every((o) => /^\d{1,2} [A-Z][a-z]{2,3} \d{4} · /.test(o))).toBe(true);
      await page.keyboard.press('Escape');

      // A new decision: its state menu has no blank choice; its due date is typed day first and read as such.
      await page.goto(`${BASE}/#/decisions/create`);
      await page.locator('input[name=engagementId]').click();
      await page.locator('[role=listbox] [role=option]').first().click();
      await page.locator('[name=textEn]').first().fill('Day-first due date');
      await page.getByRole('combobox', { name: /State/ }).click();
      const states = await options(page);
      expect(states.every((s) => s.trim() !== '')).toBe(true);
      expect(states).toContain('Open');
      await page.keyboard.press('Escape');
      const due = page.locator('input[name=dueDate]');
      await due.fill('5/7/2026');
      expect(await due.getAttribute('data-value')).toBe('2026-07-05');
      await due.blur();
      expect(await due.inputValue()).toBe('5 July 2026');
      await due.fill('07/31/2026');
      await due.blur();
      await page.getByText('Not a date').waitFor();
      await due.fill('31 Jul 2026');
      await due.blur();
      expect(await due.getAttribute('data-value')).toBe('2026-07-31');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Decision saved').waitFor();
      const saved: { textEn: string; dueDate: string }[] = await admin.get(
        `/decisions?${new URLSearchParams({ sort: '["id","DESC"]', range: '[0,0]' })}`,
      );
      expect(saved.map((d) => [d.textEn, d.dueDate])).toEqual([['Day-first due date', '2026-07-31']]);
      expect(seen.errors).toEqual([]);

      // The same field in Urdu: Urdu digits and month names, and Urdu digits typed are read.
      await admin.put('/me', { locale: 'ur' });
      try {
        const ur = await signedIn(browser, 'admin', '/decisions/create');
        // Typed once the admin has switched to Urdu (the form is drawn again when the language arrives).
        await ur.page.waitForFunction(() => document.documentElement.dir === 'rtl');
        await ur.page.waitForLoadState('networkidle');
        const field = ur.page.locator('input[name=dueDate]');
        await field.fill('۱۳/۵/۲۰۲۶');
        await field.blur();
        expect(await field.getAttribute('data-value')).toBe('2026-05-13');
        expect(await field.inputValue()).toBe('۱۳ مئی ۲۰۲۶');
        await ur.context.close();
      } finally {
        await admin.put('/me', { locale: 'en' });
      }
      await context.close();
    },
  );

  itInBrowser(
    "should keep an analyst's pickers to their sectors, show other records read-only, and name each report's subject",
    () => browser,
    async () => {
      const analyst = await api('analyst');
      const me = await analyst.get('/auth/me');
      const steel: { id: number; code: string; titleEn: string }[] = await analyst.get(
        `/initiatives?${new URLSearchParams({ filter: JSON.stringify({ q: 'PK-RU-STEEL-KHI' }) })}`,
      );
      const brief = await analyst.post('/reports', {
        kind: 'initiative',
        params: { initiativeId: steel[0].id },
        format: 'csv',
        language: 'en',
      });
      const { context, page } = await signedIn(browser, 'analyst', `/initiatives/${steel[0].id}`);
      const seen = watch(page);
      // Outside the analyst's sectors (energy): read, not changed; no Save to be refused.
      await page.locator('[data-testid=out-of-scope]').waitFor();
      expect(await page.locator('[data-testid=read-only-form]').getAttribute('disabled')).not.toBeNull();
      // Writing a milestone: only initiatives of the analyst's sectors are offered.
      await page.goto(`${BASE}/#/milestones/create`);
      await page.locator('input[name=initiativeId]').click();
      await page.locator('[role=listbox] [role=option]').first().waitFor();
      const offered = await options(page);
      expect(offered.length).toBeGreaterThan(0);
      expect(offered.some((o) => o.startsWith(steel[0].code))).toBe(false);
      const inScope: { id: number; sectorIds: number[] }[] = await analyst.get(
        `/initiatives?${new URLSearchParams({ filter: JSON.stringify({ sectorId: me.sectorIds }) })}`,
      );
      expect(offered.length).toBe(Math.min(inScope.length, offered.length));
      await page.keyboard.press('Escape');

      // Citing a milestone: only those of the analyst's initiatives (the picker asks for them by sector), no steel
      // mill milestone among them.
      const list = (filter: object) =>
        analyst.get(`/milestones?${new URLSearchParams({ filter: JSON.stringify(filter), range: '[0,999]' })}`);
      const steelMilestones: { id: number; titleEn: string }[] = await list({ initiativeId: steel[0].id });
      expect(steelMilestones.length).toBeGreaterThan(0);
      const mine: { id: number; titleEn: string }[] = await list({ sectorId: me.sectorIds });
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.filter((m) => steelMilestones.some((x) => x.id === m.id))).toEqual([]);
      const onlySteel = new Set(
        steelMilestones.map((m) => m.titleEn).filter((t) => !mine.some((m) => m.titleEn === t)),
      );
      const asked = page.waitForRequest((r) => r.url().includes('/api/milestones?'));
      await page.goto(`${BASE}/#/evidence/create`);
      await page.locator('input[name=milestoneId]').click();
      expect(JSON.parse(new URL((await asked).url()).searchParams.get('filter') ?? '{}')).toEqual({
        sectorId: me.sectorIds,
      });
      await page.locator('[role=listbox] [role=option]').first().waitFor();
      const milestones = await options(page);
      expect(milestones.length).toBe(Math.min(mine.length, 25));
      expect(milestones.filter((o) => onlySteel.has(o))).toEqual([]);
      await page.keyboard.press('Escape');

      // The reports list names the initiative, not "#id".
      await page.goto(`${BASE}/#/reports`);
      const subject = page.locator(`[data-testid=report-subject-${brief.id}]`);
      await subject.waitFor();
      expect(await subject.textContent()).toBe(`${steel[0].code} · ${steel[0].titleEn}`);
      expect(seen.errors).toEqual([]);
      await context.close();
    },
  );

  itInBrowser(
    'should keep a two-script source label in written order, and name and date a source made in the status dialog, in English and Urdu',
    () => browser,
    async () => {
      const admin = await api('admin');
      const analyst = await api('analyst');
      const T = Date.now().toString(36);
      const initiative = await admin.post('/initiatives', {
        code: `MIX-${T}`.toUpperCase(),
        titleEn: `Two scripts ${T}`,
        sectorIds: [ENERGY_SECTOR],
        countryCodes: ['PK'],
      });
      const source = await admin.post('/sources', {
        kind: 'news',
        publisher: 'ARY News اردو',
        language: 'ur',
        publishedAt: '2025-05-13',
        title: `توانائی تعاون پر مذاکرات ${T}`,
      });
      await admin.post('/evidence', { sourceId: source.id, initiativeId: initiative.id, quote: 'توانائی تعاون' });

      const { context, page } = await signedIn(browser, 'analyst', `/initiatives/${initiative.id}/show/evidence`);
      const seen = watch(page);
      await page.locator('[data-testid=source-label]').first().waitFor();
      await settle(page);
      // "ARY News اردو · 13 May 2025 · …": publisher, then date, left to right; the publisher as it is written.
      let label = await labelRuns(page);
      expect(label.runs.slice(0, 2).map((r) => r.text)).toEqual(['ARY News اردو', '13 May 2025']);
      expect(label.runs[0].right).toBeLessThanOrEqual(label.runs[1].left);
      expect(label.latinFirst).toBe(true);
      await screenshot(page, 'day-source-label-en');
      // The app bar's search: the source's "publisher · date" in runs of their own, the date as the user writes it.
      await page.locator('[data-testid=global-search]').fill(T);
      const hit = page.locator('[data-testid=search-hit][data-kind=sources] [data-testid=search-hit-detail]');
      await hit.waitFor();
      expect(await hit.locator('bdi').evaluateAll((b) => b.map((e) => e.textContent))).toEqual([
        'ARY News اردو',
        '13 May 2025',
      ]);
      await page.keyboard.press('Escape');

      // The status dialog: the effective date typed day first; a new source typed in Urdu is Urdu and dated by it.
      await page.locator('[data-testid=update-status]').click();
      const effective = page.locator('[data-testid=status-effective-at]');
      await effective.fill('11/7/2025');
      await effective.blur();
      expect(await effective.inputValue()).toBe('11 July 2025');
      await page.locator('[data-testid=status-new-source]').click();
      expect(await page.locator('[data-testid=new-source-published]').getAttribute('data-value')).toBe('2025-07-11');
      const language = page.locator('[data-testid=new-source-language]');
      expect(await language.inputValue()).toBe('en');
      await page.fill('[data-testid=new-source-title]', `ماسکو میں توانائی کے پروٹوکول پر دستخط ${T}`);
      expect(await language.inputValue()).toBe('ur');
      // What the user picks stays, whatever is typed after.
      await page.locator('[data-testid=new-source-form] [role=combobox]').nth(1).click();
      await page.locator('li[role=option][data-value="en"]').click();
      await page.fill('[data-testid=new-source-text]', 'دونوں ممالک نے توانائی کے شعبے میں تعاون پر اتفاق کیا۔');
      expect(await language.inputValue()).toBe('en');
      await page.locator('[data-testid=new-source-form] [role=combobox]').nth(1).click();
      await page.locator('li[role=option][data-value="ur"]').click();
      await page.fill('[data-testid=new-source-publisher]', 'مشرق نامہ (Mashriq Nama)');
      await page.locator('[data-testid=new-source-add]').click();
      const picked = page.locator('[data-testid=status-picked-sources] [data-source-id]');
      await picked.waitFor();
      const made = await analyst.get(`/sources/${await picked.getAttribute('data-source-id')}`);
      expect([made.language, made.publishedAt]).toEqual(['ur', '2025-07-11']);
      expect(
        await picked.locator('[data-testid=picked-source-label] bdi').evaluateAll((b) => b.map((e) => e.textContent)),
      ).toEqual(['مشرق نامہ (Mashriq Nama)', '11 Jul 2025']);
      await page.getByRole('button', { name: 'Cancel' }).last().click();
      expect(seen.errors).toEqual([]);
      await context.close();

      // In Urdu: the runs right to left, each still as written; the dialog's dates day first in Urdu.
      await analyst.put('/me', { locale: 'ur' });
      try {
        const ur = await signedIn(browser, 'analyst', `/initiatives/${initiative.id}/show/evidence`);
        await ur.page.waitForFunction(() => document.documentElement.dir === 'rtl');
        await ur.page.locator('[data-testid=source-label]').first().waitFor();
        await settle(ur.page);
        label = await labelRuns(ur.page);
        expect(label.runs[0].text).toBe('ARY News اردو');
        expect(label.runs[1].text).toMatch(/^13 /);
        expect(label.runs[1].right).toBeLessThanOrEqual(label.runs[0].left);
        expect(label.latinFirst).toBe(true);
        await screenshot(ur.page, 'day-source-label-ur');
        await ur.page.locator('[data-testid=update-status]').click();
        const day = ur.page.locator('[data-testid=status-effective-at]');
        expect(await day.inputValue()).toMatch(/^[۰-۹]{1,2} \S+ [۰-۹]{4}$/);
        await day.fill('۱۳/۵/۲۰۲۵');
        await day.blur();
        expect(await day.inputValue()).toBe('۱۳ مئی ۲۰۲۵');
        await ur.page.locator('[data-testid=status-new-source]').click();
        expect(await ur.page.locator('[data-testid=new-source-published]').inputValue()).toBe('۱۳ مئی ۲۰۲۵');
        await ur.context.close();
      } finally {
        await analyst.put('/me', { locale: 'en' });
      }
    },
  );
});
