import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Env } from '../config/env';
import { PartitionsJob } from '../jobs/partitions.job';
import { migrate } from './migrate';
import { Transactions } from './transactions';
import { typeOrmOptions } from './typeorm-options';

/**
 * TypeORM on DATABASE_URL; pending migrations run when the API starts, under an advisory lock
 * (several instances starting at once migrate once). Global: every repository takes the DataSource,
 * every service that writes in one transaction takes Transactions.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) => {
        const url = config.get('DATABASE_URL', { infer: true });
        if (!url) throw new Error('DATABASE_URL must be resolved before the app module starts');
        return {
          ...typeOrmOptions(
            url,
            config.get('DB_POOL_MAX', { infer: true }),
            config.get('DB_CONNECT_TIMEOUT_MS', { infer: true }),
          ),
          retryAttempts: 3,
        };
      },
      dataSourceFactory: async (options) => {
        if (!options) throw new Error('no TypeORM options');
        const dataSource = await new DataSource(options).initialize();
        try {
          await migrate(dataSource);
        } catch (error) {
          await dataSource.destroy();
          throw error;
        }
        return dataSource;
      },
    }),
  ],
  // PartitionsJob: the database's own upkeep (monthly partitions), on the jobs' scheduler.
  providers: [Transactions, PartitionsJob],
  exports: [Transactions],
})
export class DatabaseModule {}
