import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  api,
  BASE,
  itInBrowser,
  launch,
  missingKeys,
  rawKeysOnPage,
  screenshot,
  signedIn,
  watch,
  type ApiSession,
} from './support/browser';

// The analyst's day: one sentence of a source cited for three records at once, a person made from the participants
// picker without leaving the form, a 300,000-character paste that does not freeze the tab (and one beyond the limit
// refused at once, in the source form and on the Intake screen), and the same screens in Urdu with no untranslated
// string. Screenshots of the source page with a selected sentence and of the change report, in English and Urdu, go
// to tests/artifacts/screenshots.

let browser: Browser;
let admin: ApiSession;
const T = Date.now().toString(36);
const SENTENCE = `Pakistan and Russia agreed to study a ${T} corridor.`;
const ids: Record<string, number> = {};

beforeAll(async () => {
  browser = await launch();
  admin = await api('admin');
  const sectors: { id: number; code: string }[] = await admin.get('/sectors?range=[0,99]');
  const energy = sectors.find((s) => s.code === 'energy')!.id;
  ids.source = (
    await admin.post('/sources', {
      kind: 'news',
      publisher: 'Day Gazette',
      language: 'en',
      publishedAt: '2025-07-11',
      title: `Corridor talks ${T}`,
      text: `Delegations met in Moscow on Thursday. ${SENTENCE} Talks will resume in Islamabad next month.`,
    })
  ).id;
  ids.initiative = (
    await admin.post('/initiatives', {
      code: `DAY-${T}`.toUpperCase(),
      titleEn: `Corridor study ${T}`,
      sectorIds: [energy],
      countryCodes: ['PK', 'RU'],
    })
  ).id;
  ids.engagement = (
    await admin.post('/engagements', {
      titleEn: `Corridor meeting ${T}`,
      format: 'bilateral_meeting',
      startDate: '2025-07-10',
    })
  ).id;
  ids.agreement = (await admin.post('/agreements', { kind: 'mou', titleEn: `Corridor MoU ${T}` })).id;
  // The seed's Urdu article: the first Urdu source recorded (other specs on this server add Urdu sources of a line).
  const sources: { id: number; language: string }[] = await admin.get(
    `/sources?sort=${encodeURIComponent('["id","ASC"]')}&range=${encodeURIComponent('[0,49]')}`,
  );
  ids.urduSource = sources.find((s) => s.language === 'ur')!.id;
});
afterAll(async () => {
  await admin?.put('/me', { locale: 'en' });
  await browser?.close();
});

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
}

/**
 * Types into a reference picker once the form has loaded, and again if the picker emptied the text (it does when its
 * chosen records arrive after the typing); returns when the search for the text has answered, so its options (the
 * create option among them) are drawn for good.
 */
async function typeInPicker(page: Page, selector: string, text: string) {
  await settle(page);
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.locator(selector).fill(text);
    await settle(page);
    if ((await page.locator(selector).inputValue()) === text) return;
  }
  throw new Error(`${selector} kept losing the text typed into it`);
}

/** In the cite dialog: choose a kind of record, find one by what is typed, add it. */
async function addTarget(page: Page, kind: string, typed: string) {
  await page.locator('[data-testid=cite-dialog] [role=combobox]').first().click();
  await page.locator(`li[role=option][data-value="${kind}"]`).click();
  await page.locator('[data-testid=cite-search]').fill(typed);
  await page.locator(`[data-testid=cite-option]:has-text("${typed}")`).first().click();
}

/** Labels, buttons, titles and helper texts inside `root` written in Latin letters (an untranslated string). */
async function latinChrome(page: Page, root: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const scope = document.querySelector(sel);
    if (!scope) return [`${sel} not found`];
    const texts = [...scope.querySelectorAll('label, button, h2, legend, .MuiFormHelperText-root, [role=tab]')].map(
      (e) => (e as HTMLElement).innerText,
    );
    return texts.filter((t) => /[A-Za-z]{2,}/.test(t));
  }, root);
}

