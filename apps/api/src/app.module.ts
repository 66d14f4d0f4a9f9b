import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { ErrorFilter } from './common/errors/error.filter';
import { RateLimitModule } from './common/rate-limit';
import { AppConfigModule } from './config/config.module';
import { type Env, validateEnv } from './config/env';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CheckInsModule } from './check-ins/check-ins.module';
import { DeskModule } from './desk/desk.module';
import { DrawsModule } from './draws/draws.module';
import { MasterDataModule } from './master-data/master-data.module';
import { EnterprisesModule } from './enterprises/enterprises.module';
import { GatesModule } from './gates/gates.module';
import { DatabaseHealthRepository } from './health/database-health.repository';
import { HealthController } from './health/health.controller';
import { JobsModule } from './jobs/job-scheduler';
import { NotificationsModule } from './notifications/notifications.module';
import { OfficersModule } from './officers/officers.module';
import { OfflineModule } from './offline/offline.module';
import { PolicyModule } from './policy/policy.module';
import { RatingsModule } from './ratings/ratings.module';
import { ReportsModule } from './reports/reports.module';
import { ScopeModule } from './scope/scope.module';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';
import { VisitsModule } from './visits/visits.module';

@Module({})
export class AppModule {
  /** Built at call time so each process (or test) validates the environment it actually has. */
  static register(overrides: Partial<Env> = {}): DynamicModule {
    const env = validateEnv({ ...process.env, ...overrides });
    return {
      module: AppModule,
      imports: [
        AppConfigModule.register(env),
        LoggerModule.forRoot({
          pinoHttp: {
            level: env.LOG_LEVEL,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        DatabaseModule,
        JobsModule,
        RateLimitModule,
        AuditModule,
        ScopeModule,
        AuthModule,
        PolicyModule,
        EnterprisesModule,
        GatesModule,
        CheckInsModule,
        VisitsModule,
        NotificationsModule,
        OfficersModule,
        OfflineModule,
        RatingsModule,
        ReportsModule,
        DeskModule,
        DrawsModule,
        MasterDataModule,
        UnitsModule,
        UsersModule,
      ],
      controllers: [HealthController],
      providers: [DatabaseHealthRepository, { provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
