import { Body, Controller } from '@nestjs/common';
import type { EndpointResponse, ParsedBody } from '@qinqing/domain';
import { ApiTags } from '@nestjs/swagger';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { ChecksAccountItself, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { DomainException } from '../common/errors/domain.exception';
import { RateLimit } from '../common/rate-limit';
import { CheckInsService } from './check-ins.service';

@ApiTags('check-ins')
@Controller()
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Endpoint(ENDPOINTS.checkIn)
  @ChecksAccountItself()
  // CHECK_IN_RATE_LIMIT_PER_MINUTE: counted by the check-in's own statements (CheckInsService).
  async checkIn(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ParsedBody<'checkIn'>,
  ): Promise<EndpointResponse<'checkIn'>> {
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

  @Endpoint(ENDPOINTS.previewCheckIn)
  @RateLimit('CHECK_IN_PREVIEW_RATE_LIMIT_PER_MINUTE')
  preview(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ParsedBody<'previewCheckIn'>,
  ): Promise<EndpointResponse<'previewCheckIn'>> {
    return this.checkIns.preview(user, body);
  }
}
