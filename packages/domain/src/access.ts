import type { Role } from './enums';

/** Who is asking, as far as access rules care. `sectorIds` empty means every sector. */
export interface Principal {
  role: Role;
  sectorIds: readonly number[];
}

export const ROLE_RANK: Record<Role, number> = { viewer: 1, analyst: 2, admin: 3 };

export function hasRole(principal: Pick<Principal, 'role'>, atLeast: Role): boolean {
  return ROLE_RANK[principal.role] >= ROLE_RANK[atLeast];
}

function inScope(principal: Principal, sectorId: number): boolean {
  return principal.sectorIds.length === 0 || principal.sectorIds.includes(sectorId);
}

/**
 * May this principal change a record that belongs to these sectors (an initiative's sectors, or those of the
 * initiative a milestone, decision, status update or evidence hangs off)? Admins always; analysts when one of the
 * sectors is in their scope; viewers never.
 */
export function canEditSectors(principal: Principal, recordSectorIds: readonly number[]): boolean {
  if (principal.role === 'admin') return true;
  if (principal.role !== 'analyst') return false;
  if (principal.sectorIds.length === 0) return true;
  return recordSectorIds.some((id) => inScope(principal, id));
}

/** May this principal give a record exactly these sectors (on create, or when changing them)? Every one must be in scope. */
export function canAssignSectors(principal: Principal, sectorIds: readonly number[]): boolean {
  if (principal.role === 'admin') return true;
  if (principal.role !== 'analyst') return false;
  return sectorIds.every((id) => inScope(principal, id));
}

/**
 * Records linked to several initiatives (engagements, agreements, sources through their evidence): editable when
 * linked to none, or when the principal may edit at least one of them (for sources: every one, since changing a
 * source changes the evidence of each initiative that cites it).
 */
export function canEditLinked(
  principal: Principal,
  linkedSectorIds: readonly (readonly number[])[],
  mode: 'any' | 'every',
): boolean {
  if (principal.role === 'admin') return true;
  if (principal.role !== 'analyst') return false;
  if (linkedSectorIds.length === 0) return true;
  return mode === 'any'
    ? linkedSectorIds.some((s) => canEditSectors(principal, s))
    : linkedSectorIds.every((s) => canEditSectors(principal, s));
}
