import { canEditLinked, canEditSectors } from '@rabta/domain/access';
import { entryNamed } from '../registry';
import type { Me } from './types';

// What the UI offers to whom (react-admin's canAccess). The server enforces all of it anyway; this keeps people from
// seeing buttons that would only earn them a 403. Each resource and page names its rule in its config (index.ts);
// a name the registry does not know is refused.

const READ_ACTIONS = new Set(['list', 'show', 'export']);

export interface AccessQuery {
  action: string;
  resource: string;
  record?: Record<string, unknown>;
}

export interface AccessContext {
  user: Me | null;
  /** Viewing the past (as-of): nothing can be changed. */
  past: boolean;
  /** Sectors of initiatives, by id (batched and cached by the caller). */
  sectorsOf: (initiativeIds: number[]) => Promise<number[][]>;
}

type Rule = (query: AccessQuery, user: Me, ctx: AccessContext) => boolean | Promise<boolean>;
type ScopeRule = (record: Record<string, unknown>, user: Me, ctx: AccessContext) => boolean | Promise<boolean>;

const isRead = (action: string) => READ_ACTIONS.has(action);

/**
 * Records of the portfolio: everyone reads; nobody changes the past; admins change anything; analysts create anything
 * (the server checks the sectors chosen) and change what `inScope` allows; viewers change nothing.
 */
function portfolio(inScope: ScopeRule): Rule {
  return ({ action, record }, user, ctx) => {
    if (isRead(action)) return true;
    if (ctx.past) return false;
    if (user.role === 'admin') return true;
    if (user.role !== 'analyst') return false;
    if (action === 'create' || !record) return true;
    return inScope(record, user, ctx);
  };
}

/** The rules a resource or page config may name in `access`. */
export const ACCESS_RULES = {
  /** Pages of one's own (profile, password, tokens, the dashboard): every signed-in user. */
  everyone: () => true,
  /** Records of the portfolio no sector scopes (sources, people, organisations, reports). */
  portfolio: portfolio(() => true),
  /** Shared reference data (people, organisations, positions): analysts add and correct it; only admins delete. */
  reference: (query, user, ctx) =>
    query.action === 'delete' && user.role !== 'admin' ? false : portfolio(() => true)(query, user, ctx),
  /** Initiatives: analysts change those of their sectors. */
  initiative: portfolio((record, user) => canEditSectors(user, asNumbers(record.sectorIds))),
  /** Records that hang off one initiative: its sectors decide. */
  'initiative-child': portfolio(async (record, user, ctx) => {
    const initiativeId = Number(record.initiativeId);
    if (!initiativeId) return true;
    const [sectors] = await ctx.sectorsOf([initiativeId]);
    return canEditSectors(user, sectors ?? []);
  }),
  /** Records linked to several initiatives: changeable when every one of them is in scope. */
  linked: portfolio(async (record, user, ctx) =>
    canEditLinked(user, await ctx.sectorsOf(asNumbers(record.initiativeIds)), 'every'),
  ),
  /** Everyone's own records (saved views, even viewers'); not part of the record of the past. */
  own: ({ action, record }, user) =>
    isRead(action) || action === 'create' || !record || user.role === 'admin' || record.ownerId === user.id,
  /** Work that changes many records at once (spreadsheet import): analysts and admins, never while viewing the past. */
  importer: (_query, user, ctx) => (user.role === 'admin' || user.role === 'analyst') && !ctx.past,
  /** Work only analysts and admins do (article intake): viewers do not see it; nothing while viewing the past. */
  analysts: ({ action }, user, ctx) =>
    (user.role === 'admin' || user.role === 'analyst') && (isRead(action) || !ctx.past),
  /** Administration: admins only, and no change while viewing the past. */
  admin: ({ action }, user, ctx) => user.role === 'admin' && (isRead(action) || !ctx.past),
  /** Administration that is never changed (the audit log). */
  'admin-read': ({ action }, user) => user.role === 'admin' && isRead(action),
} satisfies Record<string, Rule>;

export type AccessRule = keyof typeof ACCESS_RULES;

/** Outside the registry: the dashboard (react-admin's own route). */
const SHELL_RULES: Record<string, AccessRule> = { dashboard: 'everyone' };

export function accessRuleOf(resource: string): AccessRule | undefined {
  return entryNamed(resource)?.access ?? SHELL_RULES[resource];
}

export async function canAccess(query: AccessQuery, ctx: AccessContext): Promise<boolean> {
  const { user } = ctx;
  if (!user) return false;
  const rule = accessRuleOf(query.resource);
  if (!rule) return false;
  return (ACCESS_RULES[rule] as Rule)(query, user, ctx);
}

function asNumbers(v: unknown): number[] {
  return Array.isArray(v) ? v.map(Number).filter((n) => Number.isFinite(n)) : [];
}
