import { readFileSync } from 'node:fs';
import { MIGRATIONS_DIR, migrate, silentLogger } from '@rabta/db';
import { DOMAIN_ENUMS } from '@rabta/domain';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import {
  compareSchemas,
  expectedSchema,
  readDatabaseSchema,
  readDmmf,
  SCHEMA_FILE,
  type Schema,
} from './schema-compare';

// The migrations are hand-maintained SQL (Prisma's engine cannot run here), so this suite is what keeps them equal
// to prisma/schema.prisma: a fresh database migrated from prisma/migrations is compared, table by table, with the
// datamodel of Prisma's DMMF. Hand-written SQL that drifts fails here.

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('the migrated database and prisma/schema.prisma', () => {
  const schemaText = readFileSync(SCHEMA_FILE, 'utf8');
  const dmmf = readDmmf(schemaText);
  const { schema: expected, problems } = expectedSchema(dmmf);
  let db: TestDatabase;
  let actual: Schema;

  beforeAll(async () => {
    // An empty database, migrated here from the files: not the shared template, which another step prepared.
    db = await createTestDatabase({ empty: true });
    const result = await migrate(db.url, MIGRATIONS_DIR, silentLogger);
    expect(result.applied.length).toBeGreaterThan(0);
    actual = await withClient(db.url, readDatabaseSchema);
  });
  afterAll(() => db?.drop());

  it('should be able to express every part of schema.prisma in the comparison', () => {
    expect(problems).toEqual([]);
  });

  it('should have no difference: tables, columns, types, nullability, defaults, enums, indexes, foreign keys', () => {
    expect(compareSchemas(expected, actual)).toEqual([]);
  });

  it('should compare a non-trivial schema (every model, its fields and relations are in the expectation)', () => {
    expect(expected.tables.size).toBe(dmmf.datamodel.models.length);
    expect(expected.tables.size).toBeGreaterThanOrEqual(30);
    const scalarFields = dmmf.datamodel.models.flatMap((m) => m.fields.filter((f) => f.kind !== 'object'));
    const columns = [...expected.tables.values()].reduce((n, t) => n + t.columns.size, 0);
    expect(columns).toBe(scalarFields.length);
    const relations = dmmf.datamodel.models.flatMap((m) => m.fields.filter((f) => f.relationFromFields?.length));
    expect([...expected.tables.values()].reduce((n, t) => n + t.foreignKeys.size, 0)).toBe(relations.length);
    expect(expected.enums.size).toBe(dmmf.datamodel.enums.length);
  });

  it('should map the native types, defaults and indexes as Prisma does (spot checks of the expectation itself)', () => {
    const initiatives = expected.tables.get('initiatives')!;
    expect(initiatives.columns.get('estimated_value')).toEqual({
      type: 'numeric(18,2)',
      nullable: true,
      default: null,
    });
    expect(initiatives.columns.get('start_date')).toEqual({ type: 'date', nullable: true, default: null });
    expect(initiatives.columns.get('currency')).toEqual({ type: 'character(3)', nullable: true, default: null });
    expect(initiatives.columns.get('tags')).toEqual({ type: 'text[]', nullable: true, default: 'ARRAY[]::text[]' });
    expect(initiatives.columns.get('stage')).toEqual({
      type: 'initiative_stage',
      nullable: false,
      default: "'announced'::initiative_stage",
    });
    expect(initiatives.columns.get('created_at')).toEqual({
      type: 'timestamp(3) with time zone',
      nullable: false,
      default: 'CURRENT_TIMESTAMP',
    });
    expect(initiatives.columns.get('updated_at')).toEqual({
      type: 'timestamp(3) with time zone',
      nullable: false,
      default: null,
    });
    expect(initiatives.columns.get('id')).toEqual({
      type: 'integer',
      nullable: false,
      default: "nextval('initiatives_id_seq'::regclass)",
    });
    expect(initiatives.indexes.get('initiatives_search_text_trgm_idx')).toEqual({
      columns: ['search_text'],
      unique: false,
      primary: false,
      method: 'gin',
      opclasses: ['gin_trgm_ops'],
      orders: ['ASC'],
    });
    expect(initiatives.indexes.get('initiatives_code_key')).toMatchObject({ columns: ['code'], unique: true });
    expect(initiatives.indexes.get('initiatives_updated_at_id_idx')).toMatchObject({
      columns: ['updated_at', 'id'],
      unique: false,
    });
    expect(initiatives.foreignKeys.get('initiatives_focal_person_id_fkey')).toEqual({
      columns: ['focal_person_id'],
      refTable: 'people',
      refColumns: ['id'],
      onDelete: 'SetNull',
      onUpdate: 'Cascade',
    });
    expect(expected.tables.get('countries')!.columns.get('code')).toEqual({
      type: 'character(2)',
      nullable: false,
      default: null,
    });
    expect(expected.tables.get('audit_events')!.columns.get('id')!.type).toBe('bigint');
    expect(expected.tables.get('saved_views')!.columns.get('filter')).toEqual({
      type: 'jsonb',
      nullable: false,
      default: "'{}'::jsonb",
    });
    expect(expected.tables.get('initiative_sectors')!.indexes.get('initiative_sectors_pkey')).toMatchObject({
      columns: ['initiative_id', 'sector_id'],
      primary: true,
    });
    expect(
      expected.tables
        .get('agreement_parties')!
        .indexes.get('agreement_parties_agreement_id_country_code_organization_id_key'),
    ).toMatchObject({
      unique: true,
      columns: ['agreement_id', 'country_code', 'organization_id'],
    });
    // Every trigram index of the schema, by name and column.
    const trigram = [...expected.tables].flatMap(([t, tab]) =>
      [...tab.indexes]
        .filter(([, i]) => i.opclasses.includes('gin_trgm_ops'))
        .map(([n, i]) => `${t}.${n}(${i.columns})`),
    );
    expect(trigram.sort()).toEqual(
      ['agreements', 'engagements', 'initiatives', 'milestones', 'organizations', 'people', 'sources'].map(
        (t) => `${t}.${t}_search_text_trgm_idx(search_text)`,
      ),
    );
  });

  it("should keep packages/domain's DOMAIN_ENUMS equal to the schema's enums, values in order", () => {
    const fromSchema = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
    const fromDomain = Object.fromEntries(Object.entries(DOMAIN_ENUMS).map(([k, v]) => [k, [...v]]));
    expect(fromDomain).toEqual(fromSchema);
  });

  describe('when the database drifts', () => {
    let copy: TestDatabase;
    afterEach(() => copy?.drop());

    it('should report each hand-written change that schema.prisma does not have', async () => {
      copy = await createTestDatabase({ empty: true });
      await migrate(copy.url, MIGRATIONS_DIR, silentLogger);
      const drifted = await withClient(copy.url, async (c) => {
        await c.query(`
          ALTER TABLE initiatives ALTER COLUMN title_ur SET NOT NULL;
          ALTER TABLE initiatives ALTER COLUMN currency TYPE varchar(3);
          ALTER TABLE sectors ALTER COLUMN version SET DEFAULT 2;
          ALTER TABLE countries ADD COLUMN flag text;
          ALTER TABLE positions DROP COLUMN title_ur;
          ALTER TYPE health ADD VALUE 'unknown';
          CREATE TYPE mood AS ENUM ('calm');
          DROP INDEX people_search_text_trgm_idx;
          CREATE INDEX sectors_name_en_idx ON sectors (name_en);
          DROP INDEX users_email_key;
          ALTER TABLE milestones DROP CONSTRAINT milestones_initiative_id_fkey;
          ALTER TABLE milestones ADD CONSTRAINT milestones_initiative_id_fkey FOREIGN KEY (initiative_id) REFERENCES initiatives (id) ON DELETE RESTRICT ON UPDATE CASCADE;
          CREATE TABLE stray (id int);
        `);
        return readDatabaseSchema(c);
      });
      expect(compareSchemas(expected, drifted).sort()).toEqual(
        [
          'column initiatives.title_ur is NOT NULL, schema.prisma says nullable',
          'column initiatives.currency is character varying(3), schema.prisma says character(3)',
          'column sectors.version has default 2, schema.prisma says 1',
          'column countries.flag is not in schema.prisma',
          'column positions.title_ur is missing',
          'enum health has values (on_track, at_risk, off_track, not_assessed, unknown), schema.prisma says (on_track, at_risk, off_track, not_assessed)',
          'enum mood is not in schema.prisma',
          'index gin (search_text gin_trgm_ops) people_search_text_trgm_idx on people is missing',
          'index btree (name_en) sectors_name_en_idx on sectors is not in schema.prisma',
          'unique index btree (email) users_email_key on users is missing',
          'foreign key milestones_initiative_id_fkey is (initiative_id) → initiatives(id) ON DELETE Restrict ON UPDATE Cascade, schema.prisma says (initiative_id) → initiatives(id) ON DELETE Cascade ON UPDATE Cascade',
          'table stray is not in schema.prisma',
        ].sort(),
      );
    });

    it('should report a schema.prisma change that no migration made', () => {
      const changed = schemaText
        .replace(/model Sector \{\n/, 'model Sector {\n  nickname String?\n')
        .replace(/(enum Confidence \{\n\s+low\n\s+medium\n\s+high\n)/, '$1  certain\n')
        .replace('@@index([signedDate])\n  @@index([kind])\n', '@@index([signedDate])\n')
        .replace('@@index([dueDate])', '@@index([dueDate(sort: Desc)])');
      expect(changed).not.toBe(schemaText);
      const { schema: changedExpected } = expectedSchema(readDmmf(changed));
      expect(compareSchemas(changedExpected, actual).sort()).toEqual(
        [
          'column sectors.nickname is missing',
          'enum confidence has values (low, medium, high), schema.prisma says (low, medium, high, certain)',
          'index btree (kind) agreements_kind_idx on agreements is not in schema.prisma',
          'decisions_due_date_idx on decisions is index btree (due_date), schema.prisma says index btree (due_date DESC)',
        ].sort(),
      );
    });
  });
});
