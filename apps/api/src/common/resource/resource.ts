import type { Prisma, PrismaClient } from '@rabta/db';
import type { z } from 'zod';
import type { AccessLevel } from '../auth/access.decorator';
import type { AuthUser } from '../auth/current-user';

// A resource of the simple-rest API declared once: its schemas, filters, sorts, how rows map to the wire and how
// writes are authorised. ResourceService runs the shared mechanics (pagination, optimistic versions, audit, 409
// bodies) and resourceController() exposes the five routes. Resources with behaviour of their own (initiatives,
// status updates) have their own services and reuse the pieces.

export type Db = PrismaClient | Prisma.TransactionClient;

/** The slice of a Prisma model delegate the kit needs. */
export interface Delegate {
  findMany(args: object): Promise<unknown[]>;
  findUnique(args: object): Promise<unknown>;
  count(args: object): Promise<number>;
  create(args: object): Promise<unknown>;
  updateMany(args: object): Promise<{ count: number }>;
  delete(args: object): Promise<unknown>;
}

export interface WriteContext {
  user: AuthUser;
  tx: Prisma.TransactionClient;
}

export interface ReadContext {
  user: AuthUser;
  db: Db;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ResourceDefinition<Row = any, Filter = any, Create = any, Update = any> {
  /** URL segment and audit entity, e.g. `milestones`. */
  name: string;
  /** Singular, for messages: `Milestone`. */
  label: string;
  read: AccessLevel;
  /** Absent: read-only resource (POST/PUT/DELETE are not routed). */
  write?: AccessLevel;
  /** Whether DELETE is routed. */
  deletable: boolean;
  schemas: {
    read: z.ZodType;
    create?: z.ZodType<Create>;
    update?: z.ZodType<Update>;
    /** Fields of the full representation that a PUT ignores. */
    readOnly: readonly string[];
    filter: z.ZodType<Filter>;
  };
  /** Wire field → Prisma orderBy for that field. */
  sortable: Record<string, (order: 'asc' | 'desc') => object>;
  defaultSort: { field: string; order: 'ASC' | 'DESC' };
  delegate(db: Db): Delegate;
  /** Prisma `include`/`select` for reads (lists and single records). */
  include?: object;
  /** The primary key field, when it is not `id` (countries: `code`). */
  primaryKey?: string;
  /** The primary key value from a route id (numeric unless said otherwise). */
  idOf?(raw: string): number | string;
  where(filter: Filter, ctx: ReadContext): Promise<object> | object;
  /** Whether the user may read this one record (lists are limited by `where`); unreadable records are a 404. */
  readable?(row: Row, user: AuthUser): boolean;
  toWire(row: Row): Record<string, unknown>;
  toCreateData?(input: Create, ctx: WriteContext): Promise<object> | object;
  toUpdateData?(input: Update, existing: Row, ctx: WriteContext): Promise<object> | object;
  /**
   * Object-level check beyond sector scope (e.g. a saved view's owner); throws FORBIDDEN. `existing` is null on
   * create; `input` is null on delete. Sector scope over the record and its links is not the definition's: the kit
   * applies the domain's link rules (packages/domain/src/links.ts) to every write, in link-scope.ts.
   */
  authorize?(ctx: WriteContext, existing: Row | null, input: Create | Update | null): Promise<void>;
  /** After the row is written, in the same transaction (join tables, ledgers, validation of references). */
  afterWrite?(ctx: WriteContext, id: number | string, input: Create | Update, existing: Row | null): Promise<void>;
  /** Before delete, in the transaction (e.g. refuse when still referenced). */
  beforeDelete?(ctx: WriteContext, existing: Row): Promise<void>;
}
