import ExcelJS from 'exceljs';
import { signedInUser, type SignedInUser } from '../../support/auth';
import { startTestApp, type TestApp } from '../../support/test-app';
import {
  announcePdfSkip,
  CAN_TEST_PDF,
  csvFact,
  csvTable,
  download,
  firstPagePng,
  generate,
  pdfPages,
  pdfText,
  readCsv,
  sheetRows,
  sheetTable,
} from './support';

// What each kind of report says, in each format, on the demo story (apps/api/src/seed/demo.ts) whose answers are
// known: Pakistan–Russia cooperation as of 30 September 2025 — the steel-mill agreement signed on 13 May, energy
// under negotiation since the Moscow meetings of 10 July, the rail link at risk since 1 September because the pilot
// cargo train planned for 31 August has not run.

announcePdfSkip();
const pdfIt = CAN_TEST_PDF ? it : it.skip;

async function xlsx(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/**
 * pdftotext moves spaces and commas around digits in right-to-left lines ("30 ستمبر، 2025" comes out as
 * "30ستمبر2025 ،"): Urdu phrases are compared without spaces and commas.
 */
function expectPdfText(text: string, phrases: string[]): void {
  const flatten = (x: string) => x.replace(/[\s،,]+/g, '');
  const flat = flatten(text);
  for (const p of phrases) {
    if (!flat.includes(flatten(p))) throw new Error(`The PDF text lacks "${p}". It reads:\n${text.slice(0, 3000)}`);
  }
}

describe('report content, per kind and format', () => {
  let t: TestApp;
  let viewer: SignedInUser;
  let ids: { steel: number; rail: number; energy: number; overchuk: number; arf: number };

  const file = async (body: Record<string, unknown>) => {
    const report = await generate(t, viewer.cookie, body);
    expect(report).toMatchObject({ status: 'done', error: null });
    return { report, body: (await download(t, viewer.cookie, report.id)).body };
  };

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    viewer = await signedInUser(t, { role: 'viewer' });
    const code = async (c: string) => (await t.prisma.initiative.findUniqueOrThrow({ where: { code: c } })).id;
    const meeting = async (s: string) =>
      (await t.prisma.engagement.findFirstOrThrow({ where: { titleEn: { contains: s } } })).id;
    ids = {
      steel: await code('PK-RU-STEEL-KHI'),
      rail: await code('UZ-PK-RU-RAIL'),
      energy: await code('PK-RU-ENERGY'),
      overchuk: await meeting('Overchuk'),
      arf: await meeting('ASEAN'),
    };
    // The rail pilot train, planned for 31 August, re-announced on 15 September for 30 November (recorded next day).
    const pilot = await t.prisma.milestone.findFirstOrThrow({ where: { initiativeId: ids.rail } });
    await t.prisma.milestoneDateChange.create({
      data: {
        milestoneId: pilot.id,
        oldDate: new Date('2025-08-31'),
        newDate: new Date('2025-11-30'),
        announcedOn: new Date('2025-09-15'),
        recordedAt: new Date('2025-09-16T10:00:00Z'),
        note: 'Re-announced',
      },
    });
    await t.prisma.milestone.update({ where: { id: pilot.id }, data: { plannedDate: new Date('2025-11-30') } });
  });
  afterAll(() => t.close());

  describe('portfolio', () => {
    const params = { asOf: '2025-09-30', from: '2025-08-15' };

    it('CSV: summary, what changed, a table per sector, engagements, decisions falling due', async () => {
      const { body, report } = await file({ kind: 'portfolio', params, format: 'csv', language: 'en' });
      expect(report.fileName).toBe('rabta-portfolio-2025-09-30-en.csv');
      const rows = readCsv(body);
      expect(rows[0]).toEqual(['Portfolio status report']);
      expect(csvFact(rows, 'As of')).toBe('2025-09-30');
      expect(csvFact(rows, 'As known at')).toBe(report.knownAt);
      expect(csvFact(rows, 'Initiatives')).toBe('6');
      expect(csvFact(rows, 'At risk')).toBe('1');
      expect(csvFact(rows, 'On track')).toBe('2');
      // The pilot train was re-announced for 30 November on 15 September: not overdue on 30 September.
      expect(csvFact(rows, 'Overdue milestones')).toBe('0');
      expect(csvTable(rows, 'Initiatives by stage')).toEqual(
        expect.arrayContaining([
          { Stage: 'Announced', Count: '4' },
          { Stage: 'Agreement signed', Count: '1' },
          { Stage: 'Under negotiation', Count: '1' },
        ]),
      );
      expect(csvTable(rows, 'What changed since the previous period')).toEqual([
        expect.objectContaining({
          Code: 'UZ-PK-RU-RAIL',
          'Stage before': 'Announced',
          'Stage now': 'Announced',
          'Health before': 'On track',
          'Health now': 'At risk',
          Effective: '2025-09-01',
        }),
      ]);
      const steel = csvTable(rows, 'Sector: Steel');
      expect(steel).toEqual([
        expect.objectContaining({
          Code: 'PK-RU-STEEL-KHI',
          Initiative: 'New steel mill in Karachi',
          Stage: 'Agreement signed',
          Health: 'On track',
          'Update date': '2025-05-13',
        }),
      ]);
      const energy = csvTable(rows, 'Sector: Energy');
      expect(energy).toEqual([
        expect.objectContaining({
          Code: 'PK-RU-ENERGY',
          'Next milestone': expect.stringContaining('10th session'),
          Due: '2025-12-31',
          'Days to go': '92',
        }),
      ]);
      expect(csvTable(rows, 'Sector: Rail')).toEqual([
        expect.objectContaining({
          Code: 'UZ-PK-RU-RAIL',
          Health: 'At risk',
          Due: '2025-11-30',
          'Days to go': '61',
          'Overdue milestones': '',
        }),
      ]);
      expect(csvTable(rows, 'Engagements in the period')).toEqual([]);
      // Decisions due by 29 November (60 days) that are not done: the SCO meeting (18 July) and the pilot train (31 August).
      const decisions = csvTable(rows, 'Decisions falling due');
      expect(decisions.map((d) => [d.Due, d.Days, d.State])).toEqual([
        ['2025-07-18', '74 days overdue', 'Overdue'],
        ['2025-08-31', '30 days overdue', 'Overdue'],
      ]);
      expect(decisions[1]).toMatchObject({
        Decision: 'Launch the pilot cargo train Uzbekistan–Pakistan–Russia',
        Initiative: 'UZ-PK-RU-RAIL',
      });
    });

    it('CSV with filters: the energy sector only', async () => {
      const energySector = (await t.prisma.sector.findUniqueOrThrow({ where: { code: 'energy' } })).id;
      const rows = readCsv(
        (
          await file({
            kind: 'portfolio',
            params: { ...params, sectorIds: [energySector] },
            format: 'csv',
            language: 'en',
          })
        ).body,
      );
      expect(csvFact(rows, 'Sectors')).toBe('Energy');
      expect(csvFact(rows, 'Initiatives')).toBe('1');
      expect(rows.filter((r) => r.length === 1 && r[0].startsWith('Sector: ')).map((r) => r[0])).toEqual([
        'Sector: Energy',
      ]);
      expect(csvTable(rows, 'Decisions falling due')).toEqual([]);
    });

    it('XLSX in Urdu: one right-to-left sheet per section, real dates and numbers', async () => {
      const { body, report } = await file({ kind: 'portfolio', params, format: 'xlsx', language: 'ur' });
      expect(report.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const wb = await xlsx(body);
      const names = wb.worksheets.map((w) => w.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'پورٹ فولیو کی صورتحال کی رپورٹ',
          'خلاصہ برائے اعلیٰ حکام',
          'گزشتہ مدت کے بعد کیا بدلا',
          'شعبہ اسٹیل',
          'شعبہ ریلوے',
        ]),
      );
      for (const ws of wb.worksheets) expect(ws.views[0]).toMatchObject({ rightToLeft: true });
      const steel = sheetTable(wb.getWorksheet('شعبہ اسٹیل')!, 'کوڈ');
      expect(steel).toEqual([
        expect.objectContaining({
          کوڈ: 'PK-RU-STEEL-KHI',
          اقدام: 'کراچی میں نئی اسٹیل مل',
          مرحلہ: 'معاہدے پر دستخط',
          کیفیت: 'درست سمت میں',
        }),
      ]);
      expect(steel[0]['تاریخِ تازہ کاری']).toEqual(new Date('2025-05-13T00:00:00.000Z'));
      const rail = sheetTable(wb.getWorksheet('شعبہ ریلوے')!, 'کوڈ');
      expect(rail[0]).toMatchObject({ کوڈ: 'UZ-PK-RU-RAIL', کیفیت: 'خطرے میں', 'باقی دن': 61 });
      const summary = sheetRows(wb.getWorksheet('خلاصہ برائے اعلیٰ حکام')!);
      expect(summary).toEqual(
        expect.arrayContaining([
          ['اقدامات', 6],
          ['خطرے میں', 1],
        ]),
      );
      expect(wb.creator).toBe('رابطہ');
      // The workbook's own date is the report's knownAt (to the second, as the file format keeps it).
      expect(wb.created.getTime()).toBe(Math.floor(Date.parse(report.knownAt) / 1000) * 1000);
    });

    it('HTML in Urdu: right to left, the Urdu fonts, escaped, nothing to run or fetch', async () => {
      const { body, report } = await file({ kind: 'portfolio', params, format: 'html', language: 'ur' });
      expect(report.contentType).toBe('text/html; charset=utf-8');
      const html = body.toString('utf8');
      expect(html).toMatch(/^<!doctype html>\n<html lang="ur" dir="rtl">/);
      expect(html).toContain("'Noto Naskh Arabic'");
      expect(html).toContain("'Noto Nastaliq Urdu'");
      expect(html).toContain('<h1>پورٹ فولیو کی صورتحال کی رپورٹ</h1>');
      expect(html).toContain('کراچی میں نئی اسٹیل مل');
      expect(html).toContain('<bdi class="code" dir="ltr">PK-RU-STEEL-KHI</bdi>');
      // ur-PK dates.
      expect(html).toContain('30 ستمبر، 2025');
      expect(html).not.toMatch(/<script|https?:\/\/(?!www\.thenews)/i);
      expect(html).toContain(`default-src 'none'`);
    });

    it('HTML escapes what analysts typed', async () => {
      const rail = await t.prisma.initiative.findUniqueOrThrow({ where: { id: ids.rail } });
      await t.prisma.initiative.update({
        where: { id: ids.rail },
        data: { titleEn: 'Rail <script>alert(1)</script> & "link"' },
      });
      try {
        const html = (await file({ kind: 'portfolio', params, format: 'html', language: 'en' })).body.toString('utf8');
        expect(html).toContain('Rail &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;link&quot;');
        expect(html).not.toContain('<script>');
      } finally {
        await t.prisma.initiative.update({ where: { id: ids.rail }, data: { titleEn: rail.titleEn } });
      }
    });

    pdfIt('PDF in English and in Urdu: the text reads back, and the first pages are rendered to PNG', async () => {
      const en = await file({ kind: 'portfolio', params, format: 'pdf', language: 'en' });
      expect(en.report.contentType).toBe('application/pdf');
      expect(en.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const enText = pdfText(en.body, 'portfolio-en');
      for (const s of [
        'Portfolio status report',
        'Executive summary',
        'PK-RU-STEEL-KHI',
        'New steel mill in Karachi',
        'Agreement signed',
        'At risk',
        '30 September 2025',
        'Page 1 of',
      ])
        expect(enText).toContain(s);
      // The footer is a page-margin box of the printed HTML: every page carries its number and the right total.
      const enPages = pdfPages(en.body, 'portfolio-en');
      expect(enPages).toBeGreaterThan(1);
      for (let n = 1; n <= enPages; n++) expect(enText).toContain(`Page ${n} of ${enPages}`);
      expect(enText).toContain('Portfolio status report — 30 September 2025 · Rabta · as known at');
      firstPagePng(en.body, 'portfolio-en');

      const ur = await file({ kind: 'portfolio', params, format: 'pdf', language: 'ur' });
      const urText = pdfText(ur.body, 'portfolio-ur');
      // Text set in Naskh reads back word for word (Nastaliq headings come out of pdftotext with broken words).
      for (const s of [
        'کراچی',
        'اسٹیل',
        'کراچی میں نئی اسٹیل مل',
        'معاہدے پر دستخط',
        'خطرے میں',
        'PK-RU-STEEL-KHI',
        'صفحہ',
      ])
        expect(urText).toContain(s);
      expectPdfText(urText, ['30 ستمبر، 2025', 'ازبکستان، پاکستان اور روس ریل رابطہ']);
      const urPages = pdfPages(ur.body, 'portfolio-ur');
      expect(urPages).toBeGreaterThan(1);
      expectPdfText(
        urText,
        Array.from({ length: urPages }, (_, i) => `صفحہ ${i + 1} از ${urPages}`),
      );
      firstPagePng(ur.body, 'portfolio-ur');
    });
  });

  describe('initiative brief', () => {
    it('CSV: summary, stage and health history with evidence, milestones with the ledger, engagements, agreements, evidence', async () => {
      const { body, report } = await file({
        kind: 'initiative',
        params: { initiativeId: ids.steel, asOf: '2025-07-31' },
        format: 'csv',
        language: 'en',
      });
      expect(report.fileName).toBe('rabta-initiative-2025-07-31-en.csv');
      const rows = readCsv(body);
      expect(csvFact(rows, 'Stage')).toBe('Agreement signed');
      expect(csvFact(rows, 'Focal person')).toBe('Haroon Akhtar Khan');
      expect(csvFact(rows, 'Countries')).toBe('Pakistan (host), Russia (partner)');
      const history = csvTable(rows, 'Stage and health history');
      expect(history.map((h) => [h.Effective, h.Change, h.Recorded])).toEqual([
        ['2025-02-20', 'Stage: — → Under negotiation', '2025-02-21'],
        ['2025-05-13', 'Stage: Under negotiation → Agreement signed; Health: Not assessed → On track', '2025-07-11'],
      ]);
      expect(history[1].Evidence).toContain('The News International (2025-07-11) https://');
      expect(csvTable(rows, 'Milestones')).toEqual([
        expect.objectContaining({
          Milestone: 'Agreement to establish the Karachi steel mill signed',
          'First announced': '2025-05-13',
          Planned: '2025-05-13',
          Delivered: '2025-05-13',
          State: 'Achieved',
          'Slippage (days)': '0',
          'Re-announcements': '0',
        }),
      ]);
      expect(csvTable(rows, 'Announced vs delivered: the date ledger')).toEqual([
        expect.objectContaining({
          'Announced on': '2025-07-10',
          'New date': '2025-05-13',
          'Announced by': 'Haroon Akhtar Khan',
        }),
      ]);
      expect(csvTable(rows, 'Engagements')).toEqual([
        expect.objectContaining({ Date: '2025-07-10', Place: 'Moscow', Status: 'Held' }),
      ]);
      expect(csvTable(rows, 'Agreements')).toEqual([
        expect.objectContaining({ Signed: '2025-05-13', Kind: 'Agreement', Parties: 'Pakistan, Russia' }),
      ]);
      const evidence = csvTable(rows, 'Evidence');
      // The Urdu report's sentence on the signing is cited for the change, the milestone and the agreement: one row.
      expect(evidence.map((e) => e.Publisher).sort()).toEqual(['The News International', 'مشرق نامہ (Mashriq Nama)']);
      expect(evidence.find((e) => e.Publisher !== 'The News International')!['Evidence for'].split('; ')).toEqual(
        expect.arrayContaining(['Stage and health history', 'Agreements']),
      );
      expect(evidence.find((e) => e.Publisher === 'The News International')).toMatchObject({
        Language: 'English',
        Published: '2025-07-11',
        Link: expect.stringMatching(/^https:\/\/www\.thenews\.com\.pk\//),
      });
    });

    it('as known on 1 June 2025: still under negotiation, the signing not yet reported', async () => {
      const rows = readCsv(
        (
          await file({
            kind: 'initiative',
            params: { initiativeId: ids.steel, asOf: '2025-06-01', knownAt: '2025-06-01' },
            format: 'csv',
            language: 'en',
          })
        ).body,
      );
      expect(csvFact(rows, 'Stage')).toBe('Under negotiation');
      expect(csvFact(rows, 'Health')).toBe('Not assessed');
      expect(csvTable(rows, 'Stage and health history')).toHaveLength(1);
      expect(csvTable(rows, 'Milestones')).toEqual([]);
      expect(csvTable(rows, 'Evidence')).toEqual([]);
    });

    it('XLSX in Urdu and HTML in English', async () => {
      const wb = await xlsx(
        (
          await file({
            kind: 'initiative',
            params: { initiativeId: ids.steel, asOf: '2025-07-31' },
            format: 'xlsx',
            language: 'ur',
          })
        ).body,
      );
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        'اقدام کا خلاصہ',
        'خلاصہ',
        'مرحلے اور کیفیت کی تاریخ',
        'سنگ ہائے میل',
        // The ledger on a sheet of its own, under a name that fits (its title is longer than a sheet name may be).
        'تاریخوں کا ریکارڈ',
        'ملاقاتیں اور اجلاس',
        'معاہدے',
        'ثبوت',
      ]);
      const history = sheetTable(wb.getWorksheet('مرحلے اور کیفیت کی تاریخ')!, 'مؤثر تاریخ');
      expect(history).toHaveLength(2);
      expect(history[1]['مؤثر تاریخ']).toEqual(new Date('2025-05-13T00:00:00.000Z'));
      const html = (
        await file({
          kind: 'initiative',
          params: { initiativeId: ids.steel, asOf: '2025-07-31' },
          format: 'html',
          language: 'en',
        })
      ).body.toString('utf8');
      expect(html).toContain('<h1>Initiative brief</h1>');
      expect(html).toContain('New steel mill in Karachi · As of 31 July 2025');
      expect(html).toContain('<a href="https://www.thenews.com.pk/');
    });

    pdfIt('PDF in Urdu', async () => {
      const text = pdfText(
        (
          await file({
            kind: 'initiative',
            params: { initiativeId: ids.steel, asOf: '2025-07-31' },
            format: 'pdf',
            language: 'ur',
          })
        ).body,
        'initiative-ur',
      );
      expectPdfText(text, [
        'کراچی میں نئی اسٹیل مل',
        'ہارون اختر خان',
        'معاہدے پر دستخط',
        '13 مئی',
        'PK-RU-STEEL-KHI',
        'The News International',
      ]);
    });
  });

  describe('change report', () => {
    const params = { from: '2025-07-01', to: '2025-09-30' };

    it('CSV: stage and health changes, slipped milestones, new initiatives, each with evidence', async () => {
      const { body, report } = await file({ kind: 'changes', params, format: 'csv', language: 'en' });
      expect(report.fileName).toBe('rabta-changes-2025-07-01-to-2025-09-30-en.csv');
      const rows = readCsv(body);
      const moves = csvTable(rows, 'Stage and health changes');
      expect(moves.map((m) => [m.Effective, m.Code, m.Change])).toEqual([
        ['2025-07-10', 'PK-RU-ENERGY', 'Stage: Announced → Under negotiation; Health: Not assessed → On track'],
        ['2025-09-01', 'UZ-PK-RU-RAIL', 'Health: On track → At risk'],
      ]);
      expect(moves[0].Evidence).toContain('مشرق نامہ (Mashriq Nama) (2025-07-11)');
      expect(csvTable(rows, 'Milestones achieved')).toEqual([]);
      expect(csvTable(rows, 'Milestones slipped')).toEqual([
        expect.objectContaining({
          'Announced on': '2025-09-15',
          Code: 'UZ-PK-RU-RAIL',
          'Old date': '2025-08-31',
          'New date': '2025-11-30',
          'Slippage (days)': '91',
        }),
      ]);
      expect(csvTable(rows, 'New agreements')).toEqual([]);
      const fresh = csvTable(rows, 'New initiatives');
      expect(fresh.map((n) => n.Code).sort()).toEqual(['PK-RU-HYDRO', 'PK-RU-LPG', 'PK-RU-REFINERY', 'UZ-PK-RU-RAIL']);
      expect(fresh.every((n) => n.Evidence.includes('مشرق نامہ'))).toBe(true);
    });

    it('XLSX: the steel-mill agreement signed in May, with the evidence published by the end of the period', async () => {
      // As of 31 May the signing had happened but no source had reported it yet (published 11 July).
      const may = await xlsx(
        (
          await file({
            kind: 'changes',
            params: { from: '2025-05-01', to: '2025-05-31' },
            format: 'xlsx',
            language: 'en',
          })
        ).body,
      );
      expect(sheetTable(may.getWorksheet('New agreements')!, 'Signed')).toEqual([
        expect.objectContaining({
          Signed: new Date('2025-05-13T00:00:00.000Z'),
          Kind: 'Agreement',
          Initiatives: 'PK-RU-STEEL-KHI',
          Evidence: null,
        }),
      ]);
      const wb = await xlsx(
        (
          await file({
            kind: 'changes',
            params: { from: '2025-05-01', to: '2025-07-31' },
            format: 'xlsx',
            language: 'en',
          })
        ).body,
      );
      const agreements = sheetTable(wb.getWorksheet('New agreements')!, 'Signed');
      expect(agreements).toEqual([
        expect.objectContaining({
          Signed: new Date('2025-05-13T00:00:00.000Z'),
          Kind: 'Agreement',
          Initiatives: 'PK-RU-STEEL-KHI',
        }),
      ]);
      expect(String(agreements[0].Evidence)).toContain('مشرق نامہ');
      const moves = sheetTable(wb.getWorksheet('Stage and health changes')!, 'Effective');
      expect(moves.map((m) => m.Code)).toEqual(['PK-RU-STEEL-KHI', 'PK-RU-ENERGY']);
      expect(wb.worksheets.every((w) => !w.views[0]?.rightToLeft)).toBe(true);
    });

    it('HTML in Urdu', async () => {
      const html = (await file({ kind: 'changes', params, format: 'html', language: 'ur' })).body.toString('utf8');
      expect(html).toContain('<h1>تبدیلیوں کی رپورٹ</h1>');
      expect(html).toContain('کیفیت: درست سمت میں ← خطرے میں');
    });

    pdfIt('PDF in English', async () => {
      const text = pdfText((await file({ kind: 'changes', params, format: 'pdf', language: 'en' })).body, 'changes-en');
      for (const s of ['Change report', 'Milestones slipped', 'UZ-PK-RU-RAIL', '30 Nov 2025'])
        expect(text).toContain(s);
    });
  });

  describe('meeting follow-up', () => {
    it('CSV: the decisions of a meeting and the state of each as of the date', async () => {
      const { body, report } = await file({
        kind: 'engagement_followup',
        params: { engagementId: ids.overchuk, asOf: '2025-09-30' },
        format: 'csv',
        language: 'en',
      });
      expect(report.fileName).toBe('rabta-engagement-followup-2025-09-30-en.csv');
      const rows = readCsv(body);
      expect(csvFact(rows, 'Date')).toBe('2025-07-10');
      expect(csvFact(rows, 'Decisions')).toBe('1');
      expect(csvFact(rows, 'Overdue')).toBe('1');
      expect(csvTable(rows, 'Participants').map((p) => p.Person)).toEqual([
        'Syed Tariq Fatemi',
        'Haroon Akhtar Khan',
        'Alexei Overchuk',
      ]);
      expect(csvTable(rows, 'Decisions and their state')).toEqual([
        expect.objectContaining({
          Decision: 'Launch the pilot cargo train Uzbekistan–Pakistan–Russia',
          Due: '2025-08-31',
          Days: '30 days overdue',
          Initiative: 'UZ-PK-RU-RAIL',
          'State now': 'Overdue',
        }),
      ]);
      expect(csvTable(rows, 'Evidence').map((e) => e.Language)).toEqual(['Urdu', 'English']);
    });

    it("as known on a date: the demo meeting's decision is known from when it was recorded (11 July 2025), not from the seeding", async () => {
      const followup = async (knownAt: string) =>
        readCsv(
          (
            await file({
              kind: 'engagement_followup',
              params: { engagementId: ids.overchuk, asOf: '2025-09-30', knownAt },
              format: 'csv',
              language: 'en',
            })
          ).body,
        );
      // The meeting and its decisions were recorded together; a day later both are known.
      const known = await followup('2025-07-12T00:00:00Z');
      expect(csvFact(known, 'Decisions')).toBe('1');
      expect(csvTable(known, 'Decisions and their state').map((d) => d.Decision)).toEqual([
        'Launch the pilot cargo train Uzbekistan–Pakistan–Russia',
      ]);
      // The steel-mill agreement likewise: reported, and recorded, on 11 July 2025.
      const changes = async (knownAt: string) =>
        csvTable(
          readCsv(
            (
              await file({
                kind: 'changes',
                params: { from: '2025-05-01', to: '2025-07-31', knownAt },
                format: 'csv',
                language: 'en',
              })
            ).body,
          ),
          'New agreements',
        );
      expect(await changes('2025-07-01T00:00:00Z')).toEqual([]);
      expect((await changes('2025-08-01T00:00:00Z')).map((a) => a.Initiatives)).toEqual(['PK-RU-STEEL-KHI']);
    });

    it('done by the next session: the 10th IGC session reviews a decision of an earlier one', async () => {
      const igc10 = await t.prisma.engagement.findFirstOrThrow({ where: { sessionNumber: 10 } });
      const igc9 = await t.prisma.engagement.create({
        data: {
          titleEn: '9th session of the Pakistan–Russia Intergovernmental Commission',
          titleUr: 'پاکستان-روس بین الحکومتی کمیشن کا نواں اجلاس',
          format: 'igc_session',
          status: 'held',
          startDate: new Date('2024-06-10'),
          placeEn: 'Moscow',
          sessionNumber: 9,
          createdAt: new Date('2024-06-11'),
        },
      });
      await t.prisma.engagement.update({ where: { id: igc10.id }, data: { previousId: igc9.id } });
      await t.prisma.decision.create({
        data: {
          engagementId: igc9.id,
          textEn: 'Sign the steel-mill agreement',
          textUr: 'اسٹیل مل معاہدے پر دستخط',
          dueDate: new Date('2025-06-30'),
          initiativeId: ids.steel,
          state: 'done',
          reviewedAtId: igc10.id,
          reviewNoteEn: 'Signed on 13 May 2025',
          createdAt: new Date('2024-06-11'),
        },
      });
      const wb = await xlsx(
        (
          await file({
            kind: 'engagement_followup',
            params: { engagementId: igc9.id, asOf: '2025-09-30' },
            format: 'xlsx',
            language: 'en',
          })
        ).body,
      );
      const decisions = sheetTable(wb.getWorksheet('Decisions and their state')!, 'Decision');
      expect(decisions).toEqual([
        expect.objectContaining({
          Decision: 'Sign the steel-mill agreement',
          'State now': 'Done',
          'Reviewed at': expect.stringContaining('10th session'),
          'Review note': 'Signed on 13 May 2025',
          Days: null,
        }),
      ]);
      const meeting = sheetRows(wb.getWorksheet('The meeting')!);
      expect(meeting).toEqual(
        expect.arrayContaining([
          [
            'Followed up at',
            expect.stringContaining('10th session of the Pakistan–Russia Intergovernmental Commission'),
          ],
        ]),
      );
    });

    it('HTML in Urdu', async () => {
      const html = (
        await file({
          kind: 'engagement_followup',
          params: { engagementId: ids.overchuk, asOf: '2025-09-30' },
          format: 'html',
          language: 'ur',
        })
      ).body.toString('utf8');
      expect(html).toContain('اجلاس کے فیصلوں پر پیش رفت');
      expect(html).toContain('ازبکستان، پاکستان، روس پائلٹ کارگو ٹرین کا آغاز');
      expect(html).toContain('تاخیر شدہ');
    });

    pdfIt('PDF in Urdu', async () => {
      const text = pdfText(
        (
          await file({
            kind: 'engagement_followup',
            params: { engagementId: ids.overchuk, asOf: '2025-09-30' },
            format: 'pdf',
            language: 'ur',
          })
        ).body,
        'followup-ur',
      );
      expectPdfText(text, ['پائلٹ کارگو ٹرین', 'ماسکو', 'الیکسی اوورچک', 'UZ-PK-RU-RAIL', 'تاخیر شدہ']);
    });

    pdfIt(
      'PDF: a meeting title with quotes, backslashes and </style> is printed as typed in the page footer',
      async () => {
        const engagement = await t.prisma.engagement.findUniqueOrThrow({ where: { id: ids.overchuk } });
        const typed = 'Session "9" \\ </style><h1>x</h1> \\"';
        await t.prisma.engagement.update({ where: { id: ids.overchuk }, data: { titleEn: typed } });
        try {
          const text = pdfText(
            (
              await file({
                kind: 'engagement_followup',
                params: { engagementId: ids.overchuk, asOf: '2025-09-30' },
                format: 'pdf',
                language: 'en',
              })
            ).body,
            'followup-en',
          );
          // (pdftotext drops some spaces around the backslashes: compared without spaces.)
          expectPdfText(text, [`Meeting follow-up — ${typed} · Rabta · as known at`]);
          expect(text).toContain('Page 1 of');
        } finally {
          await t.prisma.engagement.update({ where: { id: ids.overchuk }, data: { titleEn: engagement.titleEn } });
        }
      },
    );
  });

  describe("what the analyst's day asked of reports", () => {
    it('XLSX: whole sheet names, the header row frozen and filtered, columns as wide as their contents', async () => {
      const wb = await xlsx(
        (
          await file({
            kind: 'portfolio',
            params: { asOf: '2025-09-30', from: '2025-08-15' },
            format: 'xlsx',
            language: 'en',
          })
        ).body,
      );
      const names = wb.worksheets.map((w) => w.name);
      // "What changed since the previous period" is longer than a sheet name may be: a short name, never a cut one.
      expect(names).toContain('Changes in the period');
      for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
      expect(names.filter((n) => n.endsWith('…'))).toEqual([]);
      const steel = wb.getWorksheet('Sector Steel')!;
      const rows = sheetRows(steel);
      const header = rows.findIndex((r) => r[0] === 'Code') + 1;
      expect(header).toBeGreaterThan(1);
      expect(steel.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
      expect(String(steel.autoFilter)).toMatch(new RegExp(`^A${header}:[A-Z]+${header + 1}$`));
      // The code column fits the code; a long text column is wider than a number column, and none is a mile wide.
      const col = (label: string) => steel.getColumn((rows[header - 1] as string[]).indexOf(label) + 1).width!;
      expect(col('Code')).toBeGreaterThanOrEqual('PK-RU-STEEL-KHI'.length);
      expect(col('Initiative')).toBeGreaterThan(col('Days to go'));
      for (let i = 1; i <= steel.columnCount; i++) expect(steel.getColumn(i).width).toBeLessThanOrEqual(60);
      // Facts above the tables: filtered table or not, nothing is frozen there.
      const summary = wb.getWorksheet('Executive summary')!;
      expect(summary.views[0]?.state ?? 'normal').not.toBe('frozen');
    });

    it('meeting follow-up: the participants with the titles they held at the meeting', async () => {
      const rows = readCsv(
        (
          await file({
            kind: 'engagement_followup',
            params: { engagementId: ids.overchuk, asOf: '2025-09-30' },
            format: 'csv',
            language: 'en',
          })
        ).body,
      );
      const participants = csvTable(rows, 'Participants');
      expect(participants.find((p) => p.Person === 'Alexei Overchuk')?.Position).toMatch(/^Deputy Prime Minister/);
      expect(participants.every((p) => p.Position !== '')).toBe(true);
    });

    it('initiative brief: a quote cited for the initiative and its status update is one evidence row naming both', async () => {
      const before = readCsv(
        (
          await file({
            kind: 'initiative',
            params: { initiativeId: ids.steel, asOf: '2025-07-31' },
            format: 'csv',
            language: 'en',
          })
        ).body,
      );
      const cited = await t.prisma.evidence.findFirstOrThrow({
        where: { initiativeId: ids.steel, statusUpdateId: { not: null }, source: { language: 'en' } },
      });
      // The same sentence cited again for the initiative itself.
      await t.prisma.evidence.create({
        data: { sourceId: cited.sourceId, quote: cited.quote, initiativeId: ids.steel, recordedAt: cited.recordedAt },
      });
      const rows = readCsv(
        (
          await file({
            kind: 'initiative',
            params: { initiativeId: ids.steel, asOf: '2025-07-31' },
            format: 'csv',
            language: 'en',
          })
        ).body,
      );
      const evidence = csvTable(rows, 'Evidence');
      expect(evidence).toHaveLength(csvTable(before, 'Evidence').length);
      const quoted = evidence.filter((e) => e.Quote === cited.quote);
      expect(quoted).toHaveLength(1);
      expect(quoted[0]['Evidence for'].split('; ').sort()).toEqual(['Initiative', 'Stage and health history']);
    });

    it('HTML in English: a publisher named in two scripts is isolated and reads in the order it is written', async () => {
      const html = (
        await file({
          kind: 'initiative',
          params: { initiativeId: ids.steel, asOf: '2025-07-31' },
          format: 'html',
          language: 'en',
        })
      ).body.toString('utf8');
      expect(html).toContain('<bdi dir="ltr">مشرق نامہ (Mashriq Nama)</bdi>');
    });

    it('portfolio without a period: the last 30 days, or back to the latest news when that is older', async () => {
      const recent = await generate(t, viewer.cookie, {
        kind: 'portfolio',
        params: { asOf: '2025-09-20' },
        format: 'csv',
        language: 'en',
      });
      // The rail link turned "at risk" on 1 September: within the 30 days.
      expect(recent.params).toMatchObject({ asOf: '2025-09-20', from: '2025-08-21' });
      const quiet = await generate(t, viewer.cookie, {
        kind: 'portfolio',
        params: { asOf: '2025-12-31' },
        format: 'csv',
        language: 'en',
      });
      // Nothing happened in December: the period reaches back to the latest news, and the report says so.
      expect(quiet.params).toMatchObject({ asOf: '2025-12-31', from: '2025-09-01' });
      const rows = readCsv((await download(t, viewer.cookie, quiet.id)).body);
      expect(csvFact(rows, 'Period')).toBe('1 September 2025 – 31 December 2025');
      expect(csvTable(rows, 'What changed since the previous period').map((c) => c.Code)).toEqual(['UZ-PK-RU-RAIL']);
      // A period asked for is kept, empty or not.
      const asked = await generate(t, viewer.cookie, {
        kind: 'portfolio',
        params: { asOf: '2025-12-31', from: '2025-12-01' },
        format: 'csv',
        language: 'en',
      });
      expect(asked.params).toMatchObject({ from: '2025-12-01' });
    });
  });
});
