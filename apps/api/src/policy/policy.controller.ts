import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CheckInPolicy, EndpointResponse, ParsedBody } from '@qinqing/domain';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { PolicyService } from './policy.service';

@ApiTags('policy')
@Controller()
export class PolicyController {
  constructor(private readonly policies: PolicyService) {}

  @Endpoint(ENDPOINTS.currentPolicy)
  current(): Promise<EndpointResponse<'currentPolicy'>> {
    return this.policies.current();
  }

  @Endpoint(ENDPOINTS.policyVersions)
  history(): Promise<EndpointResponse<'policyVersions'>> {
    return this.policies.history();
  }

  @Endpoint(ENDPOINTS.updatePolicy)
  update(
    @Body() body: ParsedBody<'updatePolicy'>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EndpointResponse<'updatePolicy'>> {
    // The whole policy is checked by the service (validatePolicy), which assigns the version.
    const { version: _ignored, ...policy } = body.policy as unknown as CheckInPolicy;
    return this.policies.update(policy, body.note ?? '', user.id);
  }
}
