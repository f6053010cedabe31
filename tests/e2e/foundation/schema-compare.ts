import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import type { Client } from 'pg';

// Compares a PostgreSQL database with prisma/schema.prisma: the schema side from Prisma's own DMMF (the datamodel
// Prisma generates its client from), the database side from pg_catalog. compareSchemas() returns the differences
// as sentences; an empty list means the hand-written SQL migrations produce exactly the schema Prisma expects.

export const SCHEMA_FILE = join(__dirname, '..', '..', '..', 'prisma', 'schema.prisma');

/** Tables that are not part of the datamodel: Prisma's own bookkeeping. */
const IGNORED_TABLES = new Set(['_prisma_migrations']);

export interface Column {
  /** As pg's format_type() prints it: `text`, `character(2)`, `numeric(18,2)`, `timestamp(3) with time zone`, `text[]`. */
  type: string;
  nullable: boolean;
  /** As pg_get_expr() prints the default; null when there is none; undefined when the schema side cannot tell. */
  default: string | null | undefined;
}

export interface Index {
  columns: string[];
  unique: boolean;
  primary: boolean;
  /** btree, gin, … */
  method: string;
  /** Per column: the operator class, or `default` for the type's default one. */
  opclasses: string[];
  /** Per column: ASC or DESC. */
  orders: string[];
  /** A partial index's predicate or an expression index: never produced by Prisma. */
  extra?: string;
}

export type ReferentialAction = 'Cascade' | 'Restrict' | 'NoAction' | 'SetNull' | 'SetDefault';

export interface ForeignKey {
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface Table {
  columns: Map<string, Column>;
  /** By index name; the primary key is one of them. */
  indexes: Map<string, Index>;
  /** By constraint name. */
  foreignKeys: Map<string, ForeignKey>;
}

export interface Schema {
  tables: Map<string, Table>;
  /** Enum type name → its values in order. */
  enums: Map<string, string[]>;
}

// ---------------------------------------------------------------------------------------------------------------
// The schema side: prisma/schema.prisma through Prisma's DMMF
// ---------------------------------------------------------------------------------------------------------------

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  type: string;
  nativeType: [string, string[]] | null;
  default?: unknown;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: ReferentialAction;
  relationOnUpdate?: ReferentialAction;
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}

interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  dbName?: string | null;
  algorithm?: string;
  fields: Array<{ name: string; sortOrder?: 'asc' | 'desc'; operatorClass?: string }>;
}

export interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: Array<{ name: string; dbName: string | null; values: Array<{ name: string; dbName: string | null }> }>;
    indexes: DmmfIndex[];
  };
}

export function readDmmf(schemaText: string = readFileSync(SCHEMA_FILE, 'utf8')): Dmmf {
  return JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schemaText }))) as Dmmf;
}

const PG_IDENTIFIER_LIMIT = 63;

/** Prisma's default constraint and index names, truncated as Prisma truncates them to PostgreSQL's 63 bytes. */
function defaultName(table: string, columns: string[], suffix: string): string {
  const base = columns.length ? `${table}_${columns.join('_')}` : table;
  return `${base.slice(0, PG_IDENTIFIER_LIMIT - suffix.length)}${suffix}`;
}

const DEFAULT_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};

function nativeTypeOf(name: string, args: string[]): string {
  const a = args.join(',');
  const withArgs = (t: string) => (args.length ? `${t}(${a})` : t);
  switch (name) {
    case 'Text':
      return 'text';
    case 'Char':
      return withArgs('character');
    case 'VarChar':
      return withArgs('character varying');
    case 'Bit':
      return withArgs('bit');
    case 'VarBit':
      return withArgs('bit varying');
    case 'Decimal':
      return withArgs('numeric');
    case 'Date':
      return 'date';
    case 'Timestamptz':
      return args.length ? `timestamp(${a}) with time zone` : 'timestamp with time zone';
    case 'Timestamp':
      return args.length ? `timestamp(${a}) without time zone` : 'timestamp without time zone';
    case 'Timetz':
      return args.length ? `time(${a}) with time zone` : 'time with time zone';
    case 'Time':
      return args.length ? `time(${a}) without time zone` : 'time without time zone';
    case 'Integer':
      return 'integer';
    case 'SmallInt':
      return 'smallint';
    case 'BigInt':
      return 'bigint';
    case 'DoublePrecision':
      return 'double precision';
    case 'Real':
      return 'real';
    case 'JsonB':
      return 'jsonb';
    case 'ByteA':
      return 'bytea';
    default:
      return name.toLowerCase();
  }
}

