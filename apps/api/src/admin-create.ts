import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { InvitationsService } from './auth/invitations/invitations.service';
import { loadConfigOrExit } from './config/app-config';

/**
 * `npm run admin:create -- --name 张三`: how a new installation gets its first district admin. Prints a
 * one-time invitation code (valid 7 days) on its last line; the person logs in to the mini-program (or
 * the H5 page) and enters it under 我的 → 我有邀请码. Uses the same settings as the API (DATABASE_URL,
 * DATA_KEY …); the database is migrated first if it is new.
 */
async function main(): Promise<void> {
  const at = process.argv.indexOf('--name');
  const name = at >= 0 ? (process.argv[at + 1] ?? '').trim() : '';
  if (!name || name.length > 32) {
    console.error('Usage: npm run admin:create -- --name <the admin\'s name, 1–32 characters>');
    process.exit(2);
  }
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { runProcessors: false, servesHttp: false }), { logger: ['error'] });
  try {
    const invitation = await app.get(InvitationsService).create({ role: 'admin', name }, null, null);
    console.log(`District admin invitation for ${name}, valid until ${invitation.expiresAt}.`);
    console.log('Log in to 枣工快递 and enter this code under 我的 → 我有邀请码 (one use):');
    console.log(invitation.code);
  } finally {
    await app.close();
  }
}

main().catch((e: unknown) => {
  console.error('admin:create failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
