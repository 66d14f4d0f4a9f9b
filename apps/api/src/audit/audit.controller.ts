import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { AuditService, type ChainVerification } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Walk the hash chain of the audit log' })
  @ApiOkResponse({ description: '{ok, entries, firstBrokenSeq, checkedAt}' })
  verify(): Promise<ChainVerification> {
    return this.audit.verify();
  }
}
