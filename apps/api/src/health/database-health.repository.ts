import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Whether the database answers: one round trip on the pool, no table read. */
@Injectable()
export class DatabaseHealthRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Resolves when the database answers `SELECT 1`; rejects with the driver's error otherwise. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
