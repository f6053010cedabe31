import { canAssignSectors, canEditSectors } from '@rabta/domain';
import { AppException } from '../errors/app-exception';
import type { AuthUser } from './current-user';

// Object-level checks for services, on top of the route's @Access level. Each throws 403 FORBIDDEN with a message
// that says why. Usage in a service:
//   const initiative = await this.repo.findSectors(id);          // 404 first if it does not exist
//   assertCanEdit(user, initiative.sectorIds, `initiative ${id}`);

/** May the user change a record of these sectors (an initiative's, or those of the initiative a record hangs off)? */
export function assertCanEdit(user: AuthUser, recordSectorIds: readonly number[], what = 'this record'): void {
  if (!canEditSectors(user, recordSectorIds)) {
    throw AppException.forbidden(
      user.role === 'viewer'
        ? 'Viewers cannot change records'
        : `You cannot change ${what}: its sectors are outside your scope`,
    );
  }
}

/** May the user give a record exactly these sectors (on create, or when changing its sectors)? */
export function assertCanAssign(user: AuthUser, sectorIds: readonly number[], field = 'sectorIds'): void {
  if (!canAssignSectors(user, sectorIds)) {
    const outside = sectorIds.filter((id) => !user.sectorIds.includes(id));
    throw new AppException('FORBIDDEN', `You cannot assign sectors outside your scope: ${outside.join(', ')}`, {
      [field]: `Outside your sector scope: ${outside.join(', ')}`,
    });
  }
}
