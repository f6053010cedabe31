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

/** What a record looks like on the wire: what the read schema accepts. */
export type Wire<Read extends z.ZodType> = z.input<Read>;

/** A validated input of a schema (never, when the resource has no such schema). */
type Input<S> = S extends z.ZodType ? z.output<S> : never;

/**
 * A resource's declaration. Declare one with defineResource(): the filter, create and update inputs are the outputs of
 * their schemas, toWire must return what the read schema accepts, and the row type is the one toWire's parameter
 * names; every hook is typed from those. The defaults (unknown rows, any zod schema) are what the kit itself runs.
 */
export interface ResourceDefinition<
  Row = unknown,
  Read extends z.ZodType = z.ZodType,
  Filter extends z.ZodType = z.ZodType,
  Create extends z.ZodType | undefined = z.ZodType | undefined,
  Update extends z.ZodType | undefined = z.ZodType | undefined,
> {
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
    read: Read;
    create?: Create;
    update?: Update;
    /** Fields of the full representation that a PUT ignores. */
    readOnly: readonly string[];
    filter: Filter;
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
  where(filter: z.output<Filter>, ctx: ReadContext): Promise<object> | object;
  /** Whether the user may read this one record (lists are limited by `where`); unreadable records are a 404. */
  readable?(row: Row, user: AuthUser): boolean;
  toWire(row: Row): Wire<Read>;
  toCreateData?(input: Input<Create>, ctx: WriteContext): Promise<object> | object;
  toUpdateData?(input: Input<Update>, existing: Row, ctx: WriteContext): Promise<object> | object;
  /**
   * Object-level check beyond sector scope (e.g. a saved view's owner); throws FORBIDDEN. `existing` is null on
   * create; `input` is null on delete. Sector scope over the record and its links is not the definition's: the kit
   * applies the domain's link rules (packages/domain/src/links.ts) to every write, in link-scope.ts.
   */
  authorize?(ctx: WriteContext, existing: Row | null, input: Input<Create> | Input<Update> | null): Promise<void>;
  /** After the row is written, in the same transaction (join tables, ledgers, validation of references). */
  afterWrite?(
    ctx: WriteContext,
    id: number | string,
    input: Input<Create> | Input<Update>,
    existing: Row | null,
  ): Promise<void>;
  /** Before delete, in the transaction (e.g. refuse when still referenced). */
  beforeDelete?(ctx: WriteContext, existing: Row): Promise<void>;
}

/**
 * Declares a resource with every type inferred: the schemas give the inputs and the wire shape, toWire's parameter
 * gives the row. The result is also what the kit (resourceModule, ResourceService) takes.
 */
export function defineResource<
  Row,
  Read extends z.ZodType,
  Filter extends z.ZodType,
  Create extends z.ZodType | undefined = undefined,
  Update extends z.ZodType | undefined = undefined,
>(def: ResourceDefinition<Row, Read, Filter, Create, Update>): ResourceDefinition<Row, Read, Filter, Create, Update> {
  return def;
}
