import { Body, Controller, Req } from '@nestjs/common';
import type { EndpointResponse, ParsedBody } from '@qinqing/domain';
import { ApiTags } from '@nestjs/swagger';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { ChecksAccountItself, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { DomainException } from '../common/errors/domain.exception';
import { RateLimit, RateLimitRefunds } from '../common/rate-limit';
import { CheckInReplay } from './check-in-replay';
import { CheckInsService } from './check-ins.service';

@ApiTags('check-ins')
@Controller()
export class CheckInsController {
  constructor(
    private readonly checkIns: CheckInsService,
    private readonly rateLimits: RateLimitRefunds,
  ) {}

  @Endpoint(ENDPOINTS.checkIn)
  @ChecksAccountItself()
  @RateLimit('CHECK_IN_RATE_LIMIT_PER_MINUTE', { exempt: CheckInReplay })
  async checkIn(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ParsedBody<'checkIn'>,
    @Req() request: object,
  ): Promise<EndpointResponse<'checkIn'>> {
    const result = await this.checkIns.checkIn(user, body);
    // A phone's retry of a recorded check-in does not count against the limit.
    if (result.replayed) await this.rateLimits.refund(request);
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
