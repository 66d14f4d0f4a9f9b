import { Body, Controller, Delete, Get, HttpCode, Injectable, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { DomainException } from '../common/errors/domain.exception';
import { OfficerConflict } from './draw.entity';
import { UuidParam } from '../common/uuid-param';

export class OfficerConflictDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() officerId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() enterpriseId: string;

  @ApiProperty({ example: '配偶在该企业任职' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty({ message: '请写明回避事由' })
  @MaxLength(200)
  reason: string;
}

export interface OfficerConflictView {
  officerId: string;
  officerName: string;
  enterpriseId: string;
  enterpriseName: string;
  reason: string;
  declaredAt: string;
}

/** 回避: officers' declared conflicts with firms; a draw never assigns such an officer to the firm. */
@Injectable()
export class OfficerConflictsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<OfficerConflictView[]> {
    return this.dataSource.query(
      `SELECT c.officer_id AS "officerId", u.name AS "officerName", c.enterprise_id AS "enterpriseId",
              e.name AS "enterpriseName", c.reason, to_char(c.declared_at AT TIME ZONE 'UTC',
              'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "declaredAt"
         FROM officer_conflict c JOIN app_user u ON u.id = c.officer_id
         JOIN enterprise e ON e.id = c.enterprise_id
        ORDER BY e.name, u.name`,
    );
  }

  async declare(
    caller: AuthenticatedUser,
    dto: OfficerConflictDto,
  ): Promise<OfficerConflictView[]> {
    await this.dataSource.transaction(async (manager) => {
      const [officer] = await manager.query(
        `SELECT 1 FROM app_user WHERE id = $1 AND role = 'officer'`,
        [dto.officerId],
      );
      const [firm] = await manager.query('SELECT 1 FROM enterprise WHERE id = $1', [
        dto.enterpriseId,
      ]);
      if (!officer || !firm) throw new DomainException('NOT_FOUND');
      await manager
        .createQueryBuilder()
        .insert()
        .into(OfficerConflict)
        .values({ ...dto, declaredAt: new Date() })
        .orUpdate(['reason'], ['officer_id', 'enterprise_id'])
        .execute();
      await this.audit.append(manager, {
        actorId: caller.id,
        action: 'OFFICER_CONFLICT_DECLARED',
        subjectType: 'officer',
        subjectId: dto.officerId,
        data: { enterpriseId: dto.enterpriseId, reason: dto.reason },
      });
    });
    return this.list();
  }

  async withdraw(
    caller: AuthenticatedUser,
    officerId: string,
    enterpriseId: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const removed = await manager.delete(OfficerConflict, { officerId, enterpriseId });
      if (!removed.affected) throw new DomainException('NOT_FOUND');
      await this.audit.append(manager, {
        actorId: caller.id,
        action: 'OFFICER_CONFLICT_WITHDRAWN',
        subjectType: 'officer',
        subjectId: officerId,
        data: { enterpriseId },
      });
    });
  }
}

@ApiTags('draws')
@ApiBearerAuth()
@Controller('v1/officer-conflicts')
export class OfficerConflictsController {
  constructor(private readonly conflicts: OfficerConflictsService) {}

  @Get()
  @Roles('supervisor', 'admin')
  async list(): Promise<{ items: OfficerConflictView[] }> {
    return { items: await this.conflicts.list() };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: '回避: record that an officer must not be drawn for a firm (audited)' })
  async declare(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: OfficerConflictDto,
  ): Promise<{ items: OfficerConflictView[] }> {
    return { items: await this.conflicts.declare(user, body) };
  }

  @Delete(':officerId/:enterpriseId')
  @HttpCode(204)
  @Roles('admin')
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('officerId', UuidParam) officerId: string,
    @Param('enterpriseId', UuidParam) enterpriseId: string,
  ): Promise<void> {
    return this.conflicts.withdraw(user, officerId, enterpriseId);
  }
}
