import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { signedInUser, type SignedInUser } from '../../support/auth';
import { makeInitiative, sectorId } from '../../support/fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';

// Spreadsheet import against the real app and database: the export → Excel → import round trip, every kind of bad
// file, that a preview writes nothing, that a commit is all or nothing, scope, conflicts, the milestone ledger.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function xlsxOf(rows: unknown[][], edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  for (const r of rows) ws.addRow(r);
  edit?.(ws);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The body of a binary download (supertest buffers it). */
const binary = (res: { body: unknown }) => res.body as Buffer;

describe('spreadsheet import', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let energyAnalyst: SignedInUser;
  let steel: number;

  const upload = (user: SignedInUser, file: Buffer, name: string, fields: Record<string, string>) => {
    let req = t.http.post('/api/imports').set('Cookie', user.cookie).attach('file', file, name);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req;
  };
  const counts = async () => ({
    initiatives: await t.prisma.initiative.count(),
    milestones: await t.prisma.milestone.count(),
    people: await t.prisma.person.count(),
    ledger: await t.prisma.milestoneDateChange.count(),
    audit: await t.prisma.auditEvent.count({ where: { NOT: { entity: 'auth' } } }),
  });

  beforeAll(async () => {
    t = await startTestApp({ env: { IMPORT_MAX_MB: '2' } });
    admin = await signedInUser(t, { role: 'admin' });
    energyAnalyst = await signedInUser(t, { role: 'analyst', sectorCodes: ['energy'] });
    steel = await sectorId(t, 'steel');
    const energy = await sectorId(t, 'energy');
    for (const [code, sector] of [
      ['RT-STEEL', steel],
      ['RT-LPG', await sectorId(t, 'lpg')],
      ['RT-ENERGY', energy],
      ['RT-RAIL', await sectorId(t, 'rail')],
    ] as const)
      await makeInitiative(t, admin.cookie, { code, sectorIds: [sector], targetDate: '2026-12-31', tags: ['a', 'b'] });
  });
  afterAll(() => t.close());

  it('should round-trip the XLSX export: three cells changed in Excel are exactly three changes', async () => {
    const before = (
      await t.http.get('/api/initiatives').query({ range: '[0,99]' }).set('Cookie', admin.cookie).expect(200)
    ).body as Record<string, unknown>[];
    const exported = await t.http
      .get('/api/initiatives/export')
      .query({ format: 'xlsx' })
      .set('Cookie', admin.cookie)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(binary(exported) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as string[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const codes = new Map<string, number>();
    ws.eachRow((row, n) => n > 1 && codes.set(String(row.getCell(col('code')).value), n));
    ws.getRow(codes.get('RT-STEEL')!).getCell(col('titleEn')).value = 'Karachi steel mill (new)';
    ws.getRow(codes.get('RT-LPG')!).getCell(col('targetDate')).value = '2027-03-31';
    ws.getRow(codes.get('RT-ENERGY')!).getCell(col('priority')).value = 'critical';
    const edited = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);

    const preview = await upload(admin, edited, 'initiatives.xlsx', { resource: 'initiatives', mode: 'update' }).expect(
      201,
    );
    expect(preview.body).toMatchObject({
      status: 'previewed',
      rows: { create: 0, update: 3, unchanged: before.length - 3, error: 0 },
      errors: [],
    });
    expect(preview.body.mapping).toMatchObject({ code: 'code', titleEn: 'titleEn', sectorIds: 'sectorIds', id: null });
    // Per row: what it will do, to which record.
    const steel = before.find((b) => b.code === 'RT-STEEL')!;
    expect(preview.body.outcomes).toContainEqual({
      row: codes.get('RT-STEEL')! - 1,
      action: 'update',
      id: steel.id,
      label: 'RT-STEEL',
    });
    const commit = await t.http.post(`/api/imports/${preview.body.id}/commit`).set('Cookie', admin.cookie).expect(200);
    expect(commit.body).toEqual({ created: 0, updated: 3 });

    const after = (
      await t.http.get('/api/initiatives').query({ range: '[0,99]' }).set('Cookie', admin.cookie).expect(200)
    ).body as Record<string, unknown>[];
    const changes: string[] = [];
    for (const a of after) {
      const b = before.find((x) => x.id === a.id)!;
      for (const k of Object.keys(a))
        if (
          !['version', 'updatedAt', 'stale', 'lastEvidenceAt'].includes(k) &&
          JSON.stringify(a[k]) !== JSON.stringify(b[k])
        )
          changes.push(`${String(a.code)}.${k}=${JSON.stringify(a[k])}`);
    }
    expect(changes.sort()).toEqual([
      'RT-ENERGY.priority="critical"',
      'RT-LPG.targetDate="2027-03-31"',
      'RT-STEEL.titleEn="Karachi steel mill (new)"',
    ]);
    // One import event, then one per record.
    const audit = await t.prisma.auditEvent.findMany({
      where: { OR: [{ entity: 'imports' }, { entity: 'initiatives', action: 'update' }] },
      orderBy: { id: 'asc' },
      select: { action: true, entity: true, actorId: true, origin: true },
    });
    expect(audit.slice(-4).map((a) => `${a.entity}.${a.action} ${a.origin}`)).toEqual([
      'imports.import null',
      `initiatives.update import ${preview.body.id}`,
      `initiatives.update import ${preview.body.id}`,
      `initiatives.update import ${preview.body.id}`,
    ]);
    expect(audit.slice(-4).every((a) => a.actorId === admin.id)).toBe(true);

    // The result file lists each row's outcome.
    const result = await t.http
      .get(`/api/imports/${preview.body.id}/result`)
      .set('Cookie', admin.cookie)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('content-type', XLSX);
    const rb = new ExcelJS.Workbook();
    await rb.xlsx.load(binary(result) as unknown as ArrayBuffer);
    const outcomes: string[] = [];
    rb.worksheets[0].eachRow((row, n) => n > 1 && outcomes.push(String(row.getCell(1).value)));
    expect(outcomes.filter((o) => o === 'updated')).toHaveLength(3);

    // Committed once only.
    const again = await t.http.post(`/api/imports/${preview.body.id}/commit`).set('Cookie', admin.cookie).expect(409);
    expect(again.body.code).toBe('CONFLICT');
  });

  it('should write nothing on preview, and refuse to commit a preview with problems', async () => {
    const start = await counts();
    // Semicolon-separated UTF-16 as Excel's "Unicode text" in a locale with decimal commas writes it, Urdu headers.
    const csv = [
      'کوڈ;عنوان (انگریزی);شعبے;ممالک;ہدف کی تاریخ;فوکل پرسن',
      'IMP-1;First;Steel;PK;13/05/2026;',
      'IMP-2;Second;steal;"PK; RU";05/06/2026;Nobody Known',
      'IMP-1;Duplicate;energy;XX;2026-02-30;',
    ].join('\r\n');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    const res = await upload(admin, utf16, 'new.csv', { resource: 'initiatives', mode: 'create' }).expect(201);
    expect(res.body.columns).toEqual(['کوڈ', 'عنوان (انگریزی)', 'شعبے', 'ممالک', 'ہدف کی تاریخ', 'فوکل پرسن']);
    expect(Object.values(res.body.mapping)).toEqual([
      'code',
      'titleEn',
      'sectors',
      'countryCodes',
      'targetDate',
      'focalPerson',
    ]);
    // 13/05/2026 shows the file is day-first, so 05/06/2026 is 5 June.
    expect(res.body.dateFormat).toBe('DD/MM/YYYY');
    expect(res.body.rows).toEqual({ create: 1, update: 0, unchanged: 0, error: 2 });
    const problems = res.body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(problems).toEqual(expect.arrayContaining(['2:شعبے', '2:فوکل پرسن', '3:کوڈ', '3:ممالک', '3:ہدف کی تاریخ']));
    const steal = res.body.errors.find((e: { column: string }) => e.column === 'شعبے');
    // Each problem in English, and by a stable key with its params for a client to say in its language.
    expect(steal).toMatchObject({
      row: 2,
      suggestion: 'Steel',
      message: 'Unknown sector "steal": did you mean "Steel"?',
      key: 'import.unknown_sector_suggest',
      params: { name: 'steal', suggestion: 'Steel' },
    });
    expect(res.body.errors.find((e: { column: string }) => e.column === 'کوڈ')).toMatchObject({
      row: 3,
      key: 'import.duplicate',
      params: { value: 'IMP-1', first: 1 },
    });
    expect(await counts()).toEqual(start);

    const refused = await t.http.post(`/api/imports/${res.body.id}/commit`).set('Cookie', admin.cookie).expect(422);
    expect(refused.body.code).toBe('UNPROCESSABLE');
    expect(await counts()).toEqual(start);

    // The preview file: each row's outcome and problems beside the file's own cells.
    const previewFile = await t.http
      .get(`/api/imports/${res.body.id}/result`)
      .set('Cookie', admin.cookie)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const pb = new ExcelJS.Workbook();
    await pb.xlsx.load(binary(previewFile) as unknown as ArrayBuffer);
    const lines = pb.worksheets[0].getSheetValues().slice(1) as unknown[][];
    expect(lines.map((l) => [l[1], l[4]])).toEqual([
      ['Preview', 'کوڈ'],
      ['create', 'IMP-1'],
      ['error', 'IMP-2'],
      ['error', 'IMP-1'],
    ]);
    expect(String(lines[2][3])).toContain('شعبے: Unknown sector "steal": did you mean "Steel"?');

    // Fixed, and the unknown person created on commit.
    const fixed = csv.replace('steal', 'Steel').replace('\r\nIMP-1;Duplicate;energy;XX;2026-02-30;', '');
    const ok = await upload(admin, Buffer.from(`\uFEFF${fixed}`), 'new.csv', {
      resource: 'initiatives',
      mode: 'create',
      unknownPeople: 'create',
    }).expect(201);
    expect(ok.body).toMatchObject({ rows: { create: 2, error: 0 }, newPeople: ['Nobody Known'] });
    await t.http
      .post(`/api/imports/${ok.body.id}/commit`)
      .set('Cookie', admin.cookie)
      .expect(200, { created: 2, updated: 0 });
    const second = await t.prisma.initiative.findUniqueOrThrow({
      where: { code: 'IMP-2' },
      include: { focalPerson: true, countries: true },
    });
    expect(second.targetDate?.toISOString().slice(0, 10)).toBe('2026-06-05');
    expect(second.focalPerson?.nameEn).toBe('Nobody Known');
    expect(second.countries.map((c) => c.countryCode).sort()).toEqual(['PK', 'RU']);
  });

  it('should commit all or nothing: a failure on the last row leaves no row written', async () => {
    const start = await counts();
    const file = await xlsxOf([
      ['Code', 'Title (English)', 'Sectors', 'Countries', 'Start date'],
      ['ATOM-1', 'One', 'energy', 'PK', new Date(Date.UTC(2025, 0, 15))],
      ['ATOM-2', 'Two', 'energy', 'PK', new Date(Date.UTC(2025, 0, 16))],
      ['ATOM-BOOM', 'Three', 'energy', 'PK', '2025-01-17'],
    ]);
    const res = await upload(admin, file, 'atomic.xlsx', { resource: 'initiatives', mode: 'create' }).expect(201);
    expect(res.body.rows).toMatchObject({ create: 3, error: 0 });
    // The database refuses the third insert (a trigger standing for any failure in the middle of a commit).
    await t.prisma.$executeRawUnsafe(`CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN
        IF NEW.code = 'ATOM-BOOM' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await t.prisma.$executeRawUnsafe(
      `CREATE TRIGGER boom BEFORE INSERT ON initiatives FOR EACH ROW EXECUTE FUNCTION boom()`,
    );
    try {
      const failed = await t.http.post(`/api/imports/${res.body.id}/commit`).set('Cookie', admin.cookie);
      expect(failed.status).toBeGreaterThanOrEqual(400);
    } finally {
      await t.prisma.$executeRawUnsafe('DROP TRIGGER boom ON initiatives');
      await t.prisma.$executeRawUnsafe('DROP FUNCTION boom()');
    }
    expect(await counts()).toEqual(start);
    expect(await t.prisma.import.findUniqueOrThrow({ where: { id: res.body.id } })).toMatchObject({
      status: 'previewed',
    });
    // The same preview commits once the cause is gone; the Excel date cells were read as dates.
    await t.http
      .post(`/api/imports/${res.body.id}/commit`)
      .set('Cookie', admin.cookie)
      .expect(200, { created: 3, updated: 0 });
    const one = await t.prisma.initiative.findUniqueOrThrow({ where: { code: 'ATOM-1' } });
    expect(one.startDate?.toISOString().slice(0, 10)).toBe('2025-01-15');
  });

  it('should keep analysts in their sectors: no import into another sector’s initiative', async () => {
    const file = await xlsxOf([
      ['code', 'titleEn', 'sectors', 'countryCodes'],
      ['RT-STEEL', 'Renamed by an energy analyst', 'steel', 'PK; RU'],
      ['SCOPE-NEW', 'New steel initiative', 'steel', 'PK'],
      ['SCOPE-OK', 'New energy initiative', 'energy', 'PK'],
    ]);
    const res = await upload(energyAnalyst, file, 'scope.xlsx', { resource: 'initiatives', mode: 'upsert' }).expect(
      201,
    );
    expect(res.body.rows).toMatchObject({ create: 1, update: 0, error: 2 });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 1, column: 'code', message: expect.stringContaining('outside your scope') }),
        expect.objectContaining({
          row: 2,
          column: 'sectors',
          message: expect.stringContaining('Outside your sector scope'),
        }),
      ]),
    );
    await t.http.post(`/api/imports/${res.body.id}/commit`).set('Cookie', energyAnalyst.cookie).expect(422);
    expect(await t.prisma.initiative.findUnique({ where: { code: 'SCOPE-OK' } })).toBeNull();
    // Someone else's import is not there for an analyst; viewers cannot import.
    await t.http.get(`/api/imports/${res.body.id}`).set('Cookie', admin.cookie).expect(200);
    const other = await signedInUser(t, { role: 'analyst', sectorCodes: ['energy'] });
    await t.http.get(`/api/imports/${res.body.id}`).set('Cookie', other.cookie).expect(404);
    await t.http.post(`/api/imports/${res.body.id}/commit`).set('Cookie', other.cookie).expect(404);
    const viewer = await signedInUser(t, { role: 'viewer' });
    await upload(viewer, file, 'scope.xlsx', { resource: 'initiatives', mode: 'upsert' }).expect(403);
  });

  it('should list rows changed in Rabta since the export as conflicts', async () => {
    const made = await makeInitiative(t, admin.cookie, { code: 'CONFLICT-1', sectorIds: [steel] });
    const file = await xlsxOf([
      ['code', 'titleEn', 'version'],
      ['CONFLICT-1', 'My edit', made.version],
    ]);
    await t.http
      .put(`/api/initiatives/${made.id}`)
      .set('Cookie', admin.cookie)
      .send({ titleEn: 'Their edit', version: made.version })
      .expect(200);
    const res = await upload(admin, file, 'stale.xlsx', { resource: 'initiatives', mode: 'update' }).expect(201);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        row: 1,
        column: 'version',
        kind: 'conflict',
        message: expect.stringContaining('since this file was exported'),
      }),
    ]);

    // Changed after the preview: the commit writes what was previewed, or nothing.
    const previewed = await upload(
      admin,
      await xlsxOf([
        ['code', 'titleEn'],
        ['CONFLICT-1', 'Mine'],
      ]),
      'mine.xlsx',
      { resource: 'initiatives', mode: 'update' },
    ).expect(201);
    expect(previewed.body.rows).toMatchObject({ update: 1, error: 0 });
    await t.http
      .put(`/api/initiatives/${made.id}`)
      .set('Cookie', admin.cookie)
      .send({ titleEn: 'Theirs', version: made.version + 1 })
      .expect(200);
    const refused = await t.http
      .post(`/api/imports/${previewed.body.id}/commit`)
      .set('Cookie', admin.cookie)
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'VERSION_CONFLICT',
      message: expect.stringMatching(/^Row 1: .*nothing was written/),
    });
    expect((await t.prisma.initiative.findUniqueOrThrow({ where: { id: made.id } })).titleEn).toBe('Theirs');
  });

  it('should import milestones with their planned dates in the ledger, citing the file', async () => {
    const initiative = await makeInitiative(t, admin.cookie, { code: 'MS-HOST', sectorIds: [steel] });
    const file = await xlsxOf([
      ['Initiative code', 'Title (English)', 'Planned date', 'State', 'Date announced'],
      ['MS-HOST', 'Pilot train', '2025-08-31', 'planned', '2025-07-10'],
      ['MS-HOST', 'Second train', new Date(Date.UTC(2025, 9, 1)), 'Planned', ''],
    ]);
    const res = await upload(admin, file, 'milestones.xlsx', { resource: 'milestones', mode: 'upsert' }).expect(201);
    expect(res.body).toMatchObject({ rows: { create: 2, error: 0 }, errors: [] });
    await t.http
      .post(`/api/imports/${res.body.id}/commit`)
      .set('Cookie', admin.cookie)
      .expect(200, { created: 2, updated: 0 });
    const ledger = await t.prisma.milestoneDateChange.findMany({
      where: { milestone: { initiativeId: initiative.id } },
      include: { source: true },
      orderBy: { newDate: 'asc' },
    });
    expect(ledger.map((l) => l.newDate?.toISOString().slice(0, 10))).toEqual(['2025-08-31', '2025-10-01']);
    expect(ledger[0].announcedOn.toISOString().slice(0, 10)).toBe('2025-07-10');
    expect(ledger[0].source).toMatchObject({ kind: 'document', title: `milestones.xlsx (import ${res.body.id})` });
    expect(ledger[1].sourceId).toBe(ledger[0].sourceId);
    // The same file again with a new date for one milestone: one update, one unchanged, one more ledger entry.
    const moved = await xlsxOf([
      ['Initiative code', 'Title (English)', 'Planned date'],
      ['MS-HOST', 'Pilot train', '2025-09-15'],
      ['MS-HOST', 'Second train', '2025-10-01'],
    ]);
    const again = await upload(admin, moved, 'milestones-2.xlsx', { resource: 'milestones', mode: 'update' }).expect(
      201,
    );
    expect(again.body.rows).toMatchObject({ update: 1, unchanged: 1, error: 0 });
    await t.http
      .post(`/api/imports/${again.body.id}/commit`)
      .set('Cookie', admin.cookie)
      .expect(200, { created: 0, updated: 1 });
    expect(await t.prisma.milestoneDateChange.count({ where: { milestone: { initiativeId: initiative.id } } })).toBe(3);
  });

  it('should import organisations: new and changed by name, kinds in Urdu, parents by name, audited', async () => {
    const parent = await t.prisma.organization.create({ data: { nameEn: 'Ministry of Imports', kind: 'ministry' } });
    const known = await t.prisma.organization.create({
      data: { nameEn: 'Import Steel Works', kind: 'company', acronym: 'ISW' },
    });
    const file = await xlsxOf([
      ['Name (English)', 'Acronym', 'قسم', 'Country', 'Parent organisation'],
      ['Imports Directorate', 'ID', 'سرکاری ادارہ', 'PK', 'ministry of imports'],
      ['Import Steel Works', 'ISWL', 'Company', 'PK', ''],
    ]);
    const { _max } = await t.prisma.auditEvent.aggregate({ _max: { id: true } });
    // The British spelling of the resource is the same resource.
    const res = await upload(admin, file, 'orgs.xlsx', { resource: 'organisations', mode: 'upsert' }).expect(201);
    expect(res.body).toMatchObject({ resource: 'organizations', rows: { create: 1, update: 1, error: 0 } });
    await t.http
      .post(`/api/imports/${res.body.id}/commit`)
      .set('Cookie', admin.cookie)
      .expect(200, { created: 1, updated: 1 });
    expect(await t.prisma.organization.findFirstOrThrow({ where: { nameEn: 'Imports Directorate' } })).toMatchObject({
      kind: 'government_agency',
      countryCode: 'PK',
      parentId: parent.id,
    });
    expect(await t.prisma.organization.findUniqueOrThrow({ where: { id: known.id } })).toMatchObject({
      acronym: 'ISWL',
      countryCode: 'PK',
      version: known.version + 1,
    });
    // One import event, then one per record, each naming the import it came through.
    const events = await t.prisma.auditEvent.findMany({ where: { id: { gt: _max.id ?? 0 } }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.entity, e.origin])).toEqual([
      ['imports', null],
      ['organizations', `import ${res.body.id}`],
      ['organizations', `import ${res.body.id}`],
    ]);
  });

  it('should read formulas by their saved values and never run them', async () => {
    const file = await xlsxOf(
      [
        ['nameEn', 'countryCode'],
        ['Formula Person', 'PK'],
        ['Unsaved', 'PK'],
      ],
      (ws) => {
        ws.getCell('A2').value = {
          formula: 'CONCAT("Formula ","Person")',
          result: 'Formula Person',
        } as ExcelJS.CellValue;
        ws.getCell('B3').value = { formula: 'LEFT("PKX",2)' } as ExcelJS.CellValue;
      },
    );
    const res = await upload(admin, file, 'people.xlsx', { resource: 'people', mode: 'create' }).expect(201);
    expect(res.body.rows).toMatchObject({ create: 1, error: 1 });
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'countryCode', message: expect.stringContaining('formula') }),
    ]);
  });

  describe('bad files get a clear answer and write nothing', () => {
    let start: Awaited<ReturnType<typeof counts>>;
    beforeAll(async () => {
      start = await counts();
    });
    afterAll(async () => {
      expect(await counts()).toEqual(start);
    });
    const fields = { resource: 'initiatives', mode: 'create' };

    it('should refuse what is not a spreadsheet', async () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
      const res = await upload(admin, png, 'photo.csv', fields).expect(415);
      expect(res.body).toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: expect.stringContaining('not a spreadsheet'),
        // The API's error shape, with the message's key and params for a client to translate.
        key: 'import.file_binary',
        params: {},
      });
      const pdf = await upload(admin, Buffer.from('%PDF-1.7\n'), 'x.xlsx', fields).expect(415);
      expect(pdf.body.message).toContain('PDF');
      const xls = Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex');
      expect((await upload(admin, xls, 'old.xls', fields).expect(415)).body.message).toContain('.xls');
      await t.http.post('/api/imports').set('Cookie', admin.cookie).send({ resource: 'initiatives' }).expect(415);
    });

    it('should refuse an empty file and a header without rows', async () => {
      expect((await upload(admin, Buffer.alloc(0), 'empty.csv', fields).expect(422)).body.message).toContain('no data');
      const header = await upload(admin, Buffer.from('code,titleEn\r\n'), 'h.csv', fields).expect(422);
      expect(header.body.message).toContain('no data rows');
    });

    it('should read Excel’s plain CSV (Windows-1252) and say that Urdu would not survive it', async () => {
      // "Café Ñ" in Windows-1252: é and Ñ are single bytes that are not UTF-8.
      const cp1252 = Buffer.concat([Buffer.from('code,titleEn\r\nW-1,Caf'), Buffer.from([0xe9, 0x20, 0xd1])]);
      const res = await upload(admin, cp1252, 'plain.csv', fields).expect(201);
      expect(res.body.outcomes[0]).toMatchObject({ label: 'W-1' });
      expect(res.body.warnings).toEqual([
        expect.objectContaining({ key: 'import.not_utf8', params: {}, message: expect.stringContaining('CSV UTF-8') }),
      ]);
    });

    it('should refuse a file over the size limit with 413', async () => {
      const big = Buffer.alloc(2 * 1024 * 1024 + 10, 'a');
      const res = await upload(admin, big, 'big.csv', fields).expect(413);
      expect(res.body).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        message: expect.stringContaining('2 MB'),
        key: 'import.file_too_large',
        params: { mb: 2 },
      });
    });

    it('should refuse merged header cells', async () => {
      const file = await xlsxOf(
        [
          ['Code', 'Title', ''],
          ['M-1', 'x', 'y'],
        ],
        (ws) => ws.mergeCells('B1:C1'),
      );
      const res = await upload(admin, file, 'merged.xlsx', fields).expect(422);
      expect(res.body.message).toContain('merged cells (B1:C1)');
    });

    it('should refuse 100,000 rows at once, quickly', async () => {
      const lines = ['code,titleEn'];
      for (let i = 0; i < 100_000; i++) lines.push(`R${i},T`);
      const res = await upload(admin, Buffer.from(lines.join('\n')), 'huge.csv', fields).expect(413);
      expect(res.body.message).toMatch(/100,000 data rows; one import takes at most 20,000/);
      // A workbook says how many rows its sheet has before any of them is read.
      const zip = await JSZip.loadAsync(
        await xlsxOf([
          ['code', 'titleEn'],
          ['R1', 'T'],
        ]),
      );
      const sheet = 'xl/worksheets/sheet1.xml';
      const xml = await zip.file(sheet)!.async('string');
      expect(xml).toMatch(/<dimension ref="A1:B2"/);
      zip.file(sheet, xml.replace('<dimension ref="A1:B2"', '<dimension ref="A1:B100001"'));
      const book = await zip.generateAsync({ type: 'nodebuffer' });
      const xlsx = await upload(admin, book, 'huge.xlsx', fields).expect(413);
      expect(xlsx.body.message).toMatch(/100,000 data rows/);
    });

    it('should name a bad choice of resource, mode, mapping or sheet', async () => {
      const csv = Buffer.from('code,titleEn\r\nA-1,x\r\n');
      const bad = await upload(admin, csv, 'a.csv', { resource: 'users', mode: 'merge' }).expect(400);
      expect(Object.keys(bad.body.errors)).toEqual(expect.arrayContaining(['resource', 'mode']));
      const mapping = await upload(admin, csv, 'a.csv', { ...fields, mapping: '{"nope":"code"}' }).expect(400);
      expect(mapping.body.errors).toHaveProperty(['mapping.nope']);
      const xlsx = await xlsxOf([['code'], ['A']]);
      const sheet = await upload(admin, xlsx, 'a.xlsx', { ...fields, sheet: 'Other' }).expect(422);
      expect(sheet.body.message).toContain('no sheet "Other"');
    });
  });

  it('should hand out a template per resource: English headers, Urdu below, lists on enum columns', async () => {
    const res = await t.http
      .get('/api/imports/templates/initiatives')
      .set('Cookie', admin.cookie)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(binary(res) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const en = (ws.getRow(1).values as string[]).slice(1);
    const ur = (ws.getRow(2).values as string[]).slice(1);
    expect(en.slice(0, 2)).toEqual(['Code', 'Title (English)']);
    expect(ur.slice(0, 2)).toEqual(['کوڈ', 'عنوان (انگریزی)']);
    const stageCol = en.indexOf('Stage') + 1;
    expect(ws.getRow(3).getCell(stageCol).dataValidation).toMatchObject({ type: 'list' });
    // A filled-in template imports as it is (the Urdu header line is not data).
    ws.getRow(3).values = ['TPL-1', 'From the template'];
    ws.getRow(3).getCell(en.indexOf('Sectors') + 1).value = 'hydropower';
    ws.getRow(3).getCell(en.indexOf('Countries') + 1).value = 'PK';
    ws.getRow(3).getCell(stageCol).value = 'mou_signed';
    const filled = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const preview = await upload(admin, filled, 'tpl.xlsx', { resource: 'initiatives', mode: 'create' }).expect(201);
    expect(preview.body).toMatchObject({ rows: { create: 1, error: 0 }, errors: [] });
    await t.http.get('/api/imports/templates/users').set('Cookie', admin.cookie).expect(404);

    // The other resources' templates: the same two header lines, a list on each enum column.
    for (const [resource, first, enumHeader] of [
      ['milestones', ['Initiative code', 'اقدام کا کوڈ'], 'State'],
      ['people', ['Name (English)', 'نام (انگریزی)'], undefined],
      ['organizations', ['Name (English)', 'نام (انگریزی)'], 'Kind'],
    ] as const) {
      const file = await t.http
        .get(`/api/imports/templates/${resource}`)
        .set('Cookie', admin.cookie)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(binary(file) as unknown as ArrayBuffer);
      const sheet = book.worksheets[0];
      const headers = (sheet.getRow(1).values as string[]).slice(1);
      expect([headers[0], (sheet.getRow(2).values as string[])[1]]).toEqual(first);
      if (enumHeader)
        expect(sheet.getRow(3).getCell(headers.indexOf(enumHeader) + 1).dataValidation).toMatchObject({
          type: 'list',
        });
    }
  });
});
