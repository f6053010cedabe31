import { Global, Module } from '@nestjs/common';
import { AUDIT_RECORDER } from '../../common/resource/audit-recorder';
import { AuditService } from './audit.service';

/** The audit log, for every module; the resource kit receives it as its AUDIT_RECORDER. */
@Global()
@Module({
  providers: [AuditService, { provide: AUDIT_RECORDER, useExisting: AuditService }],
  exports: [AuditService, AUDIT_RECORDER],
})
export class AuditModule {}