/** The change report of the seed story's months, as HTML, shown in `page`. */
async function showChangeReport(context: BrowserContext, page: Page, language: 'en' | 'ur') {
  const report = await admin.post('/reports', {
    kind: 'changes',
    format: 'html',
    language,
    params: { from: '2025-05-01', to: '2025-07-31' },
  });
  for (let tries = 0; ; tries++) {
    const state = await admin.get(`/reports/${report.id}`);
    if (state.status === 'done') break;
    if (state.status === 'failed' || tries > 600) throw new Error(`change report ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const file = await context.request.get(`${BASE}/api/reports/${report.id}/file`);
  expect(file.status()).toBe(200);
  await page.setContent(await file.text(), { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
}

describe("the analyst's day", () => {
  itInBrowser(
    'should cite one selected sentence of a source for three records at once',
    () => browser,
    async () => {
      const { context, page } = await signedIn(browser, 'admin', `/sources/${ids.source}/show`);
      const { errors } = watch(page);
      await page.waitForSelector('[data-testid=source-text] [data-sentence]');
      await page.locator('[data-testid=source-text] [data-sentence="1"]').click();
      expect(await page.locator('[data-testid=cite-selected]').innerText()).toBe(`“${SENTENCE}”`);
      await settle(page);
      await screenshot(page, 'source-selected-sentence-en');

      await page.locator('[data-testid=cite-selection]').click();
      await page.waitForSelector('[data-testid=cite-dialog]');
      expect(await page.locator('[data-testid=cite-quote]').inputValue()).toBe(SENTENCE);
      await addTarget(page, 'initiatives', `DAY-${T}`.toUpperCase());
      await addTarget(page, 'engagements', `Corridor meeting ${T}`);
      await addTarget(page, 'agreements', `Corridor MoU ${T}`);
      expect(await page.locator('[data-testid=cite-target]').count()).toBe(3);
      await page.locator('[data-testid=cite-submit]').click();
      await page.locator('[data-testid=cite-dialog]').waitFor({ state: 'detached' });

      const evidence: { quote: string; initiativeId: number; engagementId: number; agreementId: number }[] =
        await admin.get(`/evidence?${new URLSearchParams({ filter: JSON.stringify({ sourceId: ids.source }) })}`);
      expect(evidence.map((e) => e.quote)).toEqual([SENTENCE, SENTENCE, SENTENCE]);
      expect(evidence.map((e) => [e.initiativeId, e.engagementId, e.agreementId]).sort()).toEqual(
        [
          [ids.initiative, null, null],
          [null, ids.engagement, null],
          [null, null, ids.agreement],
        ].sort(),
      );
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  itInBrowser(
    'should make a person from the participants picker and keep the rest of the form',
    () => browser,
    async () => {
      const { context, page } = await signedIn(browser, 'admin', `/engagements/${ids.engagement}`);
      const { errors } = watch(page);
      const name = `Nadia Corridor ${T}`;
      await page.waitForSelector('input[name=titleEn]');
      await page.fill('input[name=titleEn]', `Corridor meeting ${T} (edited)`);
      await typeInPicker(page, 'input[name=participantIds]', name);
      await page.locator(`li[role=option]:has-text("Add “${name}”")`).click();
      await page.waitForSelector('[data-testid=create-person-dialog]');
      expect(await page.locator('[data-testid=new-person-name-en]').inputValue()).toBe(name);
      await page.fill('[data-testid=new-person-name-ur]', 'نادیہ');
      await page.fill('[data-testid=new-person-title-en]', 'Deputy Minister of Transport');
      await page.locator('[data-testid=new-person-save]').click();
      await page.locator('[data-testid=create-person-dialog]').waitFor({ state: 'detached' });
      // Chosen in the picker, and what was typed before is still there.
      await page.locator(`.MuiChip-root:has-text("${name}")`).waitFor();
      expect(await page.inputValue('input[name=titleEn]')).toBe(`Corridor meeting ${T} (edited)`);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/#\/engagements(\/\d+\/show)?$/);

      const engagement = await admin.get(`/engagements/${ids.engagement}`);
      const people: { id: number; nameEn: string; nameUr: string; currentTitleEn: string }[] = await admin.get(
        `/people?${new URLSearchParams({ filter: JSON.stringify({ id: engagement.participantIds }) })}`,
      );
      expect(people).toEqual([
        expect.objectContaining({ nameEn: name, nameUr: 'نادیہ', currentTitleEn: 'Deputy Minister of Transport' }),
      ]);
      expect(engagement.titleEn).toBe(`Corridor meeting ${T} (edited)`);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  itInBrowser(
    'should take a 300,000-character paste without freezing, and refuse one beyond the limit at once',
    () => browser,
    async () => {
      const { context, page } = await signedIn(browser, 'admin', '/sources/create');
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
      const { errors } = watch(page);
      const field = page.locator('textarea[name=text]');
      await field.waitFor();
      const unit = 'پاکستان اور روس نے توانائی کے شعبے میں تعاون بڑھانے پر اتفاق کیا۔ ';
      const text = unit.repeat(Math.ceil(300_000 / unit.length)).slice(0, 300_000);
      const paste = async (value: string) => {
        await page.evaluate((v) => navigator.clipboard.writeText(v), value);
        const started = Date.now();
        await page.keyboard.press('Control+V');
        return started;
      };
      await field.focus();
      let started = await paste(text);
      await page.waitForSelector('[data-testid=char-count][data-length="300000"]');
      // The next frame is drawn: the tab answers again.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      const pasted = Date.now() - started;
      started = Date.now();
      await page.keyboard.type('۔');
      await page.waitForSelector('[data-testid=char-count][data-length="300001"]');
      const keyed = Date.now() - started;
      expect(await page.locator('[data-testid=char-count]').innerText()).toContain('300,001 / 1,048,576');

      // Select all and paste more than the limit: refused before anything is inserted, the reason said.
      await page.keyboard.press('Control+A');
      started = await paste('x'.repeat(1_100_000));
      await page.waitForSelector('[data-testid=char-count][data-refused="1100000"]');
      const refused = Date.now() - started;
      expect(await page.locator('[data-testid=char-count]').innerText()).toContain(
        'Not pasted: it would make 1,100,000 characters, at most 1,048,576',
      );
      expect(await field.evaluate((e) => (e as HTMLTextAreaElement).value.length)).toBe(300_001);
      console.log(
        `300,000 Urdu characters pasted in ${pasted} ms; one more key in ${keyed} ms; ` +
          `1,100,000 refused in ${refused} ms`,
      );

      // The Intake screen's paste box counts the same way, with intake's limit, and refuses beyond it at once.
      await page.goto(`${BASE}/#/intake`);
      const box = page.locator('[data-testid=intake-content]');
      await box.focus();
      await paste('x'.repeat(1_100_000));
      await page.waitForSelector('[data-testid=intake-form] [data-testid=char-count][data-refused="1100000"]');
      expect(await box.evaluate((e) => (e as HTMLTextAreaElement).value.length)).toBe(0);
      await paste(unit);
      expect(await page.locator('[data-testid=intake-form] [data-testid=char-count]').innerText()).toContain(
        `${unit.length} / 1,048,576`,
      );
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  itInBrowser(
    'should show the same screens in Urdu with no untranslated string, and the change report in both languages',
    () => browser,
    async () => {
      await admin.put('/me', { locale: 'ur' });
      // The seed's Urdu article, its second sentence selected.
      const { context, page } = await signedIn(browser, 'admin', `/sources/${ids.urduSource}/show`);
      const { errors } = watch(page);
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      await page.waitForSelector('[data-testid=source-text] [data-sentence]');
      await page.locator('[data-testid=source-text] [data-sentence="1"]').click();
      expect(await page.locator('[data-testid=cite-selected]').innerText()).toMatch(/[\u0600-\u06FF]/);
      await settle(page);
      await screenshot(page, 'source-selected-sentence-ur');
      const found: Record<string, string[]> = {};
      await page.locator('[data-testid=cite-selection]').click();
      await page.waitForSelector('[data-testid=cite-dialog]');
      await settle(page);
      found.cite = await latinChrome(page, '[data-testid=cite-dialog]');

      await page.goto(`${BASE}/#/engagements/${ids.engagement}`);
      // The record is in the form before anything is typed.
      await page.waitForFunction(() => !!document.querySelector<HTMLInputElement>('input[name=titleEn]')?.value);
      await typeInPicker(page, 'input[name=participantIds]', 'نیا شریک');
      await page.locator('li[role=option]:has-text("“نیا شریک” شامل کریں")').click();
      await page.waitForSelector('[data-testid=create-person-dialog]');
      found.person = await latinChrome(page, '[data-testid=create-person-dialog]');
      found.personOption = [];
      await page.keyboard.press('Escape');

      await page.goto(`${BASE}/#/sources/create`);
      await page.locator('textarea[name=text]').fill('پاکستان');
      const count = await page.locator('[data-testid=char-count]').innerText();
      if (!count.includes('حروف')) found.count = [count];
      found.raw = await rawKeysOnPage(page);
      found.missing = await missingKeys(page);
      expect(found).toEqual({ cite: [], person: [], personOption: [], raw: [], missing: [] });
      expect(errors).toEqual([]);

      const report = await context.newPage();
      await showChangeReport(context, report, 'ur');
      await screenshot(report, 'change-report-ur');
      await showChangeReport(context, report, 'en');
      await screenshot(report, 'change-report-en');
      await context.close();
    },
  );
});
