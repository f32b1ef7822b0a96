import { Module } from '@nestjs/common';
import { PersistenceModule } from '@duban/persistence';
import { AuditLogController } from './audit-log.controller';
import { AuditLogService } from './audit-log.service';
import { AuditRecorder } from './audit-recorder.middleware';

/** The audit log: the recorder (installed by applySecurity) and the admin query endpoint. */
@Module({
  imports: [PersistenceModule],
  controllers: [AuditLogController],
  providers: [AuditLogService, AuditRecorder],
  exports: [AuditRecorder, AuditLogService],
})
export class AuditModule {}
