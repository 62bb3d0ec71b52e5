import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PersonalDataCipher } from '../common/crypto/personal-data-cipher';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { seedDemoData, seedDemoPolicies } from './seeds/demo.seed';
import { seedReferenceData } from './seeds/reference.seed';

/**
 * Opens the database, runs pending migrations (never synchronize), seeds reference data on an
 * empty database and, when SEED_DEMO is on, demo data. Runs before any module uses the database.
 */
export async function openDatabase(config: AppConfig, now = new Date()): Promise<DataSource> {
  const logger = new Logger('Database');
  const ds = new DataSource(dataSourceOptions(config.database));
  await ds.initialize();
  const ran = await ds.runMigrations({ transaction: 'each' });
  if (ran.length) logger.log(`Ran ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`);
  const ref = await seedReferenceData(ds);
  if (ref.regions || ref.occupations) logger.log(`Seeded ${ref.regions} regions and ${ref.occupations} occupations`);
  if (config.seedDemo) {
    const demo = await seedDemoData(ds, new PersonalDataCipher(config.dataKey), now);
    if (demo.employers) logger.log(`Seeded demo data: ${demo.employers} employers, ${demo.posts} posts, ${demo.residents} residents`);
    const policies = await seedDemoPolicies(ds, now);
    if (policies) logger.log(`Seeded ${policies} demo policies`);
  }
  return ds;
}
