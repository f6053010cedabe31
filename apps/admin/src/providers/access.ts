import { canEditLinked, canEditSectors } from '@rabta/domain/access';
import type { Me } from './types';

// What the UI offers to whom (react-admin's canAccess). The server enforces all of it anyway; this keeps people from
// seeing buttons that would only earn them a 403.

export const ADMIN_RESOURCES = ['users', 'sectors', 'countries', 'audit-events'] as const;
const READ_ACTIONS = new Set(['list', 'show', 'export']);
/** Resources whose records hang off one initiative (its sectors decide). */
const INITIATIVE_CHILDREN = new Set(['milestones', 'status-updates', 'decisions', 'evidence']);
/** Resources linked to several initiatives (editable when one of them is in scope). */
const LINKED = new Set(['engagements', 'agreements']);

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

const isRead = (action: string) => READ_ACTIONS.has(action);

export async function canAccess({ action, resource, record }: AccessQuery, ctx: AccessContext): Promise<boolean> {
  const { user } = ctx;
  if (!user) return false;
  // Pages of one's own (profile, password, dashboard) and the wildcard react-admin asks for on custom routes.
  if (resource === 'profile' || resource === 'dashboard') return true;

  if (resource === 'audit-events') return user.role === 'admin' && isRead(action);
  if ((ADMIN_RESOURCES as readonly string[]).includes(resource))
    return user.role === 'admin' && (isRead(action) || !ctx.past);

  if (isRead(action)) return true;

  // Saved views are everyone's own, even viewers', and are not part of the record of the past.
  if (resource === 'saved-views') {
    if (action === 'create' || !record) return true;
    return user.role === 'admin' || record.ownerId === user.id;
  }

  if (ctx.past) return false;
  if (user.role === 'admin') return true;
  if (user.role !== 'analyst') return false;

  // Analysts: create anything of the portfolio (the server checks the sectors chosen); change within their sectors.
  if (action === 'create' || !record) return true;
  if (resource === 'initiatives') return canEditSectors(user, asNumbers(record.sectorIds));
  if (INITIATIVE_CHILDREN.has(resource)) {
    const initiativeId = Number(record.initiativeId);
    if (!initiativeId) return true;
    const [sectors] = await ctx.sectorsOf([initiativeId]);
    return canEditSectors(user, sectors ?? []);
  }
  if (LINKED.has(resource)) {
    const ids = asNumbers(record.initiativeIds);
    return canEditLinked(user, await ctx.sectorsOf(ids), 'any');
  }
  return true;
}

function asNumbers(v: unknown): number[] {
  return Array.isArray(v) ? v.map(Number).filter((n) => Number.isFinite(n)) : [];
}
