import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IATI_ACTIVITY_STATUS } from '@rabta/domain';
import { create } from 'xmlbuilder2';
import { validateXML } from 'xmllint-wasm';
import { signedInUser, type SignedInUser } from '../../support/auth';
import { sectorId } from '../../support/fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';

// The IATI export on the demo portfolio, validated against the official IATI 2.03 schema (tests/fixtures/iati-2.03)
// with libxml2 in WebAssembly, and read back for the mapping tables (docs/iati.md).

const SCHEMA_DIR = join(__dirname, '..', '..', 'fixtures', 'iati-2.03');
const schemaFile = (name: string) => ({ fileName: name, contents: readFileSync(join(SCHEMA_DIR, name), 'utf8') });

async function validate(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const result = await validateXML({
    xml: [{ fileName: 'activities.xml', contents: xml }],
    schema: [schemaFile('iati-activities-schema.xsd')],
    preload: [schemaFile('iati-common.xsd'), schemaFile('xml.xsd')],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

type Node = Record<string, unknown>;
const list = (v: unknown): Node[] => (v === undefined ? [] : Array.isArray(v) ? (v as Node[]) : [v as Node]);

/** The activities of a document, as objects (attributes prefixed with @, text as #). */
function activities(xml: string): Node[] {
  const doc = create(xml).end({ format: 'object' }) as { 'iati-activities': { 'iati-activity': unknown } };
  return list(doc['iati-activities']['iati-activity']);
}
const narrativesOf = (el: unknown) =>
  list((el as Node | undefined)?.narrative).map((n) =>
    typeof n === 'string' ? { text: n } : { text: String(n['#']), lang: n['@xml:lang'] as string | undefined },
  );

describe('IATI 2.03 export', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let viewer: SignedInUser;
  const get = (query: Record<string, string> = {}, cookie = viewer.cookie) =>
    t.http.get('/api/iati/activities.xml').query(query).set('Cookie', cookie).buffer(true);

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    admin = await signedInUser(t, { role: 'admin' });
    viewer = await signedInUser(t, { role: 'viewer' });
  });
  afterAll(() => t.close());

  it('should write one valid iati-activity per initiative, for every signed-in role', async () => {
    await t.http
      .put('/api/iati/settings')
      .set('Cookie', admin.cookie)
      .send({ reportingOrgRef: 'PK-GOV-MOFA', reportingOrgName: 'Ministry of Foreign Affairs' })
      .expect(200);
    const res = await get()
      .expect(200)
      .expect('content-type', /application\/xml/);
    const { valid, errors } = await validate(res.text);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
    // The validator does refuse what the schema forbids: an activity without its status.
    const broken = await validate(res.text.replace(/<activity-status [^>]*\/>/, ''));
    expect(broken.valid).toBe(false);
    const all = activities(res.text);
    const total = await t.prisma.initiative.count({ where: { archivedAt: null } });
    expect(all).toHaveLength(total);
    const steel = all.find((a) => a['iati-identifier'] === 'PK-GOV-MOFA-PK-RU-STEEL-KHI')!;
    expect(steel).toBeDefined();
    expect(steel['@xml:lang']).toBe('en');
    expect(narrativesOf(steel.title)).toEqual([
      { text: 'New steel mill in Karachi' },
      { text: 'کراچی میں نئی اسٹیل مل', lang: 'ur' },
    ]);
    expect(narrativesOf(steel['reporting-org'])).toEqual([{ text: 'Ministry of Foreign Affairs' }]);
    expect(list(steel['activity-date']).length).toBeGreaterThan(0);
    expect(steel['@last-updated-datetime']).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Sources and agreements as document links; initiatives sharing an agreement as related activities.
    const links = list(steel['document-link']);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => /^https?:\/\//.test(String(l['@url'])))).toBe(true);
    await get({}, admin.cookie).expect(200);
    const analyst = await signedInUser(t, { role: 'analyst', sectorCodes: ['energy'] });
    await get({}, analyst.cookie).expect(200);
    await t.http.get('/api/iati/activities.xml').expect(401);
  });

  it('should take the initiatives list filter, and say so when nothing or something wrong is asked', async () => {
    const hydro = await sectorId(t, 'hydropower');
    const res = await get({ filter: JSON.stringify({ sectorId: hydro }) }).expect(200);
    expect(activities(res.text).map((a) => a['iati-identifier'])).toEqual(['PK-GOV-MOFA-PK-RU-HYDRO']);
    await get({ filter: JSON.stringify({ q: 'no such initiative anywhere' }) }).expect(404);
    const bad = await get({ filter: JSON.stringify({ nope: 1 }) }).expect(400);
    expect(bad.body.code).toBeDefined();
  });

  it('should map each stage to its activity status (the documented table)', async () => {
    const res = await get().expect(200);
    const rows = await t.prisma.initiative.findMany({ select: { code: true, stage: true } });
    for (const a of activities(res.text)) {
      const code = String(a['iati-identifier']).replace('PK-GOV-MOFA-', '');
      const stage = rows.find((r) => r.code === code)!.stage;
      expect((a['activity-status'] as Node)['@code']).toBe(String(IATI_ACTIVITY_STATUS[stage]));
    }
  });

  it('should report each sector under its DAC 5-digit code, which admins change on the sector', async () => {
    const hydro = await t.prisma.sector.findUniqueOrThrow({ where: { code: 'hydropower' } });
    expect(hydro.dacCode).toBe('23220');
    const sectorsOf = async () =>
      list(activities((await get({ filter: JSON.stringify({ sectorId: hydro.id }) }).expect(200)).text)[0].sector);
    expect((await sectorsOf()).map((s) => [s['@vocabulary'], s['@code'], s['@percentage']])).toEqual([
      ['1', '23220', '100'],
    ]);
    const viewerTry = await t.http
      .put(`/api/sectors/${hydro.id}`)
      .set('Cookie', viewer.cookie)
      .send({ dacCode: '23210', version: hydro.version });
    expect(viewerTry.status).toBe(403);
    const bad = await t.http
      .put(`/api/sectors/${hydro.id}`)
      .set('Cookie', admin.cookie)
      .send({ dacCode: '2322', version: hydro.version })
      .expect(400);
    expect(bad.body.errors.dacCode).toContain('DAC 5-digit');
    await t.http
      .put(`/api/sectors/${hydro.id}`)
      .set('Cookie', admin.cookie)
      .send({ dacCode: '23210', version: hydro.version })
      .expect(200);
    expect((await sectorsOf())[0]['@code']).toBe('23210');
    // Without a DAC code a sector is reported in the organisation's own vocabulary, and the document stays valid.
    await t.http
      .put(`/api/sectors/${hydro.id}`)
      .set('Cookie', admin.cookie)
      .send({ dacCode: '', version: hydro.version + 1 })
      .expect(200);
    const own = await get({ filter: JSON.stringify({ sectorId: hydro.id }) }).expect(200);
    expect(list(activities(own.text)[0].sector).map((s) => [s['@vocabulary'], s['@code']])).toEqual([
      ['99', 'hydropower'],
    ]);
    expect((await validate(own.text)).valid).toBe(true);
  });

  it('should name the participating governments and organisations with their roles, and the recipient countries', async () => {
    const res = await get({ filter: JSON.stringify({ q: 'UZ-PK-RU-RAIL' }) }).expect(200);
    const [rail] = activities(res.text);
    const orgs = list(rail['participating-org']).map((o) => [o['@role'], narrativesOf(o)[0].text]);
    expect(orgs).toEqual(expect.arrayContaining([[expect.stringMatching(/^[124]$/), 'Government of Pakistan']]));
    // No host: the three partner countries share the activity.
    const recipients = list(rail['recipient-country']);
    expect(recipients.map((r) => [r['@code'], r['@percentage']])).toEqual([
      ['PK', '34'],
      ['RU', '33'],
      ['UZ', '33'],
    ]);
  });
});
