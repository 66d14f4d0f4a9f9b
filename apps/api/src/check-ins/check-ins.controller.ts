import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CheckInPreview } from '@qinqing/domain';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DomainException } from '../common/errors/domain.exception';
import { RateLimit } from '../common/rate-limit';
import type { VisitView } from '../visits/visit-view';
import { CheckInReplay } from './check-in-replay';
import { CheckInDto, CheckInPreviewDto } from './check-in.dto';
import { CheckInsService } from './check-ins.service';

@ApiTags('check-ins')
@ApiBearerAuth()
@Controller('v1/check-ins')
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Post()
  @Roles('officer')
  @RateLimit('CHECK_IN_RATE_LIMIT_PER_MINUTE', { exempt: CheckInReplay })
  @ApiOperation({ summary: '先扫码、后入企: check in at a gate (idempotent on clientId)' })
  @ApiCreatedResponse({
    description: '{visit, decision: {outcome: ALLOWED | FLAGGED, reasons, policyVersion}}',
  })
  @ApiConflictResponse({
    description: '{code: CHECK_IN_REFUSED, reasons, attemptId, decision}: recorded too',
  })
  async checkIn(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CheckInDto,
  ): Promise<{ visit: VisitView; decision: VisitView['decision'] }> {
    const result = await this.checkIns.checkIn(user, body);
    if (result.refused) {
      throw new DomainException(
        'CHECK_IN_REFUSED',
        {
          reasons: result.decision.reasons,
          attemptId: result.attemptId,
          decision: result.decision,
        },
        result.decision.reasons.map((r) => r.message).join(' '),
      );
    }
    return { visit: result.visit, decision: result.decision };
  }

  @Post('preview')
  @HttpCode(200)
  @Roles('officer')
  @RateLimit('CHECK_IN_PREVIEW_RATE_LIMIT_PER_MINUTE')
  @ApiOperation({
    summary: '预判: what each purpose would give if submitted now (nothing is recorded)',
  })
  @ApiOkResponse({
    description:
      '{enterprise, gate, policyVersion, decisions: {<purpose>: {outcome, reasons}}, evaluatedAt}',
  })
  preview(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CheckInPreviewDto,
  ): Promise<CheckInPreview> {
    return this.checkIns.preview(user, body);
  }
}
