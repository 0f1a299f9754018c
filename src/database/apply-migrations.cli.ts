/**
 * `npm run db:deploy`: applies the migrations to DATABASE_URL and exits, as `prisma migrate deploy`
 * would, without starting the service: a release step for deployments that migrate before they roll.
 * The service also migrates at start-up (through this very script, in a child process), so this is
 * never required. With --json it prints the applied migrations' names as a JSON array.
 */
import { applyMigrations } from './migrations.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: nothing to migrate');
  process.exit(2);
}
try {
  const applied = await applyMigrations(url);
  if (process.argv.includes('--json')) console.log(JSON.stringify(applied));
  else console.log(applied.length ? `applied ${applied.join(', ')}` : 'the database schema is up to date');
  // The WebAssembly engine leaves an idle timer behind; a release step should not wait for it.
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
