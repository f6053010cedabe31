import type { Browser, Page } from 'playwright-core';
import { api, itInBrowser, launch, signedIn, USERS, watch } from './support/browser';

// An analyst's day: create an initiative, record a status change with a new source and its quote, and find it on
// the timeline, in the evidence and in the history. Server errors show beside the fields they concern.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const code = `PK-RU-BT-${Date.now().toString(36).toUpperCase()}`;
let initiativeId: number;

/** Pick an option of an MUI select (the TextField `select` or react-admin's SelectInput). */
async function chooseSelect(page: Page, trigger: string, value: string) {
  await page.locator(trigger).click();
  await page.locator(`li[role=option][data-value="${value}"]`).click();
  await page.locator('li[role=option]').first().waitFor({ state: 'detached' });
}

/** Type into an autocomplete and pick the first option that contains `text`. */
async function chooseAutocomplete(page: Page, input: string, text: string) {
  await page.locator(input).click();
  await page.locator(input).fill(text);
  await page.locator(`li[role=option]:has-text("${text}")`).first().click();
}

describe('initiatives', () => {
  itInBrowser(
    'should let an analyst create an initiative within their sector',
    () => browser,
    async () => {
      const { context, page } = await signedIn(browser, 'analyst', '/initiatives/create');
      const { errors } = watch(page);
      await page.waitForSelector('input[name=code]');
      await page.fill('input[name=code]', code);
      await page.fill('input[name=titleEn]', 'Browser-test gas pipeline study');
      await page.fill('input[name=titleUr]', 'گیس پائپ لائن کا مطالعہ');
      expect(await page.locator('input[name=titleUr]').getAttribute('dir')).toBe('rtl');
      expect(await page.locator('input[name=titleEn]').getAttribute('dir')).toBe('ltr');
      await page.fill('textarea[name=summaryEn]', 'A study of a gas pipeline, created by the browser tests.');

      // The energy analyst is offered the sectors of their scope only.
      await page.locator('input[name=sectorIds]').click();
      const offered = await page.locator('li[role=option]').allInnerTexts();
      expect(offered).toEqual(['Energy']);
      await page.locator('li[role=option]:has-text("Energy")').click();

      await page.getByRole('button', { name: 'Add' }).first().click();
      await chooseAutocomplete(page, 'input[name="countries.0.code"]', 'Pakistan');
      await page.getByRole('button', { name: 'Add' }).first().click();
      await chooseAutocomplete(page, 'input[name="countries.1.code"]', 'Russia');

      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForSelector(`[data-testid=initiative-code]:has-text("${code}")`);
      initiativeId = Number(page.url().match(/initiatives\/(\d+)\/show/)![1]);
      expect(initiativeId).toBeGreaterThan(0);

      const admin = await api('admin');
      const saved = await admin.get(`/initiatives/${initiativeId}`);
      expect(saved).toMatchObject({
        code,
        titleUr: 'گیس پائپ لائن کا مطالعہ',
        stage: 'announced',
        countryCodes: expect.arrayContaining(['PK', 'RU']),
      });
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  itInBrowser(
    'should record a status update with a new source, and show it on the timeline, in the evidence and the history',
    () => browser,
    async () => {
      const { context, page } = await signedIn(browser, 'analyst', `/initiatives/${initiativeId}/show`);
      const { errors } = watch(page);
      await page.locator('[data-testid=update-status]').click();
      await page.waitForSelector('[data-testid=status-dialog]');

      // Only the stages the lifecycle allows next are offered.
      await page.locator('[data-testid=status-dialog] [role=combobox]').first().click();
      const offered = await page
        .locator('li[role=option][data-value]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-value')).filter(Boolean));
      expect(offered.sort()).toEqual([
        'agreement_signed',
        'cancelled',
        'feasibility',
        'mou_signed',
        'suspended',
        'under_negotiation',
      ]);
      await page.locator('li[role=option][data-value="under_negotiation"]').click();

      await page.fill('[data-testid=status-note]', 'Talks opened at the working group.');
      await page.fill('[data-testid=status-note-ur]', 'ورکنگ گروپ میں مذاکرات کا آغاز ہوا۔');

      // A stage change without a source: the server's EVIDENCE_REQUIRED shows beside the evidence field.
      await page.locator('[data-testid=status-submit]').click();
      await page.waitForSelector('[data-testid=status-dialog] >> text=A stage change needs at least one source');

      // Add a new source inline, with its quote.
      await page.locator('[data-testid=status-new-source]').click();
      await page.fill('[data-testid=new-source-publisher]', 'Browser Test Daily');
      await page.fill('[data-testid=new-source-url]', `https://example.org/bt/${code}`);
      await page.fill('[data-testid=new-source-title]', 'پاکستان اور روس کے درمیان گیس پائپ لائن پر مذاکرات');
      await page.fill(
        '[data-testid=new-source-text]',
        'ورکنگ گروپ میں گیس پائپ لائن پر مذاکرات کا آغاز ہوا۔ دونوں فریقوں نے مطالعے پر اتفاق کیا۔',
      );
      await chooseSelect(page, '[data-testid=new-source-form] [role=combobox] >> nth=1', 'ur');
      await page.fill('[data-testid=new-source-quote]', 'گیس پائپ لائن پر مذاکرات کا آغاز ہوا');
      await page.locator('[data-testid=new-source-add]').click();
      await page.waitForSelector('[data-testid=status-picked-sources] [data-source-id]');
      await page.locator('[data-testid=status-submit]').click();
      await page.waitForSelector('[data-testid=status-dialog]', { state: 'detached' });

      // The page shows the new stage.
      await page.waitForSelector('[data-testid=initiative-header] [data-stage=under_negotiation]');

      await page.getByRole('tab', { name: 'Timeline' }).click();
      await page.waitForSelector('[data-testid=timeline-item][data-type=status_update]');
      const statusItem = page.locator('[data-testid=timeline-item][data-type=status_update]').last();
      expect(await statusItem.locator('[data-stage=under_negotiation]').count()).toBe(1);
      expect(await statusItem.innerText()).toContain('Talks opened at the working group.');
      await page.waitForSelector('[data-testid=timeline-item][data-type=evidence]:has-text("گیس پائپ لائن")');

      await page.getByRole('tab', { name: 'Evidence' }).click();
      await page.waitForSelector('[data-testid=evidence-quote]:has-text("گیس پائپ لائن پر مذاکرات کا آغاز ہوا")');
      expect(await page.locator('[data-testid=evidence-quote] [dir=rtl]').count()).toBeGreaterThan(0);

      await page.getByRole('tab', { name: 'History' }).click();
      await page.waitForSelector('[data-testid=status-history] tbody tr');
      expect(await page.locator('[data-testid=status-history] tbody tr').count()).toBe(2);
      expect(await page.locator('[data-testid=status-history]').innerText()).toContain(
        'Talks opened at the working group.',
      );
      expect(errors).toEqual([]);
      await context.close();

      // An administrator sees the change log too: who changed what, old → new.
      const admin = await signedIn(browser, 'admin', `/initiatives/${initiativeId}/show/history`);
      await admin.page.waitForSelector('[data-testid=audit-trail] tbody tr');
      const trail = await admin.page.locator('[data-testid=audit-trail]').innerText();
      expect(trail).toContain(USERS.analyst.name);
      await admin.page.waitForSelector('[data-testid=audit-trail] [data-field=stage]');
      await admin.context.close();
    },
  );

  itInBrowser(
    'should change the health of several initiatives at once (each one a status update)',
    () => browser,
    async () => {
      const admin = await api('admin');
      const extra = await admin.post('/initiatives', {
        code: `${code}-B`,
        titleEn: 'Browser-test second initiative',
        sectorIds: (await admin.get(`/initiatives/${initiativeId}`)).sectorIds,
        countryCodes: ['PK', 'RU'],
      });
      const { context, page } = await signedIn(
        browser,
        'admin',
        `/initiatives?${new URLSearchParams({ filter: JSON.stringify({ q: code }) })}`,
      );
      await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 2);
      await page.locator('table thead input[type=checkbox]').check();
      await page.locator('[data-testid=bulk-health]').click();
      await page.getByRole('dialog').locator('[role=combobox]').click();
      await page.getByRole('option', { name: 'At risk' }).click();
      // The effective date, today by default, written day first.
      expect(await page.locator('[data-testid=bulk-effective-at]').inputValue()).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
      await page.getByRole('dialog').locator('textarea').first().fill('Both delayed by the same financing question.');
      await page.getByRole('dialog').getByRole('button', { name: 'Update' }).click();
      await page.waitForSelector('text=Health changed on 2 initiatives');
      for (const id of [initiativeId, extra.id]) {
        expect((await admin.get(`/initiatives/${id}`)).health).toBe('at_risk');
      }
      await context.close();
    },
  );
});
