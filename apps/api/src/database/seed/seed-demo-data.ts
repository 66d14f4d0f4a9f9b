import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ensureMonthlyPartitions } from '../partitions';
import { seedDemoActivity } from './demo-activity';
import { seedDemoDataIfEmpty } from './demo-seed';

/**
 * Master data, then activity (codes, policy, past visits), into an empty database only; then the
 * past visits' months get their partitions (they went into the DEFAULT partition).
 */
export async function seedDemoData(app: INestApplicationContext): Promise<boolean> {
  const seeded = await seedDemoDataIfEmpty(app.get(DataSource));
  if (seeded) {
    await seedDemoActivity(app);
    await ensureMonthlyPartitions(app.get(DataSource));
  }
  return seeded;
}