/** What pg_get_expr() prints for the column default Prisma's migration would create; undefined where unknown. */
function expectedDefault(
  field: DmmfField,
  table: string,
  column: string,
  type: string,
  enumDbName?: string,
): string | null | undefined {
  if (!field.hasDefaultValue || field.isUpdatedAt) return null;
  const d = field.default;
  if (d && typeof d === 'object' && !Array.isArray(d) && 'name' in d) {
    const fn = (d as { name: string }).name;
    if (fn === 'autoincrement') return `nextval('${table}_${column}_seq'::regclass)`;
    if (fn === 'now') return 'CURRENT_TIMESTAMP';
    if (fn === 'uuid' || fn === 'cuid' || fn === 'nanoid' || fn === 'ulid') return null; // made by the client
    return undefined; // dbgenerated(…) and the like: not compared
  }
  if (Array.isArray(d)) return d.length === 0 ? `ARRAY[]::${type}` : undefined;
  if (enumDbName) return `'${d}'::${enumDbName}`;
  if (typeof d === 'number' || typeof d === 'boolean') return String(d);
  if (typeof d === 'string') {
    const quoted = `'${d.replace(/'/g, "''")}'`;
    if (type === 'text') return `${quoted}::text`;
    if (type === 'jsonb') return `${quoted}::jsonb`;
    if (type.startsWith('character(')) return `${quoted}::bpchar`;
    if (type.startsWith('character varying')) return `${quoted}::character varying`;
    return undefined;
  }
  return undefined;
}

