import { Controller, Get, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/permission.guard';
import { strictValidation } from '../auth/strict-validation.pipe';
import { AuditLogQueryDto } from './audit-log-query.dto';
import { AuditLogService } from './audit-log.service';
import { ApiAnswer, freeObject, pageOf } from '../common/openapi-responses';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit-log')
@RequirePermission('readAuditLog')
@UsePipes(strictValidation())
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get()
  @ApiOperation({ summary: 'Mutating requests, newest first, with filters and offset pagination (admin)' })
  @ApiAnswer(pageOf(freeObject('an audit entry: who, when, method, path, status, body (redacted)')), 'a page of the audit log, newest first')
  list(@Query() filters: AuditLogQueryDto) {
    return this.auditLog.query(filters);
  }
}
