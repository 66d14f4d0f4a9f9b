import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CheckInPolicy } from '@qinqing/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { PolicyVersion } from './policy-version.entity';
import { UpdatePolicyDto } from './policy.dto';
import { PolicyService } from './policy.service';

@ApiTags('policy')
@ApiBearerAuth()
@Controller('v1/policy')
export class PolicyController {
  constructor(private readonly policies: PolicyService) {}

  @Get()
  @ApiOperation({
    summary: 'The check-in policy in force now (every role: the phone evaluates it offline)',
  })
  current(): Promise<CheckInPolicy> {
    return this.policies.current();
  }

  @Get('versions')
  @Roles('admin', 'supervisor')
  @ApiOperation({
    summary: 'Every version of the policy, newest first, with createdByName (who stored it)',
  })
  history(): Promise<(PolicyVersion & { createdByName: string | null })[]> {
    return this.policies.history();
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: 'Store a new version of the policy (admin)' })
  update(
    @Body() body: UpdatePolicyDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CheckInPolicy> {
    const { version: _ignored, ...policy } = body.policy as unknown as CheckInPolicy;
    return this.policies.update(policy, body.note ?? '', user.id);
  }
}