/** The schema Prisma expects in the database for a schema.prisma text. */
export function expectedSchema(dmmf: Dmmf): { schema: Schema; problems: string[] } {
  const problems: string[] = [];
  const enumDbNames = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const enums = new Map(dmmf.datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
  const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
  const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
  const columnOf = (m: DmmfModel, fieldName: string) => {
    const f = m.fields.find((x) => x.name === fieldName);
    if (!f) throw new Error(`${m.name}.${fieldName} is not a field`);
    return f.dbName ?? f.name;
  };

  const tables = new Map<string, Table>();
  for (const model of dmmf.datamodel.models) {
    const table = tableOf(model);
    const columns = new Map<string, Column>();
    const foreignKeys = new Map<string, ForeignKey>();
    for (const field of model.fields) {
      if (field.kind === 'object') {
        if (field.relationFromFields?.length) {
          const from = field.relationFromFields.map((f) => columnOf(model, f));
          const target = models.get(field.type)!;
          const scalars = field.relationFromFields.map((f) => model.fields.find((x) => x.name === f)!);
          foreignKeys.set(defaultName(table, from, '_fkey'), {
            columns: from,
            refTable: tableOf(target),
            refColumns: (field.relationToFields ?? []).map((f) => columnOf(target, f)),
            // Prisma's defaults: SetNull when the relation is optional, Restrict when required; updates cascade.
            onDelete: field.relationOnDelete ?? (scalars.every((s) => s.isRequired) ? 'Restrict' : 'SetNull'),
            onUpdate: field.relationOnUpdate ?? 'Cascade',
          });
        } else if (field.isList) {
          const back = models.get(field.type)!.fields.find((f) => f.relationName === field.relationName && f !== field);
          if (back?.isList)
            problems.push(
              `${model.name}.${field.name} is an implicit many-to-many relation, which this comparison does not cover`,
            );
        }
        continue;
      }
      if (field.kind === 'unsupported') {
        problems.push(`${model.name}.${field.name} has an Unsupported type, which this comparison does not cover`);
        continue;
      }
      const column = field.dbName ?? field.name;
      const enumDbName = field.kind === 'enum' ? enumDbNames.get(field.type) : undefined;
      const base =
        enumDbName ??
        (field.nativeType ? nativeTypeOf(field.nativeType[0], field.nativeType[1]) : DEFAULT_TYPES[field.type]);
      if (!base)
        problems.push(`${model.name}.${field.name} has the type ${field.type}, which this comparison does not know`);
      const type = field.isList ? `${base}[]` : base;
      columns.set(column, {
        type,
        // Prisma creates scalar lists as nullable columns, whatever the schema says.
        nullable: field.isList ? true : !field.isRequired,
        default: expectedDefault(field, table, column, type, enumDbName),
      });
    }

    const indexes = new Map<string, Index>();
    for (const idx of dmmf.datamodel.indexes.filter((i) => i.model === model.name)) {
      const cols = idx.fields.map((f) => columnOf(model, f.name));
      if (idx.type === 'fulltext') {
        problems.push(`${model.name} has a fulltext index, which PostgreSQL does not have`);
        continue;
      }
      const suffix = idx.type === 'id' ? '_pkey' : idx.type === 'unique' ? '_key' : '_idx';
      const name =
        idx.dbName ?? (idx.type === 'id' ? defaultName(table, [], suffix) : defaultName(table, cols, suffix));
      indexes.set(name, {
        columns: cols,
        unique: idx.type !== 'normal',
        primary: idx.type === 'id',
        method: (idx.algorithm ?? 'BTree').toLowerCase(),
        opclasses: idx.fields.map((f) => f.operatorClass ?? 'default'),
        orders: idx.fields.map((f) => (f.sortOrder === 'desc' ? 'DESC' : 'ASC')),
      });
    }
    tables.set(table, { columns, indexes, foreignKeys });
  }
  return { schema: { tables, enums }, problems };
}

// ---------------------------------------------------------------------------------------------------------------
// The database side: pg_catalog
// ---------------------------------------------------------------------------------------------------------------

const ACTIONS: Record<string, ReferentialAction> = {
  a: 'NoAction',
  r: 'Restrict',
  c: 'Cascade',
  n: 'SetNull',
  d: 'SetDefault',
};

export async function readDatabaseSchema(client: Client): Promise<Schema> {
  const tables = new Map<string, Table>();
  const tableRows = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  for (const { name } of tableRows.rows) {
    if (!IGNORED_TABLES.has(name)) tables.set(name, { columns: new Map(), indexes: new Map(), foreignKeys: new Map() });
  }

  const columns = await client.query<{
    table: string;
    column: string;
    type: string;
    nullable: boolean;
    default: string | null;
  }>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  for (const r of columns.rows)
    tables.get(r.table)?.columns.set(r.column, { type: r.type, nullable: r.nullable, default: r.default });

  const indexes = await client.query<{
    table: string;
    name: string;
    unique: boolean;
    primary: boolean;
    method: string;
    columns: string[];
    opclasses: string[];
    defaults: boolean[];
    options: number[];
    predicate: string | null;
    expressions: string | null;
  }>(
    `SELECT c.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary, am.amname AS method,
            ARRAY(SELECT coalesce(a.attname::text, '(expression)') FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            ARRAY(SELECT o.opcname::text FROM unnest(ix.indclass::oid[]) WITH ORDINALITY k(oid, ord)
                    JOIN pg_opclass o ON o.oid = k.oid ORDER BY k.ord) AS opclasses,
            ARRAY(SELECT o.opcdefault FROM unnest(ix.indclass::oid[]) WITH ORDINALITY k(oid, ord)
                    JOIN pg_opclass o ON o.oid = k.oid ORDER BY k.ord) AS defaults,
            ix.indoption::int2[] AS options,
            pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
            pg_get_expr(ix.indexprs, ix.indrelid) AS expressions
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class c ON c.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_am am ON am.oid = i.relam
      WHERE n.nspname = current_schema()
      ORDER BY 1, 2`,
  );
  for (const r of indexes.rows) {
    const extra = [r.predicate && `WHERE ${r.predicate}`, r.expressions && `on ${r.expressions}`]
      .filter(Boolean)
      .join(' ');
    tables.get(r.table)?.indexes.set(r.name, {
      columns: r.columns,
      unique: r.unique,
      primary: r.primary,
      method: r.method,
      opclasses: r.opclasses.map((o, i) => (r.defaults[i] ? 'default' : o)),
      // indoption bit 0: DESC
      orders: r.options.slice(0, r.columns.length).map((o) => (o & 1 ? 'DESC' : 'ASC')),
      ...(extra ? { extra } : {}),
    });
  }

  const fks = await client.query<{
    table: string;
    name: string;
    columns: string[];
    ref_table: string;
    ref_columns: string[];
    on_delete: string;
    on_update: string;
  }>(
    `SELECT c.relname AS table, con.conname AS name, rc.relname AS ref_table,
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_columns,
            con.confdeltype AS on_delete, con.confupdtype AS on_update
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid
       JOIN pg_class rc ON rc.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND con.contype = 'f'
      ORDER BY 1, 2`,
  );
  for (const r of fks.rows) {
    tables.get(r.table)?.foreignKeys.set(r.name, {
      columns: r.columns,
      refTable: r.ref_table,
      refColumns: r.ref_columns,
      onDelete: ACTIONS[r.on_delete],
      onUpdate: ACTIONS[r.on_update],
    });
  }

  const enumRows = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname AS name, ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS values
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() AND t.typtype = 'e'
      ORDER BY 1`,
  );
  const enums = new Map(enumRows.rows.map((r) => [r.name, r.values]));
  return { tables, enums };
}

// ---------------------------------------------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------------------------------------------

const list = (xs: readonly string[]) => `(${xs.join(', ')})`;
const describeIndex = (i: Index) =>
  `${i.primary ? 'primary key' : i.unique ? 'unique index' : 'index'} ${i.method} ${list(
    i.columns.map((c, n) =>
      [c, i.opclasses[n] !== 'default' ? i.opclasses[n] : '', i.orders[n] === 'DESC' ? 'DESC' : '']
        .filter(Boolean)
        .join(' '),
    ),
  )}${i.extra ? ` ${i.extra}` : ''}`;
const describeFk = (f: ForeignKey) =>
  `${list(f.columns)} → ${f.refTable}${list(f.refColumns)} ON DELETE ${f.onDelete} ON UPDATE ${f.onUpdate}`;

/** Every difference between what schema.prisma expects and what the database has, one sentence each. */
export function compareSchemas(expected: Schema, actual: Schema): string[] {
  const out: string[] = [];
  for (const [name, values] of expected.enums) {
    const got = actual.enums.get(name);
    if (!got) out.push(`enum ${name} is missing`);
    else if (got.join(',') !== values.join(','))
      out.push(`enum ${name} has values ${list(got)}, schema.prisma says ${list(values)}`);
  }
  for (const name of actual.enums.keys())
    if (!expected.enums.has(name)) out.push(`enum ${name} is not in schema.prisma`);

  for (const [tableName, exp] of expected.tables) {
    const act = actual.tables.get(tableName);
    if (!act) {
      out.push(`table ${tableName} is missing`);
      continue;
    }
    for (const [col, e] of exp.columns) {
      const a = act.columns.get(col);
      const where = `column ${tableName}.${col}`;
      if (!a) {
        out.push(`${where} is missing`);
        continue;
      }
      if (a.type !== e.type) out.push(`${where} is ${a.type}, schema.prisma says ${e.type}`);
      if (a.nullable !== e.nullable)
        out.push(
          `${where} is ${a.nullable ? 'nullable' : 'NOT NULL'}, schema.prisma says ${e.nullable ? 'nullable' : 'NOT NULL'}`,
        );
      if (e.default !== undefined && a.default !== e.default)
        out.push(`${where} has default ${a.default ?? 'none'}, schema.prisma says ${e.default ?? 'none'}`);
    }
    for (const col of act.columns.keys())
      if (!exp.columns.has(col)) out.push(`column ${tableName}.${col} is not in schema.prisma`);

    for (const [name, e] of exp.indexes) {
      const a = act.indexes.get(name);
      if (!a) out.push(`${describeIndex(e)} ${name} on ${tableName} is missing`);
      else if (describeIndex(a) !== describeIndex(e))
        out.push(`${name} on ${tableName} is ${describeIndex(a)}, schema.prisma says ${describeIndex(e)}`);
    }
    for (const [name, a] of act.indexes)
      if (!exp.indexes.has(name)) out.push(`${describeIndex(a)} ${name} on ${tableName} is not in schema.prisma`);

    for (const [name, e] of exp.foreignKeys) {
      const a = act.foreignKeys.get(name);
      if (!a) out.push(`foreign key ${name} ${describeFk(e)} is missing`);
      else if (describeFk(a) !== describeFk(e))
        out.push(`foreign key ${name} is ${describeFk(a)}, schema.prisma says ${describeFk(e)}`);
    }
    for (const [name, a] of act.foreignKeys)
      if (!exp.foreignKeys.has(name))
        out.push(`foreign key ${name} ${describeFk(a)} on ${tableName} is not in schema.prisma`);
  }
  for (const tableName of actual.tables.keys())
    if (!expected.tables.has(tableName)) out.push(`table ${tableName} is not in schema.prisma`);
  return out;
}
